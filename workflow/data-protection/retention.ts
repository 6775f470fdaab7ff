import { randomUUID } from "node:crypto";
import { DOC_SCHEMAS, type AuditEntry, type DocType } from "../../model";
import { pseudonym } from "../../model/audit-pseudonym";
import { isStoreError } from "../../ports/store";
import type { RecordStore, RemovableType } from "../../ports/records";
import { expired, type RetentionPeriods } from "../kernel/retention-periods";
import { gatherCases, type CaseRecords } from "./case-records";
import { chainHeads, type ChainHead } from "./heads";
import { RETENTION_RUN } from "./verify";

export interface RetentionReport {
  configured: boolean;
  deleted: {
    closedCases: number;
    caseRecords: number;
    tasks: number;
    notifications: number;
    inboundNotifications: number;
    quarantined: number;
    auditPartitions: number;
  };
  /** Quarantined records found (deleted or not); looked for only with a period for them. */
  quarantinedFound: number;
  /** The chain heads recorded in the run's own entry, before it was written. */
  heads: ChainHead[];
}

const SETTLED_TASK = new Set(["done", "failed", "cancelled"]);
const SETTLED_NOTIFICATION = new Set(["sent", "recipient-gone", "failed"]);
/**
 * Fields a quarantined record may still carry its date in, in order of
 * preference; one the store set aside (store/quarantine.ts) carries the
 * date it was set aside (quarantinedAt).
 */
const DATE_FIELDS = [
  "createdAt",
  "receivedAt",
  "recordedAt",
  "at",
  "dueAt",
  "updatedAt",
  "quarantinedAt",
];

async function auditQuietly(store: RecordStore, entry: AuditEntry): Promise<void> {
  try {
    await store.appendAudit(entry);
  } catch (err) {
    // The run's own entry has a deterministic id: a rerun of the same task
    // finds it written and does not write it twice.
    if (!isStoreError(err, "Conflict")) throw err;
  }
}

/**
 * One day's retention (docs/data-protection.md, "How long"): deletes the
 * records whose configured period has ended and audits what went, as
 * counts and ids, never content. A kind with no period is never touched.
 * Deletions about a case are audited in the case's own trail (where its
 * ids are pseudonymised); the rest, and the totals, in the system trail.
 */
