import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { requiredText } from "../common/fields";

/** verb booking.accept. */
export const AcceptBookingSubmission = z.object({ ...meetingAction });
export type AcceptBookingSubmission = z.output<typeof AcceptBookingSubmission>;

/**
 * verb booking.decline. West Sussex: a CPA who knows the family declines with a
 * reason (copied to the CPA team manager), so the reason is required.
 */
export const DeclineBookingSubmission = z.object({
  ...meetingAction,
  declineReason: requiredText("Say why you are declining", 1000),
});
export type DeclineBookingSubmission = z.output<typeof DeclineBookingSubmission>;

/**
 * verb meeting.allow-recording: the chair allows this one meeting to be
 * recorded (Leicestershire records a conference no clerk can minute, once
 * agreed beforehand); the reason is required and kept on the meeting.
 */
export const AllowRecordingSubmission = z.object({
  ...meetingAction,
  recordingReason: requiredText("Say why this conference is recorded and who agreed", 1000),
});
export type AllowRecordingSubmission = z.output<typeof AllowRecordingSubmission>;
