import { randomUUID } from "node:crypto";
import type { AuditEntry, Case, Child } from "../../model";
import type { Meeting } from "../../model";
import { subjectKeyId } from "../../model";
import { pseudonym } from "../../model/audit-pseudonym";
import type { RecordStore, RemovableType } from "../../ports/records";
import { gatherCases, type CaseRecords } from "./case-records";

/**
 * Who a request is about (docs/data-protection.md, "Identifying a child"):
 * the case's reference, and the child's NHS number, or their name and date
 * of birth. Both must match one child of that one case.
 */
export type ChildIdentity =
  { reference: string; nhsNumber: string } | { reference: string; name: string; dob: string };

/** The request does not identify exactly one child: the operator's to correct. */
export class SubjectNotFound extends Error {
  override readonly name = "SubjectNotFound";
}

export interface Subject {
  records: CaseRecords;
  child: Child;
  siblings: Child[];
}

const normalName = (s: string) => s.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();

export async function findSubject(store: RecordStore, who: ChildIdentity): Promise<Subject> {
  const cases = [...(await gatherCases(store)).values()].filter(
    (c) => c.kase.reference.toLowerCase() === who.reference.trim().toLowerCase(),
  );
  if (cases.length === 0) throw new SubjectNotFound(`no case has the reference ${who.reference}`);
  if (cases.length > 1)
    throw new SubjectNotFound(`more than one case has the reference ${who.reference}`);
  const records = cases[0] as CaseRecords;
  const matches = records.kase.children.filter((c) =>
    "nhsNumber" in who
      ? c.nhsNumber !== undefined && c.nhsNumber === who.nhsNumber
      : normalName(c.name) === normalName(who.name) && c.dob === who.dob,
  );
  if (matches.length === 0)
    throw new SubjectNotFound(`no child of case ${records.kase.reference} matches`);
  if (matches.length > 1)
    throw new SubjectNotFound(`more than one child of case ${records.kase.reference} matches`);
  const child = matches[0] as Child;
  return { records, child, siblings: records.kase.children.filter((c) => c.id !== child.id) };
}

/** The strings that identify a child: what an export must not show of a sibling, and an erasure must leave nowhere. */
export function identifiersOf(child: Child): string[] {
  return [child.id, child.name, child.dob, child.nhsNumber].filter(
    (s): s is string => s !== undefined && s !== "",
  );
}

/** Deep copy with every string passed through `f`. */
function mapDeep(value: unknown, f: (s: string) => string): unknown {
  if (typeof value === "string") return f(value);
  if (Array.isArray(value)) return value.map((v) => mapDeep(v, f));
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapDeep(v, f)]));
  return value;
}

function mentions(value: unknown, needles: readonly string[]): boolean {
  const text = JSON.stringify(value).toLowerCase();
  return needles.some((n) => text.includes(n.toLowerCase()));
}

function replaceAll(s: string, needles: readonly string[], by: string): string {
  let out = s;
  for (const n of [...needles].sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "gi"), by);
  }
  return out;
}

const strip = <T extends { etag?: string }>(d: T): Omit<T, "etag"> => {
  const { etag: _e, ...rest } = d;
  return rest;
};

/**
 * Everything Convene holds about one child (a subject access request): the
 * case as it concerns them, every meeting of the case and its decision,
 * their register entries, the case's lists, reports, notices and
 * consultations, every task and message about the case, and the case's
 * audit trail. A sibling's entries are left out, and a sibling's name or
 * identifiers anywhere else are replaced by "[another child]".
 */