export async function applyRetention(
  store: RecordStore,
  periods: RetentionPeriods | undefined,
  now: Date,
  runId: string,
): Promise<RetentionReport> {
  const p = periods ?? {};
  const at = now.toISOString();
  const deleted: RetentionReport["deleted"] = {
    closedCases: 0,
    caseRecords: 0,
    tasks: 0,
    notifications: 0,
    inboundNotifications: 0,
    quarantined: 0,
    auditPartitions: 0,
  };
  const systemIds: string[] = [];
  const perCase = new Map<string, string[]>();
  const note = (caseId: string | undefined, id: string) => {
    if (caseId === undefined) systemIds.push(id);
    else perCase.set(caseId, [...(perCase.get(caseId) ?? []), id]);
  };

  // Nothing configured, nothing read: a run then only records the heads.
  const needCases =
    p.closedCases !== undefined ||
    p.tasks !== undefined ||
    p.notifications !== undefined ||
    p.quarantined !== undefined ||
    p.auditTrail !== undefined;
  const cases = needCases ? await gatherCases(store) : new Map<string, CaseRecords>();
  const gone = new Set<string>();
  // Closed cases: the case and everything of it, unless work is still open.
  for (const [caseId, c] of cases) {
    if (c.kase.closedAt === undefined || !expired(c.kase.closedAt, p.closedCases, now)) continue;
    if (c.tasks.some((t) => !SETTLED_TASK.has(t.status))) continue;
    // Audited first, while the case still names its children: their ids
    // inside record ids are then written as their pseudonyms.
    const docs = [...c.meetings, ...c.others];
    const ids = [
      caseId,
      ...docs.map((d) => d.id),
      ...c.tasks.map((t) => t.id),
      ...c.notifications.map((n) => n.id),
    ];
    await store.appendAudit({
      id: randomUUID(),
      type: "audit-entry",
      pk: caseId,
      caseId,
      actor: "system",
      action: "retention.delete",
      target: { type: "case", id: caseId },
      at,
      detail: { kind: "closedCases", count: ids.length, ids: ids.join(","), run: runId },
    });
    for (const doc of docs) await store.remove(doc.type as RemovableType, doc.id, doc.pk);
    for (const t of c.tasks) await store.remove("task", t.id, t.pk);
    for (const n of c.notifications) await store.remove("notification", n.id, n.pk);
    await store.remove("case", caseId, caseId);
    for (const id of ids) gone.add(id);
    deleted.closedCases += 1;
    deleted.caseRecords += ids.length - 1;
  }

  const caseOf = new Map<string, string>();
  for (const [caseId, c] of cases) {
    for (const t of c.tasks) caseOf.set(t.id, caseId);
    for (const n of c.notifications) caseOf.set(n.id, caseId);
  }
  if (p.tasks !== undefined) {
    for (const t of (await store.everyOfType("task")).items) {
      if (gone.has(t.id) || !SETTLED_TASK.has(t.status) || !expired(t.dueAt, p.tasks, now))
        continue;
      if (await store.remove("task", t.id, t.pk)) {
        deleted.tasks += 1;
        note(caseOf.get(t.id), t.id);
      }
    }
  }
  if (p.notifications !== undefined) {
    for (const n of (await store.everyOfType("notification")).items) {
      if (gone.has(n.id) || !SETTLED_NOTIFICATION.has(n.status)) continue;
      if (!expired(n.createdAt, p.notifications, now)) continue;
      if (await store.remove("notification", n.id, n.pk)) {
        deleted.notifications += 1;
        note(caseOf.get(n.id), n.id);
      }
    }
  }
  if (p.inboundNotifications !== undefined) {
    for (const n of (await store.everyOfType("inbound-notification")).items) {
      if (!expired(n.receivedAt, p.inboundNotifications, now)) continue;
      if (await store.remove("inbound-notification", n.id, n.pk)) {
        deleted.inboundNotifications += 1;
        note(undefined, n.id);
      }
    }
  }

  // Quarantined: stored records that fail their schema. Deleted only once
  // a date they still carry is past the period; never an audit entry.
  let quarantinedFound = 0;
  for (const r of p.quarantined === undefined ? [] : await store.everyRecord()) {
    if (r.container === "audit") continue;
    let raw: Record<string, unknown> | undefined;
    try {
      raw = JSON.parse(r.body) as Record<string, unknown>;
    } catch {
      raw = undefined;
    }
    const schema = DOC_SCHEMAS[r.type as DocType];
    if (schema !== undefined && schema.safeParse(raw).success) continue;
    quarantinedFound += 1;
    const date = DATE_FIELDS.map((f) => raw?.[f]).find((v): v is string => typeof v === "string");
    if (date === undefined || !expired(date, p.quarantined, now)) continue;
    if (await store.removeRecord(r.container, r.pk, r.id)) {
      deleted.quarantined += 1;
      const caseId =
        typeof raw?.caseId === "string" && cases.has(raw.caseId) ? raw.caseId : undefined;
      note(caseId, r.id);
    }
  }

  // The audit trail of a case, once its newest entry is past the period:
  // the partition goes, and the keys of its pseudonyms with it.
  const removedPartitions: string[] = [];
  if (p.auditTrail !== undefined) {
    const byPseudonym = new Map<string, string>();
    const keys = (await store.everyOfType("subject-key")).items;
    for (const k of keys)
      if (k.subject === "case") byPseudonym.set(pseudonym(k.key, k.caseId), k.caseId);
    for (const pk of await store.auditPartitions()) {
      if (pk === "system" || cases.has(pk)) continue;
      const caseId = byPseudonym.get(pk);
      if (caseId !== undefined && cases.has(caseId) && !gone.has(caseId)) continue;
      const head = await store.auditHead(pk);
      const chain = head === undefined ? (await store.auditChain(pk)).items : [head];
      const newest = chain.reduce((m, e) => (e.at > m ? e.at : m), "");
      if (newest === "" || !expired(newest, p.auditTrail, now)) continue;
      await store.removeAuditPartition(pk);
      removedPartitions.push(pk);
      deleted.auditPartitions += 1;
      if (caseId !== undefined) {
        // The keys go with the trail: nothing can tie its pseudonyms to anyone now.
        for (const k of keys.filter((x) => x.caseId === caseId))
          await store.remove("subject-key", k.id, k.pk);
      }
    }
  }

  for (const [caseId, ids] of perCase) {
    await store.appendAudit({
      id: randomUUID(),
      type: "audit-entry",
      pk: caseId,
      caseId,
      actor: "system",
      action: "retention.delete",
      target: { type: "case", id: caseId },
      at,
      detail: { kind: "records", count: ids.length, ids: ids.join(","), run: runId },
    });
  }
  const heads = await chainHeads(store);
  const total = Object.values(deleted).reduce((a, b) => a + b, 0);
  await auditQuietly(store, {
    id: `retention:${runId}`,
    type: "audit-entry",
    pk: "system",
    actor: "system",
    action: RETENTION_RUN,
    target: { type: "retention", id: runId },
    at,
    detail: {
      configured: Object.keys(p).length > 0,
      deleted: total,
      ...Object.fromEntries(Object.entries(deleted).map(([k, v]) => [`deleted.${k}`, v])),
      quarantinedFound,
      ids: systemIds.join(","),
      auditPartitionsRemoved: removedPartitions.join(","),
      heads: JSON.stringify(heads),
    },
  });
  return { configured: Object.keys(p).length > 0, deleted, quarantinedFound, heads };
}
