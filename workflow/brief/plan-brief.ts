import { createOnce } from "../kernel/create-once";
import { taskPk, type Case, type Meeting, type Task } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { FORECAST_TASK, forecastTaskIds, forecastTimes } from "../quoracy/forecast-times";

export const BRIEF_TASK = "brief.chair";

/**
 * When the chair's pre-meeting brief goes (the conference journey in Teams: "at the policy's time,
 * else the working day before"): virtual-conference's `chair.pre-discussion` (3 working days
 * before) is such a time; otherwise the working day before the meeting at
 * the policy's send time (docs/rules.md, counting time's default for reminders).
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

/**
 * The tasks Convene adds to a meeting's timeline: the chair's brief and the
 * two quoracy forecasts (Outlook replies and the quoracy forecast), by id → due instant.
 */
export function extraTasks(
  deps: Pick<WorkflowDeps, "policy">,
  meeting: Meeting,
): Map<string, { taskType: string; dueAt: Date }> {
  const out = new Map<string, { taskType: string; dueAt: Date }>();
  const brief = briefAt(deps, meeting);
  if (brief !== undefined)
    out.set(`${meeting.id}:${BRIEF_TASK}`, { taskType: BRIEF_TASK, dueAt: brief });
  const forecast = forecastTimes(deps, meeting);
  if (forecast !== undefined) {
    const ids = forecastTaskIds(meeting.id);
    out.set(ids.first, { taskType: FORECAST_TASK, dueAt: forecast.first });
    out.set(ids.eve, { taskType: FORECAST_TASK, dueAt: forecast.eve });
  }
  return out;
}

/** Stores those tasks (deterministic ids: planning twice creates each once). */
export async function planBrief(deps: WorkflowDeps, kase: Case, meeting: Meeting): Promise<void> {
  for (const [id, { taskType, dueAt }] of extraTasks(deps, meeting)) {
    const base = { taskType, caseId: kase.id, meetingId: meeting.id };
    const task: Task = {
      id,
      type: "task",
      pk: taskPk(base),
      ...base,
      dueAt: dueAt.toISOString(),
      status: "pending",
      attempts: 0,
    };
    await createOnce(deps.store, task);
  }
}
