import { z } from "zod";
import { caseAction, optionalMeetingIdField, taskIdField } from "../common/action-data";
import { optionalText, personChoice, requiredText } from "../common/fields";

/**
 * Every reminder or escalation action names the task it acts on; workflow/
 * checks the task is still open (Teams retries invokes, and someone else may
 * have acted first) and that the actor may act on it.
 */
const taskAction = {
  ...caseAction,
  taskId: taskIdField,
  meetingId: optionalMeetingIdField,
};

/** Why a missed deadline was missed (optional), for the exception report. */
const lateReason = { lateReason: optionalText(500) };

/** verb task.done. */
export const TaskDoneSubmission = z.object({
  ...taskAction,
  ...lateReason,
  /** Why it is done although Convene has not seen it ("sent by post"): recorded with who and when. */
  doneReason: optionalText(500),
});
export type TaskDoneSubmission = z.output<typeof TaskDoneSubmission>;

/** verb task.acknowledge. */
export const TaskAcknowledgeSubmission = z.object({ ...taskAction, ...lateReason });
export type TaskAcknowledgeSubmission = z.output<typeof TaskAcknowledgeSubmission>;

/** verb task.reassign: to someone from the list the card offered. */
export const TaskReassignSubmission = z.object({
  ...taskAction,
  reassignTo: personChoice("Choose who to reassign it to"),
  reassignNote: optionalText(500),
});
export type TaskReassignSubmission = z.output<typeof TaskReassignSubmission>;

/**
 * verb task.approve: approvals (out of timescale, stand-down) are always
 * recorded with a rationale (docs/rules.md, national rules and stand-down).
 */
export const TaskApproveSubmission = z.object({
  ...taskAction,
  approvalRationale: requiredText("Give the rationale for approving", 1000),
});
export type TaskApproveSubmission = z.output<typeof TaskApproveSubmission>;
