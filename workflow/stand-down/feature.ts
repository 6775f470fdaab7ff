import { VERBS } from "../../cards/verbs";
import { QuoracyRecordSubmission } from "../../cards/quoracy-record/submission";
import {
  StandDownApproveSubmission,
  StandDownRefuseSubmission,
} from "../../cards/stand-down-approval/submission";
import { StandDownRequestSubmission } from "../../cards/stand-down-request/submission";
import { approveStandDown } from "./approve-action";
import { askStandDownApproval } from "./ask-approval";
import { cancelEvent } from "./cancel-event";
import { notifyStandDown } from "./notify-attendees";
import { recordQuoracy } from "./quoracy-record";
import { refuseStandDown } from "./refuse-action";
import { notifyStandDownRefused } from "./refused-notice";
import { requestStandDown } from "./request-action";
import {
  CANCEL_EVENT_TASK,
  STAND_DOWN_APPROVAL_TASK,
  STAND_DOWN_NOTIFY_TASK,
  STAND_DOWN_REFUSED_TASK,
} from "./task-types";
import { type Feature, taskEntry } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const standDownFeature: Feature = {
  name: "stand-down",
  verbs: [
    {
      verb: VERBS.quoracyRecord,
      submission: QuoracyRecordSubmission,
      handle: recordQuoracy,
      roles: ["chair"],
    },
    {
      verb: VERBS.standDownRequest,
      submission: StandDownRequestSubmission,
      handle: requestStandDown,
      roles: ["clerk", "social-worker", "chair", "team-manager", "service-manager"],
    },
    {
      verb: VERBS.standDownApprove,
      submission: StandDownApproveSubmission,
      handle: approveStandDown,
      roles: ["service-manager", "safeguarding-manager", "qa-manager"],
    },
    {
      verb: VERBS.standDownRefuse,
      submission: StandDownRefuseSubmission,
      handle: refuseStandDown,
      roles: ["service-manager", "safeguarding-manager", "qa-manager"],
    },
  ],
  tasks: [
    taskEntry(STAND_DOWN_APPROVAL_TASK, askStandDownApproval),
    taskEntry(CANCEL_EVENT_TASK, cancelEvent),
    taskEntry(STAND_DOWN_NOTIFY_TASK, notifyStandDown),
    taskEntry(STAND_DOWN_REFUSED_TASK, notifyStandDownRefused),
  ],
};
