import { Doorbell } from "../scheduler/doorbell";
import { caseApiHandler } from "../bot/case-api/routes";
import { jwksKeySource } from "../bot/case-api/jwks";
import { caseApi } from "../workflow/cases/api";
import { type Logger } from "../ports/logger";
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { reportInDoubtAtStart } from "../workflow/failures/in-doubt-at-start";
import { createBotEdge, type ApiRoute } from "../bot";
import { schedulerCheck, storeCheck, tokenCheck, type ReadinessCheck } from "../bot/readiness";
import { createCalendar } from "../graph/create-calendar";
import { resolvePolicy } from "../rules";
import type { WorkflowDeps } from "../workflow/kernel/deps";
import { botHandlers, taskHandlers } from "../workflow/index";
import type { Config } from "./config";
import { DemoClock } from "./demo/clock";
import { demoCases } from "./demo/cases";
import { demoRoutes } from "./demo/routes";
import { ensureJobsPlanned } from "../workflow/lists/plan-jobs";
import { ensureRetentionPlanned } from "../workflow/data-protection/feature";
import { queueSubscribe } from "../workflow/quoracy/subscription";
import { receiveGraphNotifications } from "./graph-notifications";
import { ensurePoll } from "../workflow/quoracy/tasks";
import { checkProductionAuthority, loadAuthority } from "./load-authority";
import { taskFailureReporter } from "../workflow/kernel/incidents";
import { unreadableTaskReporter } from "../workflow/kernel/unreadable";
import { exponentialBackoff } from "../scheduler/backoff";
import { Scheduler } from "../scheduler/scheduler";
import { isStoreError } from "../ports/store";
import { openStore } from "../store/open-store";
import { createPeople } from "../graph/create-people";
import { ensureStaffRefreshPlanned } from "../workflow/staff/feature";
import { syncStaff } from "../workflow/staff/staff-list";
import { ConfigError } from "./config";

/** How often an instance looks for a staff list another instance stored. */
const STAFF_SYNC_MS = 60_000;

