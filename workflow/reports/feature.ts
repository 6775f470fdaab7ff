import { VERBS } from "../../cards/verbs";
import { ReportStatusSubmission } from "../../cards/report-status/submission";
import { updateReportStatus } from "./report-status";
import { type Feature } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const reportsFeature: Feature = {
  name: "reports",
  verbs: [
    {
      verb: VERBS.updateReportStatus,
      submission: ReportStatusSubmission,
      handle: updateReportStatus,
      roles: ["social-worker", "team-manager"],
    },
  ],
};
