import { type Logger } from "../ports/logger";
import { inSpan, telemetry } from "../ports/telemetry";
import { z } from "zod";
import type { Doorbell } from "./doorbell";
import type { TaskHandler, TaskResult } from "../ports/tasks";
import type { Task } from "../model";
import { isStoreError, type InvalidRef, type Store } from "../ports/store";
import { PermanentTaskError, describeError, errorCode, isPermanent } from "../ports/task-errors";

const JsonValue = z.json();
const isJson = (value: unknown): boolean => JsonValue.safeParse(value).success;

export interface SchedulerDeps {
  store: Store;
  /** Injected everywhere; the real clock only in the composition root. */
  clock: () => Date;
  /** This instance's id, written into leases (host + pid + random is fine). */
  owner: string;
  /** How long a claim lasts; must comfortably exceed a handler's run time. */
  leaseMs: number;
  intervalMs: number;
  maxAttempts: number;
  /** Delay before retry number `attempt` (1-based); jitter comes from the caller. */
  backoff: (attempt: number) => number;
  handlers: ReadonlyMap<string, TaskHandler>;
  logger: Logger;
  /** A task that gave up: the composition root routes it to a person (workflow/failures). */
  onFailed: (task: Task, error: string) => Promise<void>;
  /**
   * Told about every stored task that fails its schema, and awaited: the
   * composition root sets it aside and raises it (workflow/kernel/unreadable.ts),
   * so the next sweep no longer meets it. Without it, it is only logged.
   */
  onInvalid?: (invalid: InvalidRef) => Promise<void> | void;
  /** Used to shuffle each page so instances do not race down it in step. */
  random?: () => number;
  pageSize?: number;
  /** Tasks of one page run at the same time. */
  concurrency?: number;
  /** Rung by actions that queued background work: the scheduler sweeps at once. */
  doorbell?: Doorbell;
}

export interface SweepReport {
  claimed: number;
  done: number;
  retried: number;
  failed: number;
  /** Another instance claimed it first (412 on our claim). */
  lostClaims: number;
  /** Our lease expired and another instance took the task over before we recorded the result. */
  lostLeases: number;
  invalid: number;
}

const emptyReport = (): SweepReport => ({
  claimed: 0,
  done: 0,
  retried: 0,
  failed: 0,
  lostClaims: 0,
  lostLeases: 0,
  invalid: 0,
});

type Settled = Omit<Task, "leaseOwner" | "leaseUntil">;

function withoutLease(task: Task): Settled {
  const { leaseOwner: _owner, leaseUntil: _until, ...rest } = task;
  return rest;
}

/**
 * Claims due tasks under a lease and runs them by type. Any number of
 * instances may run against one store: a claim is an etag-conditional
 * replace, so exactly one instance wins each task.
 */
export class Scheduler {
  private running = false;
  private stopRequested = false;
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<unknown> | undefined;
  private kicked = false;
  /** For readiness: when the last sweep ended, and when the one running began (domain clock). */
  lastSweepEndedAt: Date | undefined;
  sweepRunningSince: Date | undefined;
  private readonly pageSize: number;
  private readonly concurrency: number;

  constructor(private readonly deps: SchedulerDeps) {
    this.pageSize = deps.pageSize ?? 100;
    this.concurrency = deps.concurrency ?? 4;
    deps.doorbell?.answerWith(() => this.kick());
  }

  /** Starts the loop: a sweep now, then one `intervalMs` after each sweep ends. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopRequested = false;
    this.schedule(0);
  }

  /**
   * Sweep as soon as possible: background work an action has just queued
   * (creating the Outlook event, sending invites) should not wait for the
   * next interval. Mid-sweep, another sweep follows at once.
   */
  kick(): void {
    if (!this.running) return;
    if (this.current !== undefined) {
      this.kicked = true;
      return;
    }
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.schedule(0);
  }

  /** Stops after the page in hand; resolves when the current sweep has ended. */
  async stop(): Promise<void> {
    this.running = false;
    this.stopRequested = true;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    await this.current;
  }

  /**
   * One sweep:
   * 1. page through the due tasks (oldest first);
   * 2. report and skip any that fail their schema;
   * 3. claim each (etag-conditional replace: running, lease, attempts + 1);
   * 4. run its handler and record done, a retry with backoff, or failed.
   */
  async runOnce(): Promise<SweepReport> {
    this.sweepRunningSince = this.deps.clock();
    try {
      const report = await this.sweep();
      this.lastSweepEndedAt = this.deps.clock();
      return report;
    } finally {
      this.sweepRunningSince = undefined;
    }
  }

