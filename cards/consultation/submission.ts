import { z } from "zod";
import { caseAction, meetingIdField, optionalMeetingIdField } from "../common/action-data";
import { choice, localDate, personChoice, requiredText } from "../common/fields";

/**
 * verb consultation.record (chair-consultation items 1-2). The manager is one the card
 * offered (an Entra id): workflow/ checks it is the case's TM or SM, that
 * the day is not in the future, and that the actor is a CP chair.
 */
export const ConsultationSubmission = z.object({
  ...caseAction,
  meetingId: optionalMeetingIdField,
  on: localDate("Enter the date of the consultation"),
  stage: choice(
    ["strategy-discussion", "before-referral"],
    "Say whether this was at the strategy discussion or before a referral",
  ),
  managerId: personChoice("Choose the manager who consulted you"),
  advice: requiredText("Record your advice", 2000),
});
export type ConsultationSubmission = z.output<typeof ConsultationSubmission>;

/** verb case-mapping.re-referral-held (chair-consultation item 3): the day the case mapping was held. */
export const ReReferralMappingSubmission = z.object({
  ...caseAction,
  meetingId: meetingIdField,
  heldOn: localDate("Enter the date the case mapping was held"),
});
export type ReReferralMappingSubmission = z.output<typeof ReReferralMappingSubmission>;
