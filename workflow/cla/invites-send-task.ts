import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { MILESTONES } from "../timeline/milestones";
import { runRuleTask } from "../reminders/rule-task";
import { sendInvites } from "../invitations/send-invites";
import { taskIds } from "../kernel/task-ids";

/**
 * The task of Swindon's `cla.invites.send` (15 days before, end of business):
 * if the invites are still not out but the list is in (the held invites'
 * own task was queued for an earlier date, before the review moved), they
 * go now, with the consultation documents; then the rule's ordinary
 * handler reminds the clerk only if they are still not out (no list yet).
 */
export async function runClaInvitesSend(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  let invites: TaskResult | undefined;
  if (
    meeting.status !== "stood-down" &&
    meeting.milestones[MILESTONES.invitesSent] === undefined &&
    meeting.milestones[MILESTONES.inviteListComplete] !== undefined &&
    (await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id)) !== undefined
  ) {
    invites = await sendInvites(deps, task, ctx);
  }
  const rule = await runRuleTask(deps, task, ctx);
  return invites === undefined ? rule : { invites: invites ?? null, rule: rule ?? null };
}
