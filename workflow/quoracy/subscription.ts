import { createOnce } from "../kernel/create-once";
import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { taskPk, type Task } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";

export const SUBSCRIBE_TASK = "replies.subscribe";
const DAY = 86_400_000;

/**
 * Graph change notifications on the organiser's events last at most a few
 * days, so the subscription is a chain of tasks: each creates one for 3
 * days and queues the next a day before it ends. A subscription Graph
 * refuses (the notification URL did not answer its validation) fails the
 * task visibly; replies are still polled meanwhile.
 */
export function subscribeHandler(deps: WorkflowDeps, config: { url: string; clientState: string }) {
  return async (_task: Task, ctx: TaskContext): Promise<TaskResult> => {
    const expires = new Date(ctx.now.getTime() + 3 * DAY);
    const subscription = await deps.replies.subscribeToEvents(
      deps.authority.organizer,
      config.url,
      config.clientState,
      expires,
    );
    await queueSubscribe(deps, new Date(subscription.expiresAt.getTime() - DAY));
    return { subscriptionId: subscription.id, expiresAt: subscription.expiresAt.toISOString() };
  };
}

export async function queueSubscribe(deps: WorkflowDeps, at: Date): Promise<void> {
  const base = { taskType: SUBSCRIBE_TASK };
  const task: Task = {
    id: `${SUBSCRIBE_TASK}:${at.toISOString().slice(0, 13)}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: at.toISOString(),
    status: "pending",
    attempts: 0,
  };
  await createOnce(deps.store, task);
}
