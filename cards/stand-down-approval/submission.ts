import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { requiredText } from "../common/fields";

const requestIdField = z.preprocess(
  (v) => (v === "" ? undefined : v),
  z.string({ error: "The card has no stand-down request id" }).min(1).max(200),
);

/**
 * verb stand-down.approve: the approval of the request the card names.
 * Whether the actor is an approver the policy needs is workflow/'s check.
 */
export const StandDownApproveSubmission = z.object({
  ...meetingAction,
  requestId: requestIdField,
});
export type StandDownApproveSubmission = z.output<typeof StandDownApproveSubmission>;

/**
 * verb stand-down.refuse: an approver the policy names refuses the request
 * the card names (docs/rules.md, stand-down), always saying why: the person who
 * asked is told who refused and why.
 */
export const StandDownRefuseSubmission = z.object({
  ...meetingAction,
  requestId: requestIdField,
  refuseReason: requiredText("Say why you are refusing the stand-down", 1000),
});
export type StandDownRefuseSubmission = z.output<typeof StandDownRefuseSubmission>;
