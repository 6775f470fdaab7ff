import { caseApiHandler } from "../bot/case-api/routes";
import { jwksKeySource } from "../bot/case-api/jwks";
import { caseApi } from "../workflow/cases/api";
import { type Logger } from "../ports/logger";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { startBot, type ApiRoute } from "../bot";
import { createCalendar } from "../graph/create-calendar";
import { resolvePolicy } from "../rules";
import type { WorkflowDeps } from "../workflow/kernel/deps";
import { botHandlers, taskHandlers } from "../workflow/index";
import type { Notifier } from "../ports";
import type { Config } from "./config";
import { DemoClock } from "./demo/clock";
import { demoCases } from "./demo/cases";
import { demoRoutes } from "./demo/routes";
import { ensureJobsPlanned } from "../workflow/lists/plan-jobs";
import { queueSubscribe } from "../workflow/quoracy/subscription";
import { receiveGraphNotifications } from "../workflow/quoracy/graph-notifications";
import { ensurePoll } from "../workflow/quoracy/tasks";
import { loadAuthority } from "./load-authority";
import { adminAlertRaiser } from "../scheduler/admin-alert";
import { exponentialBackoff } from "../scheduler/backoff";
import { Scheduler } from "../scheduler/scheduler";
import { isStoreError } from "../ports/store";
import { openStore } from "../store/open-store";

/** POST /api/graph/notifications (issue 7): Graph's change notifications on the organiser's events. */
function graphNotificationsRoute(deps: WorkflowDeps, clientState: string): ApiRoute {
  return {
    method: "POST",
    path: "/api/graph/notifications",
    handle: (request) => receiveGraphNotifications(deps, clientState, request),
  };
}

export interface RunningConvene {
  /** `${url}/api/messages`: what Teams (Azure Bot) or the Agents Playground calls. */
  messagesUrl: string;
  url: string;
  /** The demo clock when demo mode is on. */
  demoClock?: DemoClock;
  scheduler: Scheduler;
  close(): Promise<void>;
}

/**
 * The composition root (DESIGN.md habit 8): everything wired by hand.
 * 1. the store (Cosmos DB when configured, else SQLite under DATA_DIR);
 * 2. the clock: the real one, or in demo mode the real one plus a
 *    forward-only offset moved by POST /api/demo/clock;
 * 3. the authority (AUTHORITY_FILE, or the demo one) and its policy;
 * 4. the calendar port: Microsoft Graph when configured, else the outbox;
 * 5. the workflow, the bot (its notifier is bound late: the bot needs the
 *    workflow's handlers and the workflow needs the bot's notifier);
 * 6. the scheduler with every task handler; an action's background work
 *    kicks it so it starts at once;
 * 7. in demo mode, the demo cases.
 */
export async function startConvene(
  config: Config,
  options: { logger: Logger; realClock: () => Date; host?: string },
): Promise<RunningConvene> {
  const { logger } = options;
  const store = await openStore(config.store);
  const demoClock = config.bot.demoMode ? new DemoClock(options.realClock) : undefined;
  const clock = demoClock?.now ?? options.realClock;
  const authority = loadAuthority(config.authority);
  const policy = resolvePolicy(authority.policy, authority.overrides);
  const calendar = createCalendar(config.calendar, { logger, clock });

  // Bound late: the bot needs the workflow's handlers, the workflow the
  // bot's notifier, the scheduler the workflow's task handlers.
  const late: { notifier?: Notifier; scheduler?: Scheduler } = {};
  const lateNotifier: Notifier = {
    sendCard: (...args) =>
      late.notifier?.sendCard(...args) ?? Promise.resolve({ outcome: "failed" as const }),
    updateCard: (...args) =>
      late.notifier?.updateCard(...args) ?? Promise.resolve({ outcome: "failed" as const }),
  };
  const deps: WorkflowDeps = {
    store,
    calendar,
    replies: calendar,
    notifier: lateNotifier,
    clock,
    authority,
    policy,
    logger,
    kick: () => late.scheduler?.kick(),
  };
  const sched = new Scheduler({
    store,
    clock,
    owner: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    // Longer than the slowest handler (a batch of emails whose answers were
    // lost: rounds of send, settle and Sent Items look-up, with Graph's
    // timeouts), so a live instance is never overtaken; short enough that a
    // dead instance's work is picked up well inside a working day.
    leaseMs: 20 * 60_000,
    intervalMs: config.schedulerIntervalMs,
    maxAttempts: 5,
    backoff: exponentialBackoff({ baseMs: 30_000, maxMs: 30 * 60_000, random: Math.random }),
    handlers: taskHandlers(
      deps,
      config.notifications ? { notifications: config.notifications } : {},
    ),
    logger,
    onFailed: adminAlertRaiser({ store, clock, logger }),
    random: Math.random,
  });
  late.scheduler = sched;

  const bot = await startBot({
    config: config.bot,
    store,
    handlers: botHandlers(deps),
    logger,
    clock,
    ...(demoClock !== undefined
      ? { extraRoutes: demoRoutes(demoClock, () => sched.runOnce()) }
      : {}),
    ...(options.host !== undefined ? { host: options.host } : {}),
    ...(config.notifications !== undefined
      ? { apiRoutes: [graphNotificationsRoute(deps, config.notifications.clientState)] }
      : {}),
    ...(config.caseApi !== undefined
      ? {
          caseApi: caseApiHandler({
            api: caseApi(deps),
            logger,
            token: {
              tenantId: config.caseApi.tenantId,
              audiences: config.caseApi.audiences,
              // Token lifetimes are real time, whatever clock the workflow runs on.
              keys: jwksKeySource({ url: config.caseApi.jwksUrl, now: () => Date.now() }),
              now: () => Date.now(),
            },
          }),
        }
      : {}),
  });
  late.notifier = bot.notifier;

  if (config.bot.demoMode) {
    for (const kase of demoCases(authority, clock())) {
      try {
        await store.create(kase);
      } catch (err) {
        if (!isStoreError(err, "Conflict")) throw err;
      }
    }
  }
  // The replies poll is a chain of tasks on the half hour (issue 7); make
  // sure one exists (the id is deterministic, so instances agree).
  await ensurePoll(deps, clock());
  await ensureJobsPlanned(deps, clock());
  if (config.notifications !== undefined) await queueSubscribe(deps, clock());
  sched.start();
  logger.info(
    {
      store: config.store.kind,
      calendar: config.calendar.kind,
      policy: policy.id,
      demo: config.bot.demoMode,
      port: bot.url,
    },
    "convene started",
  );
  return {
    messagesUrl: bot.messagesUrl,
    url: bot.url,
    ...(demoClock !== undefined ? { demoClock } : {}),
    scheduler: sched,
    close: async () => {
      await bot.close();
      await sched.stop();
      calendar.close();
      await store.close();
    },
  };
}
