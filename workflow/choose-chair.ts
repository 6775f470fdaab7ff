import type { Case, Meeting, PersonRef } from "../model";
import { asPersonRef, staffWithRole, type Authority } from "./authority";
import { WorkflowError } from "./errors";

/**
 * The chair a conference is booked with: the meeting's, else the case's
 * (continuity: 003 asks that the same CPA chair a child's conferences),
 * else the authority's first chair, never one who declined it. The duty
 * rota of 003 is issue 6.
 */
export function chooseChair(authority: Authority, kase: Case, meeting: Meeting): PersonRef {
  // 003: a chair who declined (they know the family) is never offered it again.
  const declined = new Set(meeting.declinedChairs ?? []);
  const ok = (p: PersonRef | undefined): p is PersonRef =>
    p !== undefined && !declined.has(p.entraObjectId);
  if (ok(meeting.chair)) return meeting.chair;
  if (ok(kase.chair)) return kase.chair;
  const other = staffWithRole(authority, "chair").map(asPersonRef).find(ok);
  if (other === undefined) {
    throw new WorkflowError(
      "Conflict",
      "No chair is left who has not declined this conference: the team manager needs to decide.",
    );
  }
  return other;
}
