import { createOnce } from "../kernel/create-once";
import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { taskPk, type Task } from "../../model";
import { isStoreError } from "../../ports/store";
import { schedule } from "../../rules";
import type { WorkflowDeps } from "../kernel/deps";

export const PLAN_JOBS = "jobs.plan";
const HORIZON_DAYS = 14;

/**
 * The recurring jobs (docs/rules.md's `list.*`, `report.*`...) become stored
 * tasks like everything else: each day `jobs.plan` stores the occurrences of
 * the next 14 days that Convene has a handler for (ids `${rule}:${date}`,
 * so planning again creates nothing twice), then queues tomorrow's planning.
 * A job with no handler yet (the councils' other procedures's lists) is not planned, so it cannot
 * fail every week for want of one.
 */
export async function planJobs(
  deps: WorkflowDeps,
  handled: ReadonlySet<string>,
  now: Date,
): Promise<number> {
  const cal = deps.policy.calendar;
  const today = cal.toLocal(now.getTime()).day;
  let created = 0;
  for (const entry of schedule(deps.policy, today, today + HORIZON_DAYS).entries) {
    if (!handled.has(entry.rule)) continue;
    const dueAt = new Date(entry.at);
    if (dueAt.getTime() < now.getTime()) continue;
    const base = { taskType: entry.rule };
    const task: Task = {
      id: `${entry.rule}:${entry.at.slice(0, 10)}`,
      type: "task",
      pk: taskPk(base),
      ...base,
      dueAt: dueAt.toISOString(),
      status: "pending",
      attempts: 0,
    };
    try {
      await deps.store.create(task);
      created += 1;
    } catch (err) {
      if (!isStoreError(err, "Conflict")) throw err;
    }
  }
  return created;
}

/** The planning task of a day: 06:00 Europe/London. */
export function planJobsTask(deps: Pick<WorkflowDeps, "policy">, day: number): Task {
  const base = { taskType: PLAN_JOBS };
  const at = new Date(deps.policy.calendar.toInstant(day, 6 * 60));
  return {
    id: `${PLAN_JOBS}:${at.toISOString().slice(0, 10)}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: at.toISOString(),
    status: "pending",
    attempts: 0,
  };
}

/** Makes sure today's planning exists (due now if 06:00 has passed: it runs at once). */
export async function ensureJobsPlanned(deps: WorkflowDeps, now: Date): Promise<void> {
  const task = planJobsTask(deps, deps.policy.calendar.toLocal(now.getTime()).day);
  await createOnce(deps.store, task);
}

export function planJobsHandler(deps: WorkflowDeps, handled: ReadonlySet<string>) {
  return async (_task: Task, ctx: TaskContext): Promise<TaskResult> => {
    const tomorrow = planJobsTask(deps, deps.policy.calendar.toLocal(ctx.now.getTime()).day + 1);
    await createOnce(deps.store, tomorrow);
    return { planned: await planJobs(deps, handled, ctx.now) };
  };
}