export async function exportSubject(store: RecordStore, subject: Subject, at: Date) {
  const { records, child, siblings } = subject;
  const { kase } = records;
  const siblingIds = siblings.flatMap(identifiersOf);
  const hide = <T>(v: T): T =>
    (siblingIds.length === 0
      ? v
      : mapDeep(v, (s) => replaceAll(s, siblingIds, "[another child]"))) as T;
  const aboutSibling = (d: { childId?: string }) =>
    d.childId !== undefined && d.childId !== child.id;
  const { children: _c, indexChildId: _i, etag: _e, ...caseFields } = kase;
  const others = records.others.filter((d) => !aboutSibling(d as { childId?: string }));
  const ofType = (type: string) => others.filter((d) => d.type === type).map(strip);
  const audit = (await store.auditOfCase(kase.id)).items.filter(
    (e: AuditEntry) =>
      !mentions(
        { target: e.target, detail: e.detail },
        siblings.map((s) => s.id),
      ),
  );
  // Decisions are per child: a meeting about siblings is exported with
  // this child's place in it only.
  const aboutChild = records.meetings
    .filter((m) => m.childIds === undefined || m.childIds.includes(child.id))
    .map((m) => onlyChild(m, child.id));
  return hide({
    subject: {
      caseReference: kase.reference,
      childId: child.id,
      name: child.name,
      ...(child.dob !== undefined ? { dob: child.dob } : {}),
      ...(child.nhsNumber !== undefined ? { nhsNumber: child.nhsNumber } : {}),
    },
    exportedAt: at.toISOString(),
    case: { ...caseFields, child },
    meetings: aboutChild.map(strip),
    decisions: aboutChild
      .filter((m) => m.outcome !== undefined)
      .map((m) => ({ meetingId: m.id, kind: m.kind, start: m.start, outcome: m.outcome })),
    registerEntries: ofType("register-entry"),
    inviteLists: ofType("invite-list"),
    accessNeeds: ofType("access-needs"),
    reportStatuses: ofType("report-status"),
    qaNotices: ofType("qa-notice"),
    consultations: ofType("consultation"),
    tasks: records.tasks.map(strip),
    notifications: records.notifications.map(strip),
    audit: audit.map(strip),
  });
}

/** Why a child's records are erased: codes only, so the audit holds no free text. */
export const ERASURE_REASONS = [
  "subject-request",
  "court-order",
  "recorded-in-error",
  "no-lawful-basis",
] as const;
export type ErasureReason = (typeof ERASURE_REASONS)[number];

export interface ErasureReport {
  caseErased: boolean;
  deleted: number;
  redacted: number;
  keysDestroyed: number;
  /** Records that still carry an identifier after the erasure: empty when it worked. */
  remaining: { container: string; id: string }[];
}

/**
 * Erases one child: deletes what is theirs alone (their register entries;
 * with the last child of a case, the whole case, its tasks and messages),
 * removes them from the case and redacts their name and identifiers from
 * anything else that holds them, then destroys their pseudonym key (and
 * the case's, with the case), so the audit trail, which never changes,
 * can no longer be tied to them. The audit records that it happened, why
 * and on whose approval; never who. Finally every record is searched for
 * what identified the child.
 */
