import { VERBS } from "../../cards/verbs";
import {
  PlanSignedOffSubmission,
  RecordAvailableSubmission,
  RecordDistributedSubmission,
} from "../../cards/decisions/submission";
import { OutcomeSubmission } from "../../cards/outcome/submission";
import { QaNoticeSubmission } from "../../cards/qa-notice/submission";
import { DECISIONS_TASK, distributeDecisions } from "./distribute-decisions";
import { CORE_GROUP_TASK, sendCoreGroupNotice } from "./core-group";
import { recordOutcome } from "./outcome";
import { QA_NOTICE_TASK, deliverQaNotice, sendQaNotice } from "./qa-notice";
import {
  RECORD_DISTRIBUTION_TASK,
  askRecordDistribution,
  planSignedOff,
  recordAvailable,
  recordDistributed,
} from "./record-steps";
import { type Feature, taskEntry } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const afterMeetingFeature: Feature = {
  name: "after-meeting",
  verbs: [
    {
      verb: VERBS.recordOutcome,
      submission: OutcomeSubmission,
      handle: recordOutcome,
      roles: ["chair"],
    },
    {
      verb: VERBS.planSignedOff,
      submission: PlanSignedOffSubmission,
      handle: planSignedOff,
      roles: ["chair"],
    },
    {
      verb: VERBS.recordAvailable,
      submission: RecordAvailableSubmission,
      handle: recordAvailable,
      roles: ["chair"],
    },
    {
      verb: VERBS.recordDistributed,
      submission: RecordDistributedSubmission,
      handle: recordDistributed,
      roles: ["clerk"],
    },
    {
      verb: VERBS.sendQaNotice,
      submission: QaNoticeSubmission,
      handle: sendQaNotice,
      roles: ["chair"],
    },
  ],
  tasks: [
    taskEntry(DECISIONS_TASK, distributeDecisions),
    taskEntry(RECORD_DISTRIBUTION_TASK, askRecordDistribution),
    taskEntry(QA_NOTICE_TASK, deliverQaNotice),
    taskEntry(CORE_GROUP_TASK, sendCoreGroupNotice),
  ],
};
