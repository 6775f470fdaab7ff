import { z } from "zod";
import { meetingAction } from "../common/action-data";

/**
 * verb stand-down.approve: the approval of the request the card names.
 * Whether the actor is an approver the policy needs is workflow/'s check.
 */
export const StandDownApproveSubmission = z.object({
  ...meetingAction,
  requestId: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.string({ error: "The card has no stand-down request id" }).min(1).max(200),
  ),
});
export type StandDownApproveSubmission = z.output<typeof StandDownApproveSubmission>;