  private async sweep(): Promise<SweepReport> {
    const report = emptyReport();
    let continuation: string | undefined;
    do {
      const page = await this.deps.store.dueTasks(this.deps.clock(), this.pageSize, continuation);
      telemetry.tasksDue(page.items.length);
      for (const bad of page.invalid) {
        report.invalid += 1;
        this.deps.logger.warn(
          { docId: bad.id, pk: bad.pk, error: bad.error },
          "stored task fails its schema: not run",
        );
        try {
          await this.deps.onInvalid?.(bad);
        } catch (err) {
          // The next sweep meets it again and tries again; the rest still run.
          this.deps.logger.error(
            { docId: bad.id, errorCode: errorCode(err) },
            "could not set an unreadable task aside",
          );
        }
      }
      await this.forEachLimited(this.shuffled(page.items), (task) => this.process(task, report));
      continuation = page.continuation;
    } while (continuation !== undefined && !this.stopRequested);
    return report;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const sweep = this.runOnce().catch((err: unknown) => {
        this.deps.logger.error(
          { owner: this.deps.owner, errorCode: errorCode(err) },
          "sweep failed",
        );
      });
      this.current = sweep;
      void sweep.finally(() => {
        this.current = undefined;
        const again = this.kicked;
        this.kicked = false;
        if (this.running) this.schedule(again ? 0 : this.deps.intervalMs);
      });
    }, delayMs);
  }

  private async process(task: Task, report: SweepReport): Promise<void> {
    const { store, clock, owner, leaseMs, maxAttempts, logger } = this.deps;
    const claimedAt = clock();
    let claimed: Task;
    try {
      claimed = await store.replace(
        {
          ...task,
          status: "running",
          leaseOwner: owner,
          leaseUntil: new Date(claimedAt.getTime() + leaseMs).toISOString(),
          attempts: task.attempts + 1,
        },
        task.etag ?? "",
      );
    } catch (err) {
      if (isStoreError(err, "PreconditionFailed") || isStoreError(err, "NotFound")) {
        report.lostClaims += 1;
        return;
      }
      throw err;
    }
    report.claimed += 1;
    // Lag: how long after it became claimable (due, or its lease ended) it was claimed.
    const readySince = Date.parse(
      task.status === "running" ? (task.leaseUntil ?? task.dueAt) : task.dueAt,
    );
    telemetry.schedulerLag(claimed.taskType, claimedAt.getTime() - readySince);

    // A task whose earlier claims all ended in an expired lease (its process
    // died, perhaps because of this very task) must not loop for ever.
    if (task.attempts >= maxAttempts) {
      await this.fail(claimed, `LeaseExpired: no result after ${task.attempts} attempts`, report);
      return;
    }
    const handler = this.deps.handlers.get(claimed.taskType);
    if (handler === undefined) {
      await this.fail(claimed, `UnknownTaskType: no handler for ${claimed.taskType}`, report);
      return;
    }

    let outcome: { ok: true; result: TaskResult | void } | { ok: false; error: unknown };
    try {
      outcome = {
        ok: true,
        result: await inSpan(
          `task ${claimed.taskType}`,
          { taskType: claimed.taskType, taskId: claimed.id },
          () => Promise.resolve(handler(claimed, { now: claimedAt, attempt: claimed.attempts })),
        ),
      };
    } catch (error) {
      outcome = { ok: false, error };
    }

    if (outcome.ok && outcome.result !== undefined && !isJson(outcome.result)) {
      // Retrying cannot fix a handler that returns something unstorable.
      outcome = {
        ok: false,
        error: new PermanentTaskError("InvalidResult", "handler result is not JSON"),
      };
    }
    if (outcome.ok) {
      const done: Settled = { ...withoutLease(claimed), status: "done" };
      delete done.lastError;
      if (outcome.result !== undefined) done.result = outcome.result;
      if (await this.settle(claimed, done, report)) report.done += 1;
      return;
    }
    const error = describeError(outcome.error);
    if (isPermanent(outcome.error) || claimed.attempts >= maxAttempts) {
      await this.fail(claimed, error, report);
      return;
    }
    const retryAt = new Date(clock().getTime() + this.deps.backoff(claimed.attempts));
    const retry: Settled = {
      ...withoutLease(claimed),
      status: "pending",
      dueAt: retryAt.toISOString(),
      lastError: error,
    };
    if (await this.settle(claimed, retry, report)) {
      report.retried += 1;
      logger.info(
        {
          taskId: claimed.id,
          attempts: claimed.attempts,
          errorCode: errorCode(outcome.error),
          retryAt: retry.dueAt,
        },
        "task will be retried",
      );
    }
  }

  private async fail(claimed: Task, error: string, report: SweepReport): Promise<void> {
    const failed: Settled = { ...withoutLease(claimed), status: "failed", lastError: error };
    if (!(await this.settle(claimed, failed, report))) return;
    report.failed += 1;
    telemetry.taskFailed(claimed.taskType);
    await this.deps.onFailed(failed, error);
  }

  /** Records the outcome if our lease still holds; false if another instance took over. */
  private async settle(claimed: Task, next: Settled, report: SweepReport): Promise<boolean> {
    try {
      await this.deps.store.replace(next, claimed.etag ?? "");
      return true;
    } catch (err) {
      if (isStoreError(err, "PreconditionFailed") || isStoreError(err, "NotFound")) {
        report.lostLeases += 1;
        this.deps.logger.warn(
          { taskId: claimed.id, owner: this.deps.owner },
          "lease lost before the result was recorded; the new owner reruns it (handlers are idempotent)",
        );
        return false;
      }
      throw err;
    }
  }

  private shuffled(tasks: Task[]): Task[] {
    const random = this.deps.random;
    if (random === undefined) return tasks;
    const copy = [...tasks];
    for (let i = copy.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      const a = copy[i] as Task;
      copy[i] = copy[j] as Task;
      copy[j] = a;
    }
    return copy;
  }

  private async forEachLimited(tasks: Task[], fn: (task: Task) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < tasks.length) {
        const task = tasks[next] as Task;
        next += 1;
        try {
          await fn(task);
        } catch (err) {
          // A store outage on one task must not abandon the page; the task
          // stays claimable and its lease will expire.
          this.deps.logger.error(
            { taskId: task.id, errorCode: errorCode(err) },
            "task processing failed",
          );
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, tasks.length) }, worker));
  }
}
