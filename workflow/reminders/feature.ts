import { VERBS } from "../../cards/verbs";
import {
  TaskAcknowledgeSubmission,
  TaskApproveSubmission,
  TaskDoneSubmission,
  TaskReassignSubmission,
} from "../../cards/task-alert/submission";
import { taskAcknowledge, taskApprove, taskDone, taskReassign } from "./task-actions";
import { type Feature } from "../kernel/registry";

/** What this feature declares: its card verbs (schema, use case, roles offered) and its task types. */
export const remindersFeature: Feature = {
  name: "reminders",
  verbs: [
    {
      verb: VERBS.taskDone,
      submission: TaskDoneSubmission,
      handle: taskDone,
      roles: ["social-worker", "team-manager", "service-manager", "clerk", "chair", "iro"],
    },
    {
      verb: VERBS.taskAcknowledge,
      submission: TaskAcknowledgeSubmission,
      handle: taskAcknowledge,
      roles: ["team-manager", "service-manager", "director"],
    },
    {
      verb: VERBS.taskReassign,
      submission: TaskReassignSubmission,
      handle: taskReassign,
      roles: ["team-manager", "service-manager"],
    },
    {
      verb: VERBS.taskApprove,
      submission: TaskApproveSubmission,
      handle: taskApprove,
      roles: ["team-manager", "service-manager", "director", "safeguarding-manager", "qa-manager"],
    },
  ],
};
