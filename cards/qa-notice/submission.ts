import { z } from "zod";
import { caseAction, optionalMeetingIdField } from "../common/action-data";
import { choice, requiredText } from "../common/fields";

/**
 * verb qa-notice.send (West Sussex): which notice, and the CPA's words. Only the
 * chair of the case may send one: workflow/ checks that before storing.
 */
export const QaNoticeSubmission = z.object({
  ...caseAction,
  meetingId: optionalMeetingIdField,
  kind: choice(
    ["good-practice", "dispute-resolution"],
    "Choose recognition of good practice or an informal dispute resolution alert",
  ),
  text: requiredText("Say what the notice is about", 2000),
});
export type QaNoticeSubmission = z.output<typeof QaNoticeSubmission>;
