import type { Case, Meeting } from "../../model";
import type { CardJson } from "../../ports/notifier";
import * as cards from "../kernel/cards";
import { conferenceKind } from "../kernel/conference-kind";
import { familyNames } from "../invitations/children";

/**
 * Asked for by its own chair: only the chair's outcome does that (the next
 * review, booked with the date and time the chair gave); conference requests
 * are social workers' and managers' (the request verb's roles).
 */
function chosenByChair(meeting: Meeting): boolean {
  return meeting.requestedBy !== undefined && meeting.requestedBy === meeting.chair?.entraObjectId;
}

/**
 * The booking confirmation as the chair or the social worker sees it: one
 * place builds it, so a card shown again after a refused answer (the chair's
 * decline, allowing the recording) still names the family and the venue
 * exactly as the first one did, and keeps what was typed.
 */
export function confirmationCard(
  kase: Case,
  meeting: Meeting,
  recipient: "chair" | "social-worker",
  form: { errors?: Record<string, string>; values?: Record<string, string> } = {},
): CardJson {
  return cards.bookingConfirmation({
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    meetingKind: conferenceKind(meeting),
    start: meeting.start ?? "",
    end: meeting.end ?? "",
    inPerson: meeting.inPerson,
    // A room that declined the booking is no venue.
    ...(meeting.room !== undefined && meeting.room.reply !== "declined"
      ? { venue: meeting.room.name }
      : {}),
    recordingAllowed: meeting.recording !== undefined,
    recipient,
    chairName: meeting.chair?.name ?? "",
    ...(recipient === "chair" && chosenByChair(meeting) ? { chosenByChair: true } : {}),
    familyNames: familyNames(kase),
    ...(form.errors !== undefined ? { errors: form.errors } : {}),
    ...(form.values !== undefined ? { values: form.values } : {}),
  });
}
