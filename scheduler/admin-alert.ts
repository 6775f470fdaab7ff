import { type Logger } from "../ports/logger";
import type { Notification, Task } from "../model";
import { isStoreError, type Store } from "../ports/store";

/**
 * Raises a task that ran out of attempts (or failed permanently) for an
 * administrator: a pending `admin-alert` notification, which the notifier
 * delivers like any other, and an error log line with ids only. The id is
 * deterministic, so raising the same failure twice creates one alert.
 */
export function adminAlertRaiser(deps: {
  store: Store;
  clock: () => Date;
  logger: Logger;
}): (task: Task, error: string) => Promise<void> {
  return async (task, error) => {
    const id = `admin-alert:${task.id}:${task.attempts}`;
    deps.logger.error(
      {
        taskId: task.id,
        taskType: task.taskType,
        caseId: task.caseId,
        meetingId: task.meetingId,
        attempts: task.attempts,
        errorCode: error.split(":")[0],
      },
      "task failed: raised for an administrator",
    );
    const alert: Notification = {
      id,
      type: "notification",
      pk: id,
      kind: "admin-alert",
      channel: "teams",
      taskId: task.id,
      ...(task.caseId !== undefined ? { caseId: task.caseId } : {}),
      ...(task.meetingId !== undefined ? { meetingId: task.meetingId } : {}),
      status: "pending",
      attempts: 0,
      createdAt: deps.clock().toISOString(),
    };
    try {
      await deps.store.create(alert);
    } catch (err) {
      if (!isStoreError(err, "Conflict")) throw err;
    }
  };
}
