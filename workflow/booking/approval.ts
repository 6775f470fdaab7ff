import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import { formatHumanInstant } from "../../rules";
import { staffById, asPersonRef } from "../kernel/authority";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { meetingLimit } from "../timeline/meeting-timeline";
import { sendCardOnce } from "../kernel/notify";
import { WorkflowError } from "../kernel/errors";
import { limitRuleOf } from "./offer-booking";
import { taskIds } from "../kernel/task-ids";

/**
 * approval.out-of-timescale: the approver the clerk chose gets the card that
 * books the late slot when approved (docs/rules.md, national rules; Leicestershire: the Service
 * Manager). A task, so that the card is retried until delivered.
 */
export async function askApproval(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  const pending = meeting.pendingBooking;
  if (meeting.status !== "requested" || pending === undefined) return { skipped: meeting.status };
  const approver = staffById(deps.authority, pending.approverId);
  if (approver === undefined) {
    throw new WorkflowError("NotFound", "the approver chosen is no longer on the staff list");
  }
  const limit = meetingLimit(deps.policy, meeting);
  await sendCardOnce(deps, {
    id: `${task.id}:${approver.entraObjectId}`,
    kind: "approval",
    recipient: asPersonRef(approver),
    card: cards.taskAlert({
      caseId: kase.id,
      caseReference: kase.reference,
      kind: "escalation",
      taskId: task.id,
      meetingId: meeting.id,
      ruleId: limitRuleOf(meeting),
      what: `Booking the ${meeting.kind} out of timescale on ${formatHumanInstant(Date.parse(pending.start))}: ${pending.reason}`,
      dueAt: limit?.toISOString() ?? pending.start,
      now: ctx.now.toISOString(),
      meetingStart: pending.start,
      actions: ["approve"],
      approveWhat: "Booking out of timescale",
    }),
    preview: `Approval needed: ${meeting.kind} for case ${kase.reference}`,
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  return { approver: approver.entraObjectId };
}
