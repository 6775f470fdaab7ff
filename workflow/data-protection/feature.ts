import { createOnce } from "../kernel/create-once";
import { taskPk, type Task } from "../../model";
import { recordsOf } from "../../ports/records";
import type { TaskContext, TaskResult } from "../../ports/tasks";
import type { WorkflowDeps } from "../kernel/deps";
import { sendEmailsOnce } from "../kernel/notify";
import { taskEntry, type Feature } from "../kernel/registry";
import { applyRetention } from "./retention";

export const RETENTION_TASK = "data.retention";
/** 02:30 Europe/London: after the day's lists, before anyone is at work. */
const RUN_MINUTE = 2 * 60 + 30;

/** The retention task of a day (id by date, so instances agree on it). */
export function retentionTask(deps: Pick<WorkflowDeps, "policy">, day: number): Task {
  const base = { taskType: RETENTION_TASK };
  const at = new Date(deps.policy.calendar.toInstant(day, RUN_MINUTE));
  return {
    id: `${RETENTION_TASK}:${at.toISOString().slice(0, 10)}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: at.toISOString(),
    status: "pending",
    attempts: 0,
  };
}

/** Makes sure the next retention run is stored (called at start-up). */
export async function ensureRetentionPlanned(deps: WorkflowDeps, now: Date): Promise<void> {
  const today = deps.policy.calendar.toLocal(now.getTime()).day;
  const task = retentionTask(deps, today);
  await createOnce(
    deps.store,
    Date.parse(task.dueAt) >= now.getTime() ? task : retentionTask(deps, today + 1),
  );
}

/**
 * The daily run: tomorrow's run is stored first (a chain of tasks, like the
 * jobs' planning), then the configured periods are applied, then the heads
 * of the audit chains are recorded where the store's writers cannot rewrite
 * them: the log, and an email to the operations mailbox.
 */
export async function runRetention(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  await createOnce(
    deps.store,
    retentionTask(deps, deps.policy.calendar.toLocal(ctx.now.getTime()).day + 1),
  );
  const report = await applyRetention(
    recordsOf(deps.store),
    deps.authority.retention,
    ctx.now,
    task.id,
  );
  const record = { recordedAt: ctx.now.toISOString(), heads: report.heads };
  deps.logger.info(
    { event: "audit.heads", taskId: task.id, deleted: report.deleted, ...record },
    "retention run: audit chain heads recorded",
  );
  const mailbox = deps.authority.operationsMailbox;
  if (mailbox === undefined) {
    deps.logger.warn(
      { event: "audit.heads.unmailed", taskId: task.id },
      "no operations mailbox configured: the audit chain heads are in the log only",
    );
  } else {
    await sendEmailsOnce(deps, deps.authority.organizer, [
      {
        kind: "audit-heads",
        taskId: task.id,
        email: {
          id: `${task.id}:audit-heads`,
          to: { email: mailbox, name: "Operations" },
          subject: `Convene: audit trail record for ${record.recordedAt.slice(0, 10)}`,
          bodyText: [
            "Convene's daily record of where each audit trail ended.",
            "",
            "Keep this email. To check the audit trail against it, save the attachment and run:",
            "  npx convene audit verify --heads FILE",
            "",
            `Records deleted under the retention schedule today: ${Object.values(report.deleted).reduce((a, b) => a + b, 0)}.`,
          ].join("\n"),
          attachments: [
            {
              name: `audit-heads-${record.recordedAt.slice(0, 10)}.json`,
              contentType: "application/json",
              content: Buffer.from(JSON.stringify(record, null, 2)),
            },
          ],
        },
      },
    ]);
  }
  return {
    configured: report.configured,
    deleted: report.deleted,
    quarantinedFound: report.quarantinedFound,
    partitions: report.heads.length,
  };
}

export const dataProtectionFeature: Feature = {
  name: "data-protection",
  tasks: [taskEntry(RETENTION_TASK, runRetention)],
};