/** POST /api/graph/notifications (Outlook replies and the quoracy forecast): Graph's change notifications on the organiser's events. */
function graphNotificationsRoute(deps: WorkflowDeps, clientState: string): ApiRoute {
  return {
    method: "POST",
    path: "/api/graph/notifications",
    answersValidationToken: true,
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
 * The composition root (docs/architecture.md, one composition root): everything wired by hand.
 * 1. the store (Cosmos DB when configured, else SQLite under DATA_DIR);
 * 2. the clock: the real one, or in demo mode the real one plus a
 *    forward-only offset moved by POST /api/demo/clock;
 * 3. the authority (AUTHORITY_FILE, or the demo one) and its policy;
 * 4. the calendar port: Microsoft Graph when configured, else the outbox;
 * 5. the Teams edge (its notifier), then the workflow on it, then the edge
 *    listens with the workflow's handlers;
 * 6. the scheduler with every task handler; an action's background work
 *    kicks it so it starts at once;
 * 7. in demo mode, the demo cases.
 */
export async function startConvene(
  config: Config,
  options: { logger: Logger; realClock: () => Date; host?: string },
): Promise<RunningConvene> {
  const { logger } = options;
  // Before anything is opened: a production start names what it lacks.
  const authority = loadAuthority(config.authority);
  if (config.production) checkProductionAuthority(authority);
  // Older documents are migrated before anything reads them; the audit of
  // each migration carries the real time, never the demo clock's.
  const store = await openStore(config.store, { clock: options.realClock, logger });
  const demoClock = config.bot.demoMode ? new DemoClock(options.realClock) : undefined;
  const clock = demoClock?.now ?? options.realClock;
  const policy = resolvePolicy(authority.policy, authority.overrides);
  const calendar = createCalendar(config.calendar, { logger, clock });
  // Staff from Entra ID groups and reaching people who never opened Convene
  // need Graph; the JSON staff list (demo, small setups) does not.
  const people =
    config.calendar.kind === "graph"
      ? createPeople(
          config.calendar,
          { logger, clock },
          config.teamsApp?.catalogAppId !== undefined
            ? { teamsCatalogAppId: config.teamsApp.catalogAppId }
            : {},
        )
      : undefined;
  if (authority.staffGroups !== undefined && people === undefined) {
    throw new ConfigError("staffGroups needs Microsoft Graph (GRAPH_TENANT_ID and friends)");
  }
  const appId = config.bot.appId;

  // The Teams edge is made first (the workflow sends through its notifier)
  // and listens once the workflow's handlers exist; the scheduler is woken
  // through a doorbell made first. Nothing is bound late.
  const edge = createBotEdge({
    config: config.bot,
    store,
    logger,
    clock,
    ...(people?.installer !== undefined &&
    appId !== undefined &&
    config.teamsApp !== undefined &&
    config.calendar.kind === "graph"
      ? {
          install: {
            installer: people.installer,
            serviceUrl: config.teamsApp.serviceUrl,
            tenantId: config.calendar.tenantId,
            botId: `28:${appId}`,
          },
        }
      : {}),
  });
  const doorbell = new Doorbell();
  // This process, on its task leases and its claimed sends.
  const instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const deps: WorkflowDeps = {
    store,
    calendar,
    replies: calendar,
    notifier: edge.notifier,
    clock,
    authority,
    policy,
    logger,
    kick: () => doorbell.ring(),
    instance,
    ...(people !== undefined ? { directory: people.directory } : {}),
    // Opens the 1:1 chat with Convene's bot; it works only once signed in
    // to Teams (https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/deep-link-teams).
    ...(appId !== undefined
      ? { teamsChatLink: `https://teams.microsoft.com/l/chat/0/0?users=28:${appId}` }
      : {}),
  };
  const sched = new Scheduler({
    store,
    clock,
    owner: instance,
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
    onFailed: taskFailureReporter(deps),
    onInvalid: unreadableTaskReporter(deps),
    random: Math.random,
    doorbell,
  });

  // GET /api/ready (bot/readiness.ts): the store, Graph's token when Graph
  // is configured, and a recent sweep (three intervals and a minute; a
  // sweep still running counts for as long as a task's lease).
  const readinessChecks: ReadinessCheck[] = [
    storeCheck(store, clock),
    schedulerCheck(
      () => ({
        ...(sched.lastSweepEndedAt !== undefined ? { lastEndedAt: sched.lastSweepEndedAt } : {}),
        ...(sched.sweepRunningSince !== undefined ? { runningSince: sched.sweepRunningSince } : {}),
      }),
      clock,
      { maxAgeMs: 3 * config.schedulerIntervalMs + 60_000, maxRunMs: 20 * 60_000 },
    ),
  ];
  if (calendar.tokenProbe !== undefined)
    readinessChecks.push(tokenCheck("graph", calendar.tokenProbe));

  const bot = await edge.listen({
    readiness: { checks: readinessChecks },
    handlers: botHandlers(deps),
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

  if (config.bot.demoMode) {
    for (const kase of demoCases(authority, clock())) {
      try {
        await store.create(kase);
      } catch (err) {
        if (!isStoreError(err, "Conflict")) throw err;
      }
    }
  }
  // The replies poll is a chain of tasks on the half hour (Outlook replies and the quoracy forecast); make
  // sure one exists (the id is deterministic, so instances agree).
  await ensurePoll(deps, clock());
  await ensureJobsPlanned(deps, clock());
  await ensureRetentionPlanned(deps, clock());
  await ensureStaffRefreshPlanned(deps, clock());
  const staffSync =
    authority.staffGroups !== undefined
      ? setInterval(() => {
          syncStaff(deps).catch((err: unknown) =>
            logger.error({ code: (err as Error).name }, "staff list sync failed"),
          );
        }, STAFF_SYNC_MS)
      : undefined;
  staffSync?.unref();
  if (config.notifications !== undefined) await queueSubscribe(deps, clock());
  // Cards a stopped predecessor left in doubt are reported now, not when
  // their tasks are re-run after the lease (failure handling, in-doubt sends).
  await reportInDoubtAtStart(deps, { instance, singleInstance: config.store.kind === "sqlite" });
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
      if (staffSync !== undefined) clearInterval(staffSync);
      await bot.close();
      await sched.stop();
      calendar.close();
      people?.close();
      await store.close();
    },
  };
}
