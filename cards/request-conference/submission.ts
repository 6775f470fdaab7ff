import { z } from "zod";
import { DocId } from "../../model/common";
import { caseAction } from "../common/action-data";
import { choice, multiChoice, optionalLocalDate, requiredText } from "../common/fields";

/**
 * verb conference.request. An ICPC counts from the strategy discussion at
 * which the section 47 enquiry started (icpc.latest: 15 working days; the
 * national limit counts from that one, not a later discussion), an RCPC from the previous conference
 * (rcpc.next.latest: 6 months), so the anchor asked for depends on the kind.
 * The index child is the child on whose record a sibling group's report is
 * written (Swindon rule 15), so it must be one of the children chosen.
 */
export const RequestConferenceSubmission = z
  .object({
    ...caseAction,
    meetingKind: choice(["ICPC", "RCPC"], "Choose ICPC or RCPC"),
    childIds: multiChoice(DocId).pipe(
      z.array(DocId).min(1, "Choose the children the conference is for"),
    ),
    indexChildId: requiredText("Choose the index child", 255),
    strategyDate: optionalLocalDate("Enter the strategy discussion date"),
    previousConferenceDate: optionalLocalDate("Enter the previous conference date"),
  })
  .superRefine((s, ctx) => {
    if (s.childIds.length > 0 && !s.childIds.includes(s.indexChildId)) {
      ctx.addIssue({
        code: "custom",
        path: ["indexChildId"],
        message: "The index child must be one of the children chosen",
      });
    }
    if (s.meetingKind === "ICPC" && s.strategyDate === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["strategyDate"],
        message:
          "An ICPC counts from the strategy discussion at which the section 47 enquiry started: enter its date",
      });
    }
    if (s.meetingKind === "RCPC" && s.previousConferenceDate === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["previousConferenceDate"],
        message: "An RCPC counts from the previous conference: enter its date",
      });
    }
  });
export type RequestConferenceSubmission = z.output<typeof RequestConferenceSubmission>;
