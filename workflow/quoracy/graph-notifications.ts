import { createOnce } from "../kernel/create-once";
import { taskPk, type Task } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "../kernel/deps";
import { REFRESH_TASK } from "./tasks";

/**
 * Change notifications Graph sent about the organiser's events (already
 * checked by the Graph adapter: Graph's shape and our clientState): a replay
 * (one seen before, by digest) changes nothing; otherwise each is recorded
 * and one refresh of the upcoming meetings' replies is queued.
 */
export async function acceptGraphNotifications(
  deps: WorkflowDeps,
  notifications: readonly { id: string; subscriptionId: string }[],
): Promise<{ replay: true } | { accepted: number }> {
  const now = deps.clock().toISOString();
  for (const d of notifications) {
    if ((await deps.store.get("inbound-notification", d.id, d.id)) !== undefined) {
      deps.logger.warn({ subscriptionId: d.subscriptionId }, "graph notification refused: replay");
      return { replay: true };
    }
  }
  for (const d of notifications) {
    try {
      await deps.store.create({
        id: d.id,
        type: "inbound-notification",
        pk: d.id,
        subscriptionId: d.subscriptionId,
        receivedAt: now,
      });
    } catch (err) {
      if (!isStoreError(err, "Conflict")) throw err;
    }
  }
  const base = { taskType: REFRESH_TASK };
  const task: Task = {
    id: `${REFRESH_TASK}:${notifications[0]?.id ?? now}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: now,
    status: "pending",
    attempts: 0,
  };
  await createOnce(deps.store, task);
  deps.kick();
  return { accepted: notifications.length };
}
