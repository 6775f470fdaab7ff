import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatInstant, formatRange } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { BookingConfirmationView } from "./view-model";

const FIELDS = ["declineReason", "recordingReason"] as const;

/**
 * West Sussex: the CPA accepts or declines the booking, and declines with a reason
 * when they know the family (a conflict of interest; the decline is copied
 * to the CPA team manager). The SW's card says the same without the
 * conflict-of-interest wording.
 */
export function buildBookingConfirmationCard(view: BookingConfirmationView): CardJson {
  const chosen = view.recipient === "chair" && view.chosenByChair === true;
  const chair = view.recipient === "chair" && !chosen;
  const startText = formatInstant(view.start);
  return expandCard(template, {
    fallbackText: chosen
      ? `The ${view.meetingKind} for case ${view.caseReference} is booked for ${startText}, as you chose`
      : `Please confirm the ${view.meetingKind} for case ${view.caseReference} on ${startText}`,
    headingText: chosen
      ? `Booked as you chose: ${view.meetingKind} on ${startText}`
      : `Please confirm: ${view.meetingKind} on ${startText}`,
    caseId: view.caseId,
    meetingId: view.meetingId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    meetingKind: view.meetingKind,
    startText,
    whenText: formatRange(view.start, view.end),
    whereText: view.inPerson
      ? `In person and on Teams: ${view.venue ?? "room not recorded"}`
      : "Teams meeting",
    // Only the chair may allow recording, for this meeting, with a reason.
    showRecording: view.recipient === "chair",
    recordingText: view.recordingAllowed ? "Agreed by the chair" : "Off",
    chairName: view.chairName,
    // The chair sees who the family is before deciding about a conflict of interest (a chair who knows the family declines).
    familyText: chair ? (view.familyNames ?? "") : "",
    declineTitle: chair ? "Decline: conflict of interest" : chosen ? "Cannot chair it" : "Decline",
    declineHint: chair
      ? "Decline if you have a conflict of interest (for example, you know the family). Your reason goes to the clerk and the CPA team manager, who arrange another chair."
      : chosen
        ? "You chose this date and time at the conference. If you can no longer chair it, say why: the clerk and the CPA team manager arrange another chair."
        : "Decline if you cannot attend; the clerk will look for another time.",
    reasonLabel: chair ? "Reason (for example, how you know the family)" : "Reason",
    v: inputValues(FIELDS, view.values, {}),
    e: fieldErrorsOn(FIELDS, view.errors),
    // The reason sits in the folded ShowCard: its error is spelled out in the summary too.
    summary: errorSummary(view.errors, () => false),
  });
}
