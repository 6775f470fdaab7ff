import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { loadConfig } from "./config";
import { createLogger } from "./logger";
import { openStore } from "./store/open-store";
import { Scheduler, type TaskHandler } from "./scheduler/scheduler";
import { adminAlertRaiser } from "./scheduler/admin-alert";
import { exponentialBackoff } from "./scheduler/backoff";

/**
 * The composition root (DESIGN.md habit 8): the one place that reads the
 * configuration, uses the real clock and wires every part by hand.
 *
 * 1. load and validate the configuration (infra/config.ts);
 * 2. open the store: Cosmos DB when configured, else SQLite under DATA_DIR;
 * 3. start the scheduler loop with the task handlers registered so far;
 * 4. on SIGINT/SIGTERM, let the sweep in hand finish, then close the store.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const store = await openStore(config.store);
  const clock = (): Date => new Date();

  // Handlers arrive with the workflow issues (reminders, escalations, lists).
  // Until a task type has one, its tasks fail visibly as UnknownTaskType and
  // are raised for an administrator: nothing is dropped silently.
  const handlers = new Map<string, TaskHandler>();

  const scheduler = new Scheduler({
    store,
    clock,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    // Long enough for a throttled Graph call with retries; short enough that a
    // dead instance's work is picked up well inside a working day.
    leaseMs: 5 * 60_000,
    intervalMs: config.schedulerIntervalMs,
    maxAttempts: 5,
    backoff: exponentialBackoff({ baseMs: 30_000, maxMs: 30 * 60_000, random: Math.random }),
    handlers,
    logger,
    onFailed: adminAlertRaiser({ store, clock, logger }),
    random: Math.random,
  });
  scheduler.start();
  logger.info(
    { store: config.store.kind, intervalMs: config.schedulerIntervalMs },
    "convene started: scheduler running",
  );

  const shutdown = (signal: string): void => {
    logger.info({ signal }, "convene stopping");
    void scheduler
      .stop()
      .then(() => store.close())
      .then(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  // Configuration errors name the variable and the problem, never a value.
  process.stderr.write(`convene: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
