import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import { taskIds } from "../kernel/task-ids";
import { candidatesFor, missing, requirementsFor } from "./approvals";
import { standDownApprovalCard } from "./approval-card";

/**
 * meeting.stand-down-approval: the approval card to everyone who can give
 * an approval still missing (Leicestershire: the safeguarding managers; Swindon: the
 * case's SM and the QA & Review SMs), once each; the requester, whose own
 * approval is already counted, gets none. The task key is the request id:
 * a card of another request is never sent for this one.
 */
export async function askStandDownApproval(
  deps: WorkflowDeps,
  task: Task,
  _ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  const request = meeting.standDownRequest;
  if (request === undefined || !task.id.endsWith(`:${request.id}`)) {
    return { skipped: meeting.status };
  }
  const approved = new Set(request.approvals.map((a) => a.by));
  const card = standDownApprovalCard(deps, kase, meeting, request);
  const sentTo = new Set<string>();
  for (const requirement of missing(requirementsFor(deps.policy.id), request.approvals)) {
    for (const person of candidatesFor(requirement, deps.authority, kase)) {
      if (approved.has(person.entraObjectId) || sentTo.has(person.entraObjectId)) continue;
      sentTo.add(person.entraObjectId);
      await sendCardOnce(deps, {
        id: `${task.id}:${person.entraObjectId}`,
        kind: "stand-down-approval",
        recipient: person,
        card,
        preview: `Approval needed: stand down the ${meeting.kind} for case ${kase.reference}`,
        taskId: task.id,
        caseId: kase.id,
        meetingId: meeting.id,
      });
    }
  }
  return { approvers: sentTo.size };
}
