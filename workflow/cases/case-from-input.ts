import type { Case, CaseInput, Child, PersonRef } from "../../model";
import { asPersonRef, type Authority, type StaffMember, type StaffRole } from "../kernel/authority";

/** A case's id from its council reference: one case per reference, whichever way it came in. */
export const caseIdFor = (reference: string): string => `case-${reference.trim()}`;

export type Built = { ok: true; kase: Case } | { ok: false; errors: Record<string, string> };

function findStaff(authority: Authority, key: string): StaffMember | undefined {
  const k = key.trim().toLowerCase();
  return authority.staff.find(
    (s) => s.entraObjectId.toLowerCase() === k || s.email.toLowerCase() === k,
  );
}

/**
 * The case document a valid CaseInput describes, on top of what is stored
 * already (`existing`): what the input does not speak of (the chair, CIN
 * plan, case mappings, a child's looked-after date when not given, children
 * not named) is kept, so a correction never loses what was there. People
 * are resolved against the staff list, each in the role they are named for;
 * dates of birth may not be in the future (`today`, the council's day).
 */
export function caseFromInput(
  authority: Authority,
  input: CaseInput,
  existing: Case | undefined,
  ctx: { now: Date; today: string },
): Built {
  const errors: Record<string, string> = {};
  const person = (field: string, key: string, role: StaffRole, words: string) => {
    const s = findStaff(authority, key);
    if (s === undefined) {
      errors[field] = "That person is not on the staff list";
      return undefined;
    }
    if (!s.roles.includes(role)) {
      errors[field] = `That person is not a ${words} on the staff list`;
      return undefined;
    }
    return s;
  };
  const sw = person("socialWorker", input.socialWorker, "social-worker", "social worker");
  const tm = person("teamManager", input.teamManager, "team-manager", "team manager");
  let sm: StaffMember | undefined;
  if (input.serviceManager !== undefined)
    sm = person("serviceManager", input.serviceManager, "service-manager", "service manager");
  else if (sw !== undefined) {
    const fromSw = [sw.serviceManager, tm?.serviceManager].find((x) => x !== undefined);
    sm = fromSw === undefined ? undefined : findStaff(authority, fromSw);
    if (sm === undefined && existing === undefined)
      errors.serviceManager =
        "Give the service manager: the staff list names none for this social worker";
  }

  const id = existing?.id ?? caseIdFor(input.reference);
  const kept = [...(existing?.children ?? [])];
  const used = new Set(kept.map((c) => c.id));
  const children: Child[] = input.children.map((c, i) => {
    if (c.dob !== undefined && c.dob > ctx.today)
      errors[`children[${i}].dob`] =
        "The date of birth is in the future: for an unborn child give the expected date of birth";
    const match = kept.find((k) =>
      c.id !== undefined
        ? k.sourceId === c.id
        : k.sourceId === undefined &&
          k.name === c.name &&
          (k.dob ?? k.expectedDob) === (c.dob ?? c.expectedDob),
    );
    let childId = match?.id;
    if (childId === undefined) {
      if (c.id !== undefined) childId = `${id}-child-${c.id}`;
      else {
        let n = i + 1;
        while (used.has(`${id}-child-${n}`)) n++;
        childId = `${id}-child-${n}`;
      }
    }
    used.add(childId);
    if (match !== undefined) kept.splice(kept.indexOf(match), 1);
    const lookedAfterSince = c.lookedAfterSince ?? match?.lookedAfterSince;
    const planHistory =
      c.cpPlans !== undefined
        ? c.cpPlans.map((p) => ({
            start: p.start,
            ...(p.end !== undefined ? { end: p.end } : {}),
            ...(p.category !== undefined ? { category: p.category } : {}),
          }))
        : match?.planHistory;
    return {
      id: childId,
      name: c.name,
      ...(c.dob !== undefined ? { dob: c.dob } : {}),
      ...(c.expectedDob !== undefined ? { expectedDob: c.expectedDob } : {}),
      ...(c.nhsNumber !== undefined ? { nhsNumber: c.nhsNumber } : {}),
      ...(c.id !== undefined ? { sourceId: c.id } : {}),
      ...(planHistory !== undefined ? { planHistory } : {}),
      ...(lookedAfterSince !== undefined ? { lookedAfterSince } : {}),
    };
  });
  if (Object.keys(errors).length > 0 || sw === undefined || tm === undefined)
    return { ok: false, errors };

  const indexAt =
    input.indexChild === undefined
      ? -1
      : input.children.findIndex((c) => c.id === input.indexChild);
  const indexChildId =
    indexAt >= 0
      ? children[indexAt]!.id
      : existing !== undefined && children.some((c) => c.id === existing.indexChildId)
        ? existing.indexChildId
        : children[0]!.id;
  const serviceManager: PersonRef | undefined =
    sm !== undefined ? asPersonRef(sm) : existing?.serviceManager;
  if (serviceManager === undefined)
    return { ok: false, errors: { serviceManager: "Give the service manager" } };
  const team = input.team ?? sw.team ?? existing?.team;
  const kase: Case = {
    ...(existing ?? {}),
    id,
    type: "case",
    pk: id,
    reference: input.reference,
    policy: existing?.policy ?? authority.policy,
    children: [...children, ...kept],
    indexChildId,
    socialWorker: asPersonRef(sw),
    teamManager: asPersonRef(tm),
    serviceManager,
    ...(team !== undefined ? { team } : {}),
    createdAt: existing?.createdAt ?? ctx.now.toISOString(),
  };
  delete kase.etag;
  return { ok: true, kase };
}

/** Same content, ignoring store bookkeeping: a second identical PUT or import row changes nothing. */
export function sameCase(a: Case, b: Case): boolean {
  const strip = (c: Case) => {
    const { etag: _e, updatedAt: _u, createdAt: _c, ...rest } = c;
    return rest;
  };
  return stableJson(strip(a)) === stableJson(strip(b));
}

export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : 1)),
        )
      : v,
  );
}
