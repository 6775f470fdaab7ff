import type { Case, Meeting, PersonRef } from "../model";
import { asPersonRef, staffWithRole, type Authority } from "./authority";

/**
 * The chair a conference is booked with: the meeting's, else the case's
 * (continuity: 003 asks that the same CPA chair a child's conferences),
 * else the authority's first chair. The duty rota of 003 is issue 6.
 */
export function chooseChair(authority: Authority, kase: Case, meeting: Meeting): PersonRef {
  const chosen = meeting.chair ?? kase.chair;
  if (chosen !== undefined) return chosen;
  const first = staffWithRole(authority, "chair")[0];
  if (first === undefined) throw new Error("the authority has no chair configured");
  return asPersonRef(first);
}
