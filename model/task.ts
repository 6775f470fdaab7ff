import { z } from "zod";
import { DocId, Instant, docBase } from "./common";

/**
 * pending → running (claimed under a lease) → done | failed; pending →
 * cancelled when the thing it watches no longer needs it (meeting stood down).
 * A running task whose lease has expired is claimable again: its instance died.
 */
export const TASK_STATUSES = ["pending", "running", "done", "failed", "cancelled"] as const;
export const TaskStatus = z.enum(TASK_STATUSES);
export type TaskStatus = z.infer<typeof TaskStatus>;

/** Statuses the scheduler still has to act on ("open tasks of a meeting"). */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ["pending", "running"];

/**
 * One stored deadline, reminder, escalation or job run.
 *
 * `id` is deterministic (`${meetingId}:${ruleId}`, `list.weekly:2027-01-04`)
 * so re-planning a timeline creates nothing twice: a create that answers
 * Conflict means the task is already there.
 */
export const Task = z
  .object({
    ...docBase("task"),
    /** A rule id (`reports.icpc`) or a job type (`list.weekly`); picks the handler. */
    taskType: z.string().min(1),
    caseId: DocId.optional(),
    meetingId: DocId.optional(),
    dueAt: Instant,
    status: TaskStatus,
    /** Claims so far, counted at claim time so a task that kills its process still runs out of attempts. */
    attempts: z.number().int().nonnegative(),
    leaseOwner: z.string().min(1).optional(),
    leaseUntil: Instant.optional(),
    /** Error code and a short message for the administrator; never personal data. */
    lastError: z.string().optional(),
    result: z.json().optional(),
  })
  .refine((t) => t.pk === taskPk(t), {
    message: "a task's pk is its meeting id, else its case id, else job:<taskType>",
    path: ["pk"],
  })
  .refine(
    (t) => t.status !== "running" || (t.leaseOwner !== undefined && t.leaseUntil !== undefined),
    {
      message: "a running task has a lease",
      path: ["leaseUntil"],
    },
  );
export type Task = z.infer<typeof Task>;

/**
 * Tasks are partitioned by meeting (most tasks belong to one): "open tasks of
 * a meeting" is then a single-partition query and writes spread across
 * partitions. Recurring jobs have no meeting or case and share one small
 * partition per job type. See docs/architecture.md, "Durable state".
 */
export function taskPk(t: { taskType: string; caseId?: string; meetingId?: string }): string {
  return t.meetingId ?? t.caseId ?? `job:${t.taskType}`;
}
