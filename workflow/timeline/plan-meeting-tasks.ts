import { createOnce } from "../kernel/create-once";
import { taskPk, type AuditEntry, type Task } from "../../model";
import type { Store } from "../../ports/store";
import type { Timeline } from "../../rules";
import { audit } from "../kernel/audit";

export interface PlannedTasks {
  /** Tasks created by this call. */
  created: string[];
  /** Tasks already stored from an earlier call (same deterministic id). */
  existing: string[];
}

/**
 * One task per timeline entry (the durable store and scheduler: "tasks, one per timeline entry").
 * The id is `${meetingId}:${rule}`: a rule appears at most once in a
 * meeting's timeline (docs/rules.md, the timeline command), so planning the same meeting
 * again names the same tasks and creates nothing twice.
 */
export function tasksFromTimeline(input: {
  caseId: string;
  meetingId: string;
  timeline: Timeline;
  /**
   * When the conference was asked for (epoch ms): no chaser is dated before
   * it, so a late request is not met by reminders for deadlines that had
   * already passed. A limit is kept: it runs at once and escalates
   * (no false all-clear).
   */
  notBefore?: number;
}): Task[] {
  const { caseId, meetingId, timeline, notBefore } = input;
  const entries = timeline.entries.filter(
    (e) => notBefore === undefined || e.kind === "limit" || Date.parse(e.at) >= notBefore,
  );
  return entries.map((entry) => {
    const base = { taskType: entry.rule, caseId, meetingId };
    return {
      id: `${meetingId}:${entry.rule}`,
      type: "task",
      pk: taskPk(base),
      ...base,
      // Timelines speak Europe/London; the store keeps UTC instants.
      dueAt: new Date(entry.at).toISOString(),
      status: "pending",
      attempts: 0,
    };
  });
}

/** `notBefore` only when known (exactOptionalPropertyTypes). */
export const optionalFrom = (at: number | undefined): { notBefore?: number } =>
  at === undefined ? {} : { notBefore: at };

/**
 * Stores a meeting's tasks so the scheduler acts on each exactly once.
 *
 * 1. derive the tasks from the timeline (deterministic ids);
 * 2. create each; Conflict means an earlier run already stored it, which is
 *    success: Teams retries invokes and a crash may repeat this call;
 * 3. audit what was planned (ids and counts only).
 */
export async function planMeetingTasks(
  deps: { store: Store; clock: () => Date },
  input: {
    caseId: string;
    meetingId: string;
    timeline: Timeline;
    actor: AuditEntry["actor"];
    notBefore?: number;
  },
): Promise<PlannedTasks> {
  const planned: PlannedTasks = { created: [], existing: [] };
  for (const task of tasksFromTimeline(input)) {
    if (await createOnce(deps.store, task)) planned.created.push(task.id);
    else planned.existing.push(task.id);
  }
  if (planned.created.length > 0) {
    // Planned twice in one instant (a request, then its booking) is two
    // entries: the audit id is random, not derived from the time.
    await audit(deps, {
      caseId: input.caseId,
      actor: input.actor,
      action: "meeting.plan-tasks",
      target: { type: "meeting", id: input.meetingId },
      detail: { created: planned.created.length, existing: planned.existing.length },
    });
  }
  return planned;
}
