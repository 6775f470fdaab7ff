import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { blankToUndefined, optionalText, requiredText } from "../common/fields";
import { AGENCY_KEY } from "../report-status/submission";

/** The stand-down reason this card proposes, fixed (docs/rules.md, stand-down: not quorate). */
export const NOT_QUORATE = "not-quorate";

/**
 * verb quoracy.nudge: email one agency (declined, no reply, or report
 * missing). The key is one the card offered; workflow/ checks it is an
 * agency invited to this meeting before sending anything.
 */
export const QuoracyNudgeSubmission = z.object({
  ...meetingAction,
  agencyKey: z.preprocess(
    blankToUndefined,
    z.string({ error: "Choose an agency to nudge" }).regex(AGENCY_KEY, "Choose an agency to nudge"),
  ),
});
export type QuoracyNudgeSubmission = z.output<typeof QuoracyNudgeSubmission>;

/** verb quoracy.ask-sw: ask the social worker to chase the agencies, with an optional note. */
export const QuoracyAskSocialWorkerSubmission = z.object({
  ...meetingAction,
  note: optionalText(500),
});
export type QuoracyAskSocialWorkerSubmission = z.output<typeof QuoracyAskSocialWorkerSubmission>;

/**
 * verb quoracy.propose-stand-down: a proposal, not the stand-down itself:
 * it goes to the approval the policy names (Leicestershire: safeguarding manager; Swindon:
 * both SMs) and is always recorded with a rationale (docs/rules.md, stand-down). The
 * reason travels in the action's data and can only be "not-quorate".
 */
export const QuoracyProposeStandDownSubmission = z.object({
  ...meetingAction,
  reason: z.literal(NOT_QUORATE, { error: "The card proposes a stand-down as not quorate only" }),
  standDownRationale: requiredText("Give the rationale for standing the meeting down", 1000),
});
export type QuoracyProposeStandDownSubmission = z.output<typeof QuoracyProposeStandDownSubmission>;
