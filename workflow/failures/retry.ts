import { INCIDENTS_PK, type Incident, type Task } from "../../model";
import type { Store } from "../../ports/store";

export type RetryOutcome =
  { ok: true; task: Task } | { ok: false; reason: "no-such-task" | "not-failed" };

/**
 * Runs a failed task again from the start: pending, due now, its attempts
 * reset. Handlers are idempotent by task id, so whatever it did send is not
 * sent again. Shared by the Retry button and `convene tasks retry`.
 */
export async function retryTask(
  deps: { store: Store; clock: () => Date },
  taskId: string,
  taskPk: string,
): Promise<RetryOutcome> {
  const task = await deps.store.get("task", taskId, taskPk);
  if (task === undefined) return { ok: false, reason: "no-such-task" };
  if (task.status !== "failed") return { ok: false, reason: "not-failed" };
  const again = await deps.store.replace(
    { ...task, status: "pending", dueAt: deps.clock().toISOString(), attempts: 0 },
    task.etag ?? "",
  );
  return { ok: true, task: again };
}

/** Closes an incident (retried or handled), recording who and when. */
export async function closeIncident(
  deps: { store: Store; clock: () => Date },
  incident: Incident,
  status: "retried" | "handled",
  by: string,
): Promise<Incident> {
  return deps.store.replace(
    { ...incident, status, closedBy: by, closedAt: deps.clock().toISOString() },
    incident.etag ?? "",
  );
}

/** The open incidents about one task (the CLI's retry closes them). */
export async function incidentsOfTask(store: Store, taskId: string): Promise<Incident[]> {
  const all = await store.listAll("incident");
  return all.items.filter((i) => i.taskId === taskId && i.status === "open");
}

export const findIncident = (store: Store, id: string): Promise<Incident | undefined> =>
  store.get("incident", id, INCIDENTS_PK);
