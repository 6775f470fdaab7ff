import { z } from "zod";
import { StandDownDetail, StandDownReason } from "../../model/meeting";
import { meetingAction } from "../common/action-data";
import { blankToUndefined, requiredText } from "../common/fields";
import { REASON_CHOICES, reasonProblem } from "./reasons";

const CHOICE_VALUES = REASON_CHOICES.map((c) => c.value);

/**
 * verb stand-down.request: one of docs/rules.md, stand-down's reasons (with its
 * sub-reason, as the card's single choice "reason:detail") and the
 * rationale, which is always required. Who may ask and who must approve
 * is workflow/'s decision (workflow/stand-down/).
 */
export const StandDownRequestSubmission = z
  .object({
    ...meetingAction,
    reason: z.preprocess(
      blankToUndefined,
      z
        .string({ error: "Choose the reason for standing the meeting down" })
        .refine((v) => CHOICE_VALUES.includes(v), "Choose one of the reasons listed"),
    ),
    rationale: requiredText("Give the rationale for standing the meeting down", 1000),
  })
  .transform((s, ctx) => {
    const [reasonText, detailText] = s.reason.split(":");
    const reason = StandDownReason.parse(reasonText);
    const detail = detailText === undefined ? undefined : StandDownDetail.parse(detailText);
    const problem = reasonProblem(reason, detail);
    if (problem !== undefined) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: problem });
      return z.NEVER;
    }
    return {
      caseId: s.caseId,
      meetingId: s.meetingId,
      cardVersion: s.cardVersion,
      reason,
      ...(detail !== undefined ? { detail } : {}),
      rationale: s.rationale,
    };
  });
export type StandDownRequestSubmission = z.output<typeof StandDownRequestSubmission>;
