import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { localDate, personChoice, requiredText } from "../common/fields";

/** verb chairs.report-sick: a chair off sick on a day (by the chair, their team manager or a clerk). */
export const ReportSickSubmission = z.object({
  chairId: personChoice("Choose the chair who is off sick"),
  date: localDate("Enter the day as a real date"),
});
export type ReportSickSubmission = z.output<typeof ReportSickSubmission>;

/** verbs chairs.cover.accept / chairs.cover.decline: the duty chair answers the cover offer. */
export const CoverAnswerSubmission = z.object({ ...meetingAction });
export type CoverAnswerSubmission = z.output<typeof CoverAnswerSubmission>;

/** verb chairs.cover.stand-down: the team manager decides the conference cannot go ahead. */
export const CoverStandDownSubmission = z.object({
  ...meetingAction,
  rationale: requiredText("Record why the conference is stood down", 1000),
});
export type CoverStandDownSubmission = z.output<typeof CoverStandDownSubmission>;

/** verb chairs.cover.keep-trying: the team manager asks for the next free chair. */
export const CoverKeepTryingSubmission = z.object({ ...meetingAction });
export type CoverKeepTryingSubmission = z.output<typeof CoverKeepTryingSubmission>;
