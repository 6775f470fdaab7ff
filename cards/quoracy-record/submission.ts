import { z } from "zod";
import { meetingAction } from "../common/action-data";
import { choice, multiChoice } from "../common/fields";
import { AGENCY_KEY, MAX_AGENCIES } from "../report-status/submission";

/**
 * verb quoracy.record: the agencies other than children's social care that
 * are present or sent a report (keys the card offered; workflow/ checks
 * them against the invite list), and how many work with the family: "2"
 * means 2 or more (docs/rules.md, stand-down: fewer than 2 lowers the quorum).
 */
export const QuoracyRecordSubmission = z.object({
  ...meetingAction,
  agencies: multiChoice(z.string().regex(AGENCY_KEY, "Choose agencies from the list")).pipe(
    z.array(z.string()).max(MAX_AGENCIES, `At most ${MAX_AGENCIES} agencies`),
  ),
  agenciesWorking: choice(["0", "1", "2"], "Say how many agencies work with the family").transform(
    Number,
  ),
});
export type QuoracyRecordSubmission = z.output<typeof QuoracyRecordSubmission>;
