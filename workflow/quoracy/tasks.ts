import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import { taskPk } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { enqueue } from "../kernel/enqueue";
import { taskIds } from "../kernel/task-ids";
import { applyReplies } from "./apply-replies";
import { evaluateQuoracy } from "./evaluate";

/** How often replies are polled: 48 polls a day stays far inside Graph's mailbox limits. */
export const POLL_EVERY_MS = 30 * 60_000;
/** Meetings whose replies are polled: those starting within the next 8 days. */
const HORIZON_MS = 8 * 86_400_000;
export const POLL_TASK = "replies.poll";
export const REFRESH_TASK = "replies.refresh";

/** quoracy.forecast (3 working days before, and the morning before): read this meeting's replies, then forecast. */
export async function runForecast(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (
    meeting.outlookEventId !== undefined &&
    (meeting.status === "booked" || meeting.status === "invited")
  ) {
    const replies = await deps.replies.attendeeReplies(deps.authority.organizer, [
      meeting.outlookEventId,
    ]);
    await applyReplies(deps, kase.id, meeting.id, replies.get(meeting.outlookEventId) ?? []);
  }
  const fresh = await loadMeeting(deps, ids.caseId, ids.meetingId);
  return { forecast: await evaluateQuoracy(deps, fresh.kase, fresh.meeting, ctx.now) };
}

/**
 * Reads the replies of every meeting in the next 8 days in one call (the
 * adapter batches 20 events per Graph request) and re-forecasts those whose
 * replies changed.
 */
export async function refreshReplies(
  deps: WorkflowDeps,
  now: Date,
): Promise<{ meetings: number; changed: number }> {
  const upcoming = (
    await deps.store.meetingsInRange(now, new Date(now.getTime() + HORIZON_MS))
  ).items.filter(
    (m) => (m.status === "booked" || m.status === "invited") && m.outlookEventId !== undefined,
  );
  if (upcoming.length === 0) return { meetings: 0, changed: 0 };
  const replies = await deps.replies.attendeeReplies(
    deps.authority.organizer,
    upcoming.map((m) => m.outlookEventId as string),
  );
  let changed = 0;
  for (const m of upcoming) {
    const mine = replies.get(m.outlookEventId as string);
    if (mine === undefined) continue;
    if (!(await applyReplies(deps, m.caseId, m.id, mine))) continue;
    changed += 1;
    const { kase, meeting } = await loadMeeting(deps, m.caseId, m.id);
    await evaluateQuoracy(deps, kase, meeting, now);
  }
  return { meetings: upcoming.length, changed };
}

/** The poll task due at `at` (ids on the half hour, so every instance names the same chain). */
export function pollTask(at: Date): Task {
  const due = new Date(Math.ceil(at.getTime() / POLL_EVERY_MS) * POLL_EVERY_MS);
  const base = { taskType: POLL_TASK };
  return {
    id: `${POLL_TASK}:${due.toISOString()}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: due.toISOString(),
    status: "pending",
    attempts: 0,
  };
}

export async function ensurePoll(deps: WorkflowDeps, at: Date): Promise<void> {
  try {
    await deps.store.create(pollTask(at));
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
  }
}

/** replies.poll: refresh, then queue the next poll (before finishing, so a crash keeps the chain). */
export async function runPoll(
  deps: WorkflowDeps,
  _task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  await ensurePoll(deps, new Date(ctx.now.getTime() + 1));
  return refreshReplies(deps, ctx.now);
}

export const REEVALUATE_TASK = "quoracy.reevaluate";

/** quoracy.reevaluate: the invite list or a report changed; forecast again (inside the window only). */
export async function runReevaluate(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  return { forecast: await evaluateQuoracy(deps, kase, meeting, ctx.now) };
}

/** replies.refresh: a one-off refresh (a Graph change notification arrived). */
export async function runRefresh(
  deps: WorkflowDeps,
  _task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  return refreshReplies(deps, ctx.now);
}

/** The invite list or a report changed: forecast again, in the background. */
export async function queueReforecast(
  deps: WorkflowDeps,
  where: { caseId: string; meetingId: string },
): Promise<void> {
  await enqueue(deps, {
    taskType: REEVALUATE_TASK,
    caseId: where.caseId,
    meetingId: where.meetingId,
    key: String(deps.clock().getTime()),
  });
}
