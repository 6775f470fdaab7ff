import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { toggle } from "../common/fields";

/**
 * verb cla.record-minutes. Virtual-conference: on the day of the review the IRO makes sure
 * the minutes and recommendations are entered on the child's record and
 * tasked to be shared with those involved. Both are confirmations: the
 * minutes themselves stay on the council's record, never in Convene.
 */
export const ClaMinutesSubmission = z.object({
  ...meetingAction,
  minutesRecorded: toggle().refine((v) => v, {
    message: "Confirm the minutes and recommendations are on the child's record",
  }),
  sharingTasked: toggle().refine((v) => v, {
    message: "Confirm the minutes are tasked to be shared with those involved",
  }),
});
export type ClaMinutesSubmission = z.output<typeof ClaMinutesSubmission>;
