import { VERBS } from "../../cards/verbs";
import { ClaMinutesSubmission } from "../../cards/cla-minutes/submission";
import { ClaRequestSubmission } from "../../cards/cla-request/submission";
import { recordClaMinutes } from "./record-minutes";
import { requestClaReview } from "./request-review";
import { type Feature } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const claFeature: Feature = {
  name: "cla",
  verbs: [
    {
      verb: VERBS.requestClaReview,
      submission: ClaRequestSubmission,
      handle: requestClaReview,
      roles: ["social-worker", "team-manager", "service-manager"],
    },
    {
      verb: VERBS.recordClaMinutes,
      submission: ClaMinutesSubmission,
      handle: recordClaMinutes,
      roles: ["chair", "iro"],
    },
  ],
};
