import type { Case, Meeting, PersonRef } from "../../model";
import { asPersonRef, staffById, staffWithRole, type Authority } from "../kernel/authority";
import { WorkflowError } from "../kernel/errors";

/**
 * The chair a conference is booked with: the meeting's, else the chair the
 * slots were offered for (workflow/chairs/offer-chair.ts picks them by
 * availability and caseload), else the case's (continuity: West Sussex asks that
 * the same CPA chair a child's conferences), else the authority's first
 * chair, never one who declined it.
 */
/** The councils' other procedures: a CLA review is chaired by an IRO (docs/rules.md, words), never the case's CP chair. */
export const chairRole = (meeting: Meeting): "iro" | "chair" =>
  meeting.kind === "CLA" ? "iro" : "chair";

export function chooseChair(authority: Authority, kase: Case, meeting: Meeting): PersonRef {
  // West Sussex: a chair who declined (they know the family) is never offered it again.
  const declined = new Set(meeting.declinedChairs ?? []);
  const ok = (p: PersonRef | undefined): p is PersonRef =>
    p !== undefined && !declined.has(p.entraObjectId);
  // A requested meeting carries the case's chair until booked; the slots
  // offered may be another chair's (the case's chair away, West Sussex): book with them.
  const offered = meeting.status === "requested" ? meeting.offer?.chairId : undefined;
  const offeredChair = offered !== undefined ? staffById(authority, offered) : undefined;
  if (offeredChair?.roles.includes(chairRole(meeting)) === true && ok(asPersonRef(offeredChair)))
    return asPersonRef(offeredChair);
  if (ok(meeting.chair)) return meeting.chair;
  if (chairRole(meeting) === "chair" && ok(kase.chair)) return kase.chair;
  const other = staffWithRole(authority, chairRole(meeting)).map(asPersonRef).find(ok);
  if (other === undefined) {
    throw new WorkflowError(
      "Conflict",
      "No chair is left who has not declined this conference: the team manager needs to decide.",
    );
  }
  return other;
}

/**
 * The chairs a requested conference may be offered with, best first: the
 * meeting's own chair alone once booked (a booked meeting keeps its chair);
 * else the chair it was requested with, or the case's (continuity, West Sussex), then the others by
 * caseload, fewest conferences in the coming weeks first (a fair share),
 * then in the authority's order. Never one who declined it.
 */
export function chairCandidates(
  authority: Authority,
  kase: Case,
  meeting: Meeting,
  upcoming: ReadonlyMap<string, number>,
): PersonRef[] {
  const declined = new Set(meeting.declinedChairs ?? []);
  const own = meeting.chair !== undefined && !declined.has(meeting.chair.entraObjectId);
  if (own && meeting.status !== "requested") return [meeting.chair as PersonRef];
  const chairs = staffWithRole(authority, chairRole(meeting))
    .map(asPersonRef)
    .filter((c) => !declined.has(c.entraObjectId));
  const order = new Map(chairs.map((c, i) => [c.entraObjectId, i]));
  const byLoad = [...chairs].sort(
    (a, b) =>
      (upcoming.get(a.entraObjectId) ?? 0) - (upcoming.get(b.entraObjectId) ?? 0) ||
      (order.get(a.entraObjectId) ?? 0) - (order.get(b.entraObjectId) ?? 0),
  );
  // Continuity (West Sussex): the chair the meeting was requested with, else the case's.
  const preferred = own ? meeting.chair : chairRole(meeting) === "chair" ? kase.chair : undefined;
  const continuity =
    preferred !== undefined &&
    !declined.has(preferred.entraObjectId) &&
    chairs.some((c) => c.entraObjectId === preferred.entraObjectId)
      ? preferred
      : undefined;
  const rest = byLoad.filter((c) => c.entraObjectId !== continuity?.entraObjectId);
  return continuity !== undefined ? [continuity, ...rest] : rest;
}