export async function eraseSubject(
  store: RecordStore,
  subject: Subject,
  how: { reason: ErasureReason; approver: string; at: Date },
): Promise<ErasureReport> {
  const { records, child, siblings } = subject;
  const { kase } = records;
  const at = how.at.toISOString();
  const caseErased = siblings.length === 0;
  const needles = identifiersOf(child);
  if (caseErased) needles.push(kase.id, kase.reference);
  const childKey = await store.get(
    "subject-key",
    subjectKeyId(kase.id, child.id),
    subjectKeyId(kase.id, child.id),
  );
  const caseKey = await store.get("subject-key", subjectKeyId(kase.id), subjectKeyId(kase.id));

  // The audit first: written while the keys exist, so what it says of the
  // child is their pseudonym only.
  if (!caseErased) {
    await store.appendAudit({
      id: randomUUID(),
      type: "audit-entry",
      pk: kase.id,
      caseId: kase.id,
      actor: how.approver,
      action: "subject.erase",
      target: { type: "child", id: child.id },
      at,
      detail: { reason: how.reason },
    });
  }
  await store.appendAudit({
    id: randomUUID(),
    type: "audit-entry",
    pk: "system",
    actor: how.approver,
    action: "subject.erase",
    target: {
      type: "child",
      id: childKey !== undefined ? pseudonym(childKey.key, child.id) : "unkeyed",
    },
    at,
    detail: {
      reason: how.reason,
      caseErased,
      ...(caseKey !== undefined ? { case: pseudonym(caseKey.key, kase.id) } : {}),
    },
  });

  let deleted = 0;
  let redacted = 0;
  if (caseErased) {
    for (const doc of [...records.meetings, ...records.others])
      if (await store.remove(doc.type as RemovableType, doc.id, doc.pk)) deleted += 1;
    for (const t of records.tasks) if (await store.remove("task", t.id, t.pk)) deleted += 1;
    for (const n of records.notifications)
      if (await store.remove("notification", n.id, n.pk)) deleted += 1;
  } else {
    for (const doc of records.others) {
      if (doc.type === "register-entry" && doc.childId === child.id) {
        if (await store.remove("register-entry", doc.id, doc.pk)) deleted += 1;
      }
    }
    // A meeting about this child alone goes; one about siblings too keeps
    // theirs and loses this child's place and decision.
    for (const m of records.meetings) {
      if (m.childIds === undefined || !m.childIds.includes(child.id)) continue;
      if (m.childIds.length === 1) {
        if (await store.remove("meeting", m.id, m.pk)) deleted += 1;
        continue;
      }
      const current = await store.get("meeting", m.id, m.pk);
      if (current === undefined) continue;
      await store.replace(withoutChild(current, child.id), current.etag ?? "");
      redacted += 1;
    }
  }
  // Anything else that names the child (a month's case-mapping rows, a
  // rota's sick cover, free text): rows of an erased case go; other
  // strings are redacted. The audit and the keys are left to the keys.
  for (const r of await store.everyRecord()) {
    if (r.container === "audit" || r.container === "keys") continue;
    if (r.type === "case" && r.id === kase.id) continue;
    if (!needles.some((n) => r.body.toLowerCase().includes(n.toLowerCase()))) continue;
    const doc = await store.get(r.type as "meeting", r.id, r.pk);
    if (doc === undefined) continue;
    let next: unknown = doc;
    if (caseErased && doc.type === ("case-mapping-month" as string)) {
      const month = doc as unknown as { rows: { caseId: string }[] };
      next = { ...month, rows: month.rows.filter((row) => row.caseId !== kase.id) };
    }
    if (caseErased && doc.type === ("duty-rota" as string)) {
      const rota = doc as unknown as { covers: { caseId: string }[] };
      next = { ...rota, covers: rota.covers.filter((c) => c.caseId !== kase.id) };
    }
    next = mapDeep(next, (s) => replaceAll(s, needles, "[erased]"));
    await store.replace(next as typeof doc, doc.etag ?? "");
    redacted += 1;
  }
  // Last, the child leaves the case (or the case goes): a rerun after a
  // failure above still finds them and finishes.
  if (caseErased) {
    if (await store.remove("case", kase.id, kase.id)) deleted += 1;
  } else {
    const current = await store.get("case", kase.id, kase.id);
    if (current !== undefined) {
      const children = current.children.filter((c) => c.id !== child.id);
      const updated: Case = {
        ...current,
        children,
        indexChildId:
          current.indexChildId === child.id ? (children[0] as Child).id : current.indexChildId,
      };
      await store.replace(updated, current.etag ?? "");
    }
  }
  let keysDestroyed = 0;
  const keyIds = [subjectKeyId(kase.id, child.id), ...(caseErased ? [subjectKeyId(kase.id)] : [])];
  for (const id of keyIds) if (await store.remove("subject-key", id, id)) keysDestroyed += 1;

  const remaining = (await store.everyRecord())
    .filter((r) => needles.some((n) => r.body.toLowerCase().includes(n.toLowerCase())))
    .map((r) => ({ container: r.container, id: r.id }));
  return { caseErased, deleted, redacted, keysDestroyed, remaining };
}

/** The meeting as it concerns one child: the other children's ids and decisions left out. */
function onlyChild<M extends Meeting>(m: M, childId: string): M {
  return {
    ...m,
    ...(m.childIds !== undefined ? { childIds: m.childIds.filter((id) => id === childId) } : {}),
    ...(m.indexChildId !== undefined && m.indexChildId !== childId
      ? { indexChildId: undefined }
      : {}),
    ...(m.outcome !== undefined
      ? {
          outcome: {
            ...m.outcome,
            children: m.outcome.children.filter((c) => c.childId === childId),
          },
        }
      : {}),
  };
}

/** The meeting without one child: its siblings' places and decisions stay. */
function withoutChild<M extends Meeting>(m: M, childId: string): M {
  const childIds = (m.childIds ?? []).filter((id) => id !== childId);
  const { indexChildId, ...rest } = m;
  return {
    ...rest,
    childIds,
    ...(indexChildId !== undefined && indexChildId !== childId ? { indexChildId } : {}),
    ...(m.outcome !== undefined
      ? {
          outcome: {
            ...m.outcome,
            children: m.outcome.children.filter((c) => c.childId !== childId),
          },
        }
      : {}),
  } as M;
}
