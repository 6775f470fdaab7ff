import type { Task } from "../../model";
import type { TaskContext, TaskResult } from "../../infra/scheduler/scheduler";
import { buildTimelinessCard } from "../../cards/timeliness/build";
import { asPersonRef, staffWithRole } from "../authority";
import type { WorkflowDeps } from "../deps";
import { sendCardOnce } from "../notify";
import { loadTimeliness } from "../stats/load-timeliness";
import { timelinessView } from "../stats/timeliness-view";

export const MONTH_AHEAD = "list.month-ahead";

/**
 * 000 rule 21 `list.month-ahead` (the 1st of each month, to all managers and
 * SMs): the council's timeliness over the last 12 months, beside the
 * national figures, as a bar chart people read at a glance (issue 7). The
 * month's meetings themselves join this list with issue 6.
 */
export async function sendMonthAhead(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const cal = deps.policy.calendar;
  const today = cal.toLocal(ctx.now.getTime()).day;
  const to = new Date(cal.toInstant(today, 0));
  const from = new Date(to.getTime() - 365 * 86_400_000);
  const figures = await loadTimeliness(deps, { from, to, now: ctx.now });
  const card = buildTimelinessCard(timelinessView(figures, deps));
  const managers = [
    ...staffWithRole(deps.authority, "team-manager"),
    ...staffWithRole(deps.authority, "service-manager"),
  ];
  const unique = managers.filter(
    (m, i) => managers.findIndex((x) => x.entraObjectId === m.entraObjectId) === i,
  );
  for (const m of unique) {
    await sendCardOnce(deps, {
      id: `${task.id}:${m.entraObjectId}`,
      kind: "list",
      recipient: asPersonRef(m),
      card,
      preview: "Month ahead: timeliness figures",
      taskId: task.id,
    });
  }
  return { recipients: unique.length, icpcCounted: figures.icpc.overall.counted };
}
