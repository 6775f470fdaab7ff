import { createOnce } from "./create-once";
import { INCIDENTS_PK, taskPk, type Incident, type Task } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "./deps";

export const NOTIFY_INCIDENT = "failure.notify";

type IncidentInput = Omit<Incident, "type" | "pk" | "status" | "raisedAt">;

/**
 * Records an incident (once: the id is deterministic) and queues the task
 * that tells the service owners, the operations mailbox and whoever's work
 * it blocks. Telling is a task of its own, so a Teams or Outlook hiccup is
 * retried like any send. Answers false when it was already raised.
 */
export async function raiseIncident(
  deps: Pick<WorkflowDeps, "store" | "clock" | "kick">,
  input: IncidentInput,
): Promise<boolean> {
  const incident: Incident = {
    ...input,
    type: "incident",
    pk: INCIDENTS_PK,
    status: "open",
    raisedAt: deps.clock().toISOString(),
  };
  try {
    await deps.store.create(incident);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    return false;
  }
  const notify: Task = {
    id: `${incident.id}:${NOTIFY_INCIDENT}`,
    type: "task",
    pk: taskPk({ taskType: NOTIFY_INCIDENT }),
    taskType: NOTIFY_INCIDENT,
    dueAt: deps.clock().toISOString(),
    status: "pending",
    attempts: 0,
  };
  await createOnce(deps.store, notify);
  deps.kick();
  return true;
}

/**
 * The scheduler's onFailed: a task that gave up (out of attempts, or refused
 * for good) reaches a named person. If telling them is what failed, there is
 * nobody left to send to: it is logged as an error and stays listed by
 * `convene tasks failed`.
 */
export function taskFailureReporter(
  deps: WorkflowDeps,
): (task: Task, error: string) => Promise<void> {
  return async (task, error) => {
    deps.logger.error(
      {
        taskId: task.id,
        taskType: task.taskType,
        caseId: task.caseId,
        meetingId: task.meetingId,
        attempts: task.attempts,
        errorCode: error.split(":")[0],
      },
      "task failed: raised for the service owners",
    );
    // Telling people about a failure (failure.notify, failure.email) is not
    // itself raised: it would tell the same people through the same channel.
    if (task.taskType.startsWith("failure.")) return;
    await raiseIncident(deps, {
      id: `task-failed:${task.id}:${task.attempts}`,
      kind: "task-failed",
      reason: error.slice(0, 400),
      taskId: task.id,
      taskType: task.taskType,
      taskPk: task.pk,
      ...(task.caseId !== undefined ? { caseId: task.caseId } : {}),
      ...(task.meetingId !== undefined ? { meetingId: task.meetingId } : {}),
    });
  };
}
