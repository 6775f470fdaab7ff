import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { personChoice, requiredText, toggle } from "../common/fields";

/** verb booking.book: a slot inside the limit. */
export const BookSubmission = z.object({
  ...meetingAction,
  slotId: requiredText("Choose a slot", 255),
  inPerson: toggle(),
});
export type BookSubmission = z.output<typeof BookSubmission>;

/**
 * verb booking.book-past-limit: booking after the limit makes the meeting
 * out of timescale; it needs the approval the policy names (docs/rules.md, national rules; Leicestershire: the Service Manager) and the reason, which stay on the
 * meeting and on every exception report until it is held.
 */
export const BookPastLimitSubmission = z.object({
  ...meetingAction,
  pastLimitSlotId: requiredText("Choose a slot", 255),
  approverId: personChoice("Choose who approves booking past the limit"),
  pastLimitReason: requiredText("Say why the conference cannot be held in time", 1000),
  inPerson: toggle(),
});
export type BookPastLimitSubmission = z.output<typeof BookPastLimitSubmission>;
