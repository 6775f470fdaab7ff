import { loadStoreSettings } from "../app/config";
import type { Incident, Task } from "../model";
import type { Store } from "../ports/store";
import { openCommandStore } from "./store";
import { closeIncident, incidentsOfTask, retryTask } from "../workflow/failures/retry";
import { parseFlags } from "./args";
import { humanWhen, renderTable } from "./table";
import { UsageError } from "./usage-error";

export const TASKS_USAGE =
  "convene tasks failed [--json] | tasks show ID [--json] | tasks retry ID";

/**
 * `convene tasks` for operators: what gave up (open incidents about failed
 * tasks), one in detail (its stored error), and retry one (pending again,
 * due now: the running server's scheduler picks it up; handlers are
 * idempotent, so whatever was sent is not sent again). Opens the store from
 * the same environment as the server (app/config.ts).
 */
export async function runTasks(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub === undefined) throw new UsageError(`a subcommand is required: ${TASKS_USAGE}`);
  if (sub === "failed") {
    const flags = parseFlags(rest, { json: { type: "boolean" } });
    return withStore((store) => listFailed(store, flags.json === true));
  }
  if (sub === "show" || sub === "retry") {
    const [id, ...more] = rest;
    if (id === undefined || id.startsWith("--"))
      throw new UsageError(`tasks ${sub} needs a task id`);
    const flags = parseFlags(more, sub === "show" ? { json: { type: "boolean" } } : {});
    return withStore((store) =>
      sub === "show" ? show(store, id, flags.json === true) : retry(store, id),
    );
  }
  throw new UsageError(`unknown tasks subcommand "${sub}" (known: failed, show, retry)`);
}

async function withStore(run: (store: Store) => Promise<string>): Promise<string> {
  const store = await openCommandStore(loadStoreSettings());
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

async function failedIncidents(store: Store): Promise<{ open: Incident[]; unreadable: number }> {
  const all = await store.listAll("incident");
  const open = all.items
    .filter((i) => i.status === "open")
    .sort((a, b) => (a.raisedAt < b.raisedAt ? -1 : a.raisedAt > b.raisedAt ? 1 : 0));
  return { open, unreadable: all.invalid.length };
}

async function listFailed(store: Store, json: boolean): Promise<string> {
  const { open, unreadable } = await failedIncidents(store);
  const rows = open.map((i) => ({
    incident: i.id,
    kind: i.kind,
    task: i.taskId ?? null,
    taskType: i.taskType ?? null,
    record: i.recordId !== undefined ? `${i.recordType ?? "?"}:${i.recordId}` : null,
    meeting: i.meetingId ?? null,
    raisedAt: i.raisedAt,
    reason: i.reason,
  }));
  if (json) return `${JSON.stringify({ open: rows, unreadable }, null, 2)}\n`;
  const note = unreadable > 0 ? `\n${unreadable} record(s) could not be read.\n` : "";
  if (rows.length === 0) return `Nothing needs attention.\n${note}`;
  return (
    renderTable(
      ["Raised", "Kind", "Task or record", "Reason"],
      rows.map((r) => [humanWhen(r.raisedAt), r.kind, r.task ?? r.record ?? "", r.reason]),
    ) + note
  );
}

/** A task by id: failed tasks are found through their incident (which knows the partition). */
async function findTask(store: Store, id: string): Promise<{ task?: Task; incidents: Incident[] }> {
  const incidents = (await store.listAll("incident")).items.filter((i) => i.taskId === id);
  const pk = incidents.find((i) => i.taskPk !== undefined)?.taskPk;
  const task = pk !== undefined ? await store.get("task", id, pk) : undefined;
  return { ...(task !== undefined ? { task } : {}), incidents };
}

async function show(store: Store, id: string, json: boolean): Promise<string> {
  const { task, incidents } = await findTask(store, id);
  if (task === undefined) throw new UsageError(`no failed task "${id}" (see convene tasks failed)`);
  const { etag: _etag, ...stored } = task;
  if (json) return `${JSON.stringify({ task: stored, incidents }, null, 2)}\n`;
  return [
    `Task ${task.id} (${task.taskType})`,
    `Status: ${task.status} after ${task.attempts} attempt(s)`,
    `Due: ${humanWhen(task.dueAt)}`,
    ...(task.meetingId !== undefined ? [`Meeting: ${task.meetingId}`] : []),
    `Last error: ${task.lastError ?? "none recorded"}`,
    ...incidents.map(
      (i) =>
        `Incident ${i.id}: ${i.status}${i.closedAt !== undefined ? ` (${humanWhen(i.closedAt)})` : ""}`,
    ),
    "",
  ].join("\n");
}

async function retry(store: Store, id: string): Promise<string> {
  const { task } = await findTask(store, id);
  if (task === undefined) throw new UsageError(`no failed task "${id}" (see convene tasks failed)`);
  // The command line reads the real clock: it is the top layer.
  const clock = () => new Date();
  const outcome = await retryTask({ store, clock }, task.id, task.pk);
  if (!outcome.ok)
    throw new UsageError(`task "${id}" is ${task.status}, not failed: nothing to retry`);
  for (const incident of await incidentsOfTask(store, task.id)) {
    await closeIncident({ store, clock }, incident, "retried", "operator");
  }
  return `Task ${task.id} will run again at the next sweep.\n`;
}
