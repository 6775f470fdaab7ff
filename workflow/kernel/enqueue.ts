import { createOnce } from "./create-once";
import { taskPk, type Task } from "../../model";
import type { WorkflowDeps } from "./deps";

/**
 * Queues background work as a stored task due now (docs/architecture.md, durable tasks: never
 * an in-process timer) and asks the scheduler to sweep at once. The id is
 * deterministic (`${meetingId}:${taskType}`, plus a `key` for work that can
 * recur, such as a new version of the invite list), so a repeated action
 * queues the work once. Answers false when it was already queued.
 */
export async function enqueue(
  deps: WorkflowDeps,
  input: { taskType: string; caseId: string; meetingId: string; key?: string; dueAt?: Date },
): Promise<boolean> {
  const base = { taskType: input.taskType, caseId: input.caseId, meetingId: input.meetingId };
  const task: Task = {
    id: `${input.meetingId}:${input.taskType}${input.key !== undefined ? `:${input.key}` : ""}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: (input.dueAt ?? deps.clock()).toISOString(),
    status: "pending",
    attempts: 0,
  };
  if (!(await createOnce(deps.store, task))) return false;
  deps.kick();
  return true;
}
