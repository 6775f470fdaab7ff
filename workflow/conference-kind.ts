import type { Meeting } from "../model";

/**
 * The cards speak of conferences (ICPC, RCPC); a CLA review is booked the
 * same way with the IRO as chair (issue 6) and shows as a review.
 */
export function conferenceKind(meeting: Meeting): "ICPC" | "RCPC" {
  return meeting.kind === "ICPC" ? "ICPC" : "RCPC";
}
