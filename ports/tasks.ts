/**
 * The contract between the scheduler and the work it runs: a handler takes a
 * claimed task and its context and returns the result to record.
 */
import type { Task } from "../model";

export type TaskResult = Task["result"];

export interface TaskContext {
  /** The injected clock's reading when the task was claimed. */
  now: Date;
  /** 1 on the first run; counts claims, so a run cut short by a crash counts too. */
  attempt: number;
}

/**
 * Handlers MUST be idempotent by task id. Leases make a double run rare but
 * not impossible: an instance that dies after the side effect and before
 * recording "done", or one that outlives its lease (a long GC pause, a slow
 * Graph call), hands the task to another instance, which runs it again. So a
 * handler checks a marker keyed by task id (a deterministic notification id
 * that is sent only if still pending, a Graph transactionId, a unique
 * insert) before it acts. The scheduler's guarantee is: every due task is
 * claimed by exactly one instance at a time, and is run until it is recorded
 * done or failed.
 */
export type TaskHandler = (task: Task, ctx: TaskContext) => Promise<TaskResult | void>;
