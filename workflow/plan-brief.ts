import { taskPk, type Case, type Meeting, type Task } from "../model";
import { isStoreError } from "../infra/store/port";
import type { WorkflowDeps } from "./deps";
import { meetingTimeline } from "./meeting-timeline";

export const BRIEF_TASK = "brief.chair";

/**
 * When the chair's pre-meeting brief goes (issue 5: "at the policy's time,
 * else the working day before"): 001's `chair.pre-discussion` (3 working days
 * before) is such a time; otherwise the working day before the meeting at
 * the policy's send time (RULES.md section 2's default for reminders).
 */
export function briefAt(deps: Pick<WorkflowDeps, "policy">, meeting: Meeting): Date | undefined {
  if (meeting.start === undefined) return undefined;
  const own = meetingTimeline(deps.policy, meeting).entries.find(
    (e) => e.rule === "chair.pre-discussion",
  );
  if (own !== undefined) return new Date(own.at);
  const cal = deps.policy.calendar;
  const day = cal.toLocal(Date.parse(meeting.start)).day;
  return new Date(cal.toInstant(cal.workingDaysBefore(day, 1), deps.policy.sendTime));
}

/** Stores the brief's task (deterministic id: planning twice creates one). */
export async function planBrief(deps: WorkflowDeps, kase: Case, meeting: Meeting): Promise<void> {
  const at = briefAt(deps, meeting);
  if (at === undefined) return;
  const base = { taskType: BRIEF_TASK, caseId: kase.id, meetingId: meeting.id };
  const task: Task = {
    id: `${meeting.id}:${BRIEF_TASK}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: at.toISOString(),
    status: "pending",
    attempts: 0,
  };
  try {
    await deps.store.create(task);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
  }
}
