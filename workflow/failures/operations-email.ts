import { createOnce } from "../kernel/create-once";
import { INCIDENTS_PK, taskPk, type Incident, type Task } from "../../model";
import type { TaskContext, TaskResult } from "../../ports/tasks";
import { PermanentTaskError } from "../../ports/task-errors";
import type { AttentionItem } from "../../cards/needs-attention/view-model";
import type { WorkflowDeps } from "../kernel/deps";
import { sendEmailsOnce } from "../kernel/notify";

/** A held operations email, tried again until it goes. */
export const OPERATIONS_EMAIL = "failure.email";

/** An hour apart: a withheld permission or a full mailbox is put right by a person, not in seconds. */
const AGAIN_AFTER_MS = 60 * 60_000;
/** Three days of hourly tries; after that it is logged and stays listed by `convene tasks failed`. */
const MOST_TRIES = 72;

/**
 * The operations mailbox's copy of an incident. When Outlook refuses it (the
 * same withheld Mail.Send that caused the incident refuses this email too),
 * it is not counted as sent and not given up: the service owners' Teams card
 * has already gone, and this email is held and tried again every hour
 * (`failure.email` tasks) until it is sent or the incident is closed.
 * Answers whether it was sent now.
 */
export async function sendOperationsEmail(
  deps: WorkflowDeps,
  incident: Incident,
  item: AttentionItem,
  othersOpen: number,
  tried = 1,
): Promise<boolean> {
  const mailbox = deps.authority.operationsMailbox;
  if (mailbox === undefined) return false;
  try {
    await sendEmailsOnce(deps, deps.authority.organizer, [
      {
        kind: "needs-attention-email",
        email: {
          id: `${incident.id}:needs-attention:operations`,
          to: { email: mailbox, name: "Convene operations" },
          subject: `Convene needs attention: ${item.what.toLowerCase()}`,
          bodyText: [
            `${item.what}.`,
            "",
            `For: ${item.where}`,
            `Why: ${item.why}`,
            `When: ${item.when}`,
            "",
            item.canRetry
              ? "Retry or mark it handled from the card in Teams, or run: npx convene tasks failed"
              : "Mark it handled from the card in Teams once it is put right.",
            "",
            othersOpen === 0
              ? "Nothing else needs attention."
              : `${othersOpen} other problem(s) still need attention.`,
          ].join("\n"),
        },
      },
    ]);
    return true;
  } catch (err) {
    if (!(err instanceof PermanentTaskError) || err.code !== "Mail.refused") throw err;
    if (tried >= MOST_TRIES) throw err;
    deps.logger.warn(
      { incidentId: incident.id, tried },
      "operations email refused by Outlook: held, tried again in an hour",
    );
    await queueAgain(deps, incident.id, tried + 1);
    return false;
  }
}

async function queueAgain(deps: WorkflowDeps, incidentId: string, tried: number): Promise<void> {
  const task: Task = {
    id: `${incidentId}:${OPERATIONS_EMAIL}:${tried}`,
    type: "task",
    pk: taskPk({ taskType: OPERATIONS_EMAIL }),
    taskType: OPERATIONS_EMAIL,
    dueAt: new Date(deps.clock().getTime() + AGAIN_AFTER_MS).toISOString(),
    status: "pending",
    attempts: 0,
  };
  await createOnce(deps.store, task);
}

/** The incident id and the try number from a `failure.email` task's id. */
function parseTaskId(id: string): { incidentId: string; tried: number } {
  const m = new RegExp(`^(.+):${OPERATIONS_EMAIL.replace(".", "\\.")}:(\\d+)$`).exec(id);
  if (m === null) throw new PermanentTaskError("BadInput", "not an operations email task id");
  return { incidentId: m[1]!, tried: Number(m[2]) };
}

/**
 * failure.email: tries the held email again, unless the incident has been
 * retried or marked handled meanwhile (the service owners acted on the card).
 */
export function retryOperationsEmail(
  describe: (
    deps: WorkflowDeps,
    incident: Incident,
  ) => Promise<{ item: AttentionItem; othersOpen: number }>,
) {
  return async (deps: WorkflowDeps, task: Task, _ctx: TaskContext): Promise<TaskResult> => {
    const { incidentId, tried } = parseTaskId(task.id);
    const incident = await deps.store.get("incident", incidentId, INCIDENTS_PK);
    if (incident === undefined) throw new PermanentTaskError("NotFound", "incident not found");
    if (incident.status !== "open") return { skipped: incident.status };
    const { item, othersOpen } = await describe(deps, incident);
    const sent = await sendOperationsEmail(deps, incident, item, othersOpen, tried);
    return { sent, tried };
  };
}
