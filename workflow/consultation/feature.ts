import { VERBS } from "../../cards/verbs";
import { CaseMappingAllocateSubmission } from "../../cards/case-mapping/submission";
import {
  ConsultationSubmission,
  ReReferralMappingSubmission,
} from "../../cards/consultation/submission";
import { allocateCaseMapping } from "./case-mapping";
import { recordConsultation } from "./consultation";
import { RE_REFERRAL_TASK, askReReferralMapping, reReferralMappingHeld } from "./re-referral";
import { type Feature, taskEntry } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const consultationFeature: Feature = {
  name: "consultation",
  verbs: [
    {
      verb: VERBS.caseMappingAllocate,
      submission: CaseMappingAllocateSubmission,
      handle: allocateCaseMapping,
      roles: ["qa-admin"],
    },
    {
      verb: VERBS.recordConsultation,
      submission: ConsultationSubmission,
      handle: recordConsultation,
      roles: ["chair"],
    },
    {
      verb: VERBS.reReferralMappingHeld,
      submission: ReReferralMappingSubmission,
      handle: reReferralMappingHeld,
      roles: ["service-manager", "team-manager", "clerk"],
    },
  ],
  tasks: [taskEntry(RE_REFERRAL_TASK, askReReferralMapping)],
};
