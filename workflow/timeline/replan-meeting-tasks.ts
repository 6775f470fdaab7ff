import type { Case, Meeting, Task } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingTimeline } from "./meeting-timeline";
import { extraTasks, planBrief } from "../brief/plan-brief";
import { optionalFrom, planMeetingTasks, tasksFromTimeline } from "./plan-meeting-tasks";
import { chaseFrom } from "./milestones";
import { updateDoc } from "../kernel/update-doc";

/**
 * After a meeting moves, its tasks follow the new timeline:
 * - a task whose rule is still there but now falls at another instant gets
 *   the new instant and is pending again (even if it had run: a reminder
 *   for the old date says nothing about the new one; its notifications are
 *   keyed by the due instant, so it is sent anew, once);
 * - an open task whose rule left the timeline is cancelled;
 * - a rule new to the timeline gets its task.
 * Tasks whose instant is unchanged are left alone.
 */
export async function replanMeetingTasks(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
): Promise<{ moved: number; cancelled: number; created: number }> {
  const wanted = new Map<string, string>();
  for (const t of tasksFromTimeline({
    caseId: kase.id,
    meetingId: meeting.id,
    timeline: meetingTimeline(deps.policy, meeting),
    ...optionalFrom(chaseFrom(meeting)),
  })) {
    wanted.set(t.id, t.dueAt);
  }
  for (const [id, extra] of extraTasks(deps, meeting)) wanted.set(id, extra.dueAt.toISOString());

  let moved = 0;
  let cancelled = 0;
  const reschedule = (t: Task, dueAt: string): Task | undefined => {
    if (t.dueAt === dueAt) return undefined;
    const next: Task = { ...t, dueAt, status: "pending", attempts: 0 };
    delete next.leaseOwner;
    delete next.leaseUntil;
    delete next.lastError;
    delete next.result;
    return next;
  };
  for (const [id, dueAt] of wanted) {
    const existing = await deps.store.get("task", id, meeting.id);
    if (existing === undefined) continue;
    const { changed } = await updateDoc(deps.store, "task", id, meeting.id, (t) =>
      reschedule(t, dueAt),
    );
    if (changed) moved += 1;
  }
  for (const t of (await deps.store.openTasksOfMeeting(meeting.id)).items) {
    const ruleTask = t.id === `${meeting.id}:${t.taskType}`;
    if (!ruleTask || wanted.has(t.id)) continue;
    const { changed } = await updateDoc(deps.store, "task", t.id, meeting.id, (x) =>
      x.status === "pending" ? { ...x, status: "cancelled" } : undefined,
    );
    if (changed) cancelled += 1;
  }
  const planned = await planMeetingTasks(deps, {
    caseId: kase.id,
    meetingId: meeting.id,
    timeline: meetingTimeline(deps.policy, meeting),
    actor: "system",
    ...optionalFrom(chaseFrom(meeting)),
  });
  await planBrief(deps, kase, meeting);
  return { moved, cancelled, created: planned.created.length };
}
