import { createOnce } from "../kernel/create-once";
import type { TaskResult } from "../../ports/tasks";
import { taskPk, type Task } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { type Feature, taskEntry } from "../kernel/registry";
import { refreshStaff } from "./refresh";
import { syncStaff } from "./staff-list";

export const STAFF_REFRESH = "staff.refresh";
/** 05:30 Europe/London: before the day's jobs are planned (06:00) and the working day. */
const REFRESH_MINUTE = 5 * 60 + 30;

/** The refresh task of a day (id `staff.refresh:YYYY-MM-DD`: planning twice creates one). */
export function staffRefreshTask(deps: Pick<WorkflowDeps, "policy">, day: number): Task {
  const base = { taskType: STAFF_REFRESH };
  const at = new Date(deps.policy.calendar.toInstant(day, REFRESH_MINUTE));
  return {
    id: `${STAFF_REFRESH}:${at.toISOString().slice(0, 10)}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: at.toISOString(),
    status: "pending",
    attempts: 0,
  };
}

/**
 * At start, with staff groups configured: the stored list in force, today's
 * refresh queued (due at once when 05:30 has passed, or when no list was
 * ever stored).
 */
export async function ensureStaffRefreshPlanned(deps: WorkflowDeps, now: Date): Promise<void> {
  if (deps.authority.staffGroups === undefined) return;
  const hadList = await syncStaff(deps);
  const today = staffRefreshTask(deps, deps.policy.calendar.toLocal(now.getTime()).day);
  await createOnce(
    deps.store,
    hadList || deps.authority.staff.length > 0
      ? today
      : {
          ...today,
          dueAt: new Date(Math.min(Date.parse(today.dueAt), now.getTime())).toISOString(),
        },
  );
}

/** What this feature declares: the daily staff refresh. */
export const staffFeature: Feature = {
  name: "staff",
  tasks: [
    taskEntry(STAFF_REFRESH, async (deps, _task, ctx): Promise<TaskResult> => {
      // Tomorrow's first, so a refresh that fails still leaves the chain going.
      await createOnce(
        deps.store,
        staffRefreshTask(deps, deps.policy.calendar.toLocal(ctx.now.getTime()).day + 1),
      );
      const outcome = await refreshStaff(deps, "daily");
      if (outcome.ok) {
        return {
          people: outcome.people,
          changes: outcome.changes.length,
          version: outcome.version,
        };
      }
      return { failed: outcome.code, kept: outcome.kept };
    }),
  ],
};
