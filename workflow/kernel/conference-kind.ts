import type { ConferenceKind } from "../../cards/common/view-model";
import type { Meeting } from "../../model";

/**
 * What the cards call a meeting: a conference by its kind (ICPC, RCPC); a
 * CLA review is booked the same way with the IRO as chair (the councils' other procedures) and is
 * called a review ("Book the CLA review", "Invite list: CLA review"), never
 * a conference.
 */
export function conferenceKind(meeting: Meeting): ConferenceKind {
  if (meeting.kind === "CLA") return "CLA review";
  return meeting.kind === "ICPC" ? "ICPC" : "RCPC";
}
