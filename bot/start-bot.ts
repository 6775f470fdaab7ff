import { type Logger } from "../ports/logger";
import { CloudAdapter } from "botbuilder";
import type { BotConfig } from "./settings";
import type { Store } from "../ports/store";
import type { ActionResponse, BotHandlers } from "../ports/actions";
import type { Notifier } from "../ports/notifier";
import { createBotAuthentication, type BotAuthEndpoints } from "./authentication";
import { Background } from "./background";
import { ReferenceBook } from "./conversation-references";
import { ConveneBot } from "./convene-bot";
import { checkDemoRoutes, type DemoRoute } from "./demo-routes";
import {
  createHttpServer,
  listen,
  MESSAGES_PATH,
  type ApiRoute,
  type HttpServerDeps,
} from "./http-server";
import { Proactive } from "./proactive";
import { RecentInvokes } from "./recent-invokes";
import { TeamsNotifier, type InstallSettings } from "./teams-notifier";
import { turnErrorHandler } from "./turn-error";
import { BotError } from "./errors";
import type { Readiness } from "./readiness";

/** What the Teams edge needs before the workflow exists. */
export interface BotEdgeDeps {
  config: BotConfig;
  store: Store;
  logger: Logger;
  /** Domain time: stamps stored references (updatedAt, blockedAt). */
  clock: () => Date;
  /** Tests: a local token issuer instead of Bot Framework's (test/token-issuer). */
  authEndpoints?: BotAuthEndpoints;
  /** Reaching people who never opened Convene (bot/teams-notifier.ts). */
  install?: InstallSettings;
}

/** What the edge listens with, once the workflow's handlers exist. */
export interface ListenOptions {
  handlers: BotHandlers;
  /** Webhooks beside /api/messages (POST /api/graph/notifications). */
  apiRoutes?: readonly ApiRoute[];
  /** The case system's API (case-api/routes.ts), wired by the app. */
  caseApi?: HttpServerDeps["caseApi"];
  /** Demo-only routes (POST /api/demo/clock …): refused unless demoMode and no appId. */
  extraRoutes?: readonly DemoRoute[];
  /** Bind address; all interfaces when absent (App Service). Tests pass 127.0.0.1. */
  host?: string;
  /** How long an Action.Execute handler may run before "working on it"; default 1500 ms. */
  invokeBudgetMs?: number;
  /** GET /api/ready's checks (the composition root owns what they look at). */
  readiness?: Readiness;
}

export type StartBotDeps = BotEdgeDeps & ListenOptions;

/**
 * The Teams edge made but not yet listening: the workflow is built on its
 * notifier, and the edge then listens with the workflow's handlers. Two
 * steps, so the composition root wires everything in order (no late binding).
 */
export interface BotEdge {
  /** Proactive 1:1 cards from stored conversation references. */
  notifier: Notifier;
  listen(options: ListenOptions): Promise<RunningBot>;
}

export interface RunningBot {
  /** Proactive 1:1 cards from stored conversation references. */
  notifier: Notifier;
  /** Base URL, e.g. http://localhost:3978 (port 0 in config picks a free one). */
  url: string;
  /** `${url}/api/messages`: what the Agents Playground or Azure Bot points at. */
  messagesUrl: string;
  /** Stops taking turns, then waits (up to 5 s) for late invoke updates in flight. */
  close(): Promise<void>;
}

export const DEFAULT_INVOKE_BUDGET_MS = 1500;

/**
 * Makes the Teams edge: CloudAdapter (ConfigurationBotFrameworkAuthentication
 * from BotConfig), the one turn-error handler, the stored conversation
 * references and the notifier the workflow sends proactive cards through.
 * Refuses a configuration it must not serve before anything is opened.
 */
export function createBotEdge(deps: BotEdgeDeps): BotEdge {
  const { config, store, logger, clock } = deps;
  // docs/data-protection.md: skipping authentication is for an explicitly enabled
  // local run only. Without an app id the bot answers anyone who can post to
  // it, so it starts only in demo mode, and then on loopback unless told
  // otherwise (tests pass their own host).
  if (config.appId === undefined && !config.demoMode) {
    throw new BotError(
      "InvalidBotConfig",
      "MicrosoftAppId is not set: set it (with its credential), or DEMO_MODE=true for a local run",
    );
  }
  // In production only the council's tenant is served (BotConfig.tenantId);
  // a local run takes the Agents Playground's made-up tenant.
  const councilTenantId =
    config.appId !== undefined ? (config.tenantId ?? config.appTenantId)?.toLowerCase() : undefined;
  if (config.appId !== undefined && councilTenantId === undefined) {
    throw new BotError(
      "InvalidBotConfig",
      "the council's tenant is not known: set COUNCIL_TENANT_ID",
    );
  }
  const authentication = createBotAuthentication(config, deps.authEndpoints);
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = turnErrorHandler(logger);
  const references = new ReferenceBook({ store, clock, logger });
  const proactive = new Proactive(adapter, config.appId ?? "");
  const notifier = new TeamsNotifier({
    references,
    proactive,
    clock,
    logger,
    ...(deps.install !== undefined ? { install: deps.install } : {}),
  });

  const listenWith = async (options: ListenOptions): Promise<RunningBot> => {
    const { handlers } = options;
    const demoRoutes = options.extraRoutes ?? [];
    checkDemoRoutes(config, demoRoutes);
    const host = options.host ?? (config.appId === undefined ? "127.0.0.1" : undefined);
    const background = new Background();
    const bot = new ConveneBot({
      handlers,
      references,
      logger,
      invoke: {
        handlers,
        proactive,
        recent: new RecentInvokes<ActionResponse>(),
        background,
        logger,
        budgetMs: options.invokeBudgetMs ?? DEFAULT_INVOKE_BUDGET_MS,
      },
    });
    const server = createHttpServer({
      adapter,
      authentication,
      bot,
      logger,
      demoRoutes,
      ...(councilTenantId !== undefined ? { councilTenantId } : {}),
      ...(options.readiness !== undefined ? { readiness: options.readiness } : {}),
      ...(options.apiRoutes !== undefined ? { apiRoutes: options.apiRoutes } : {}),
      ...(options.caseApi !== undefined ? { caseApi: options.caseApi } : {}),
    });
    const running = await listen(server, config.port, host);
    const url = `http://${host ?? "localhost"}:${running.port}`;
    logger.info(
      {
        port: running.port,
        authenticated: config.appId !== undefined,
        appType: config.appId !== undefined ? config.appType : "none",
        demoRoutes: demoRoutes.length,
      },
      "teams bot listening",
    );
    return {
      notifier,
      url,
      messagesUrl: `${url}${MESSAGES_PATH}`,
      close: async () => {
        await running.close();
        await background.drain(5000);
      },
    };
  };
  let listening = false;
  return {
    notifier,
    listen: (options) => {
      // One edge, one server: a second listen would split conversations
      // between two adapters' in-flight invokes.
      if (listening) throw new BotError("InvalidBotConfig", "the Teams edge is already listening");
      listening = true;
      return listenWith(options);
    },
  };
}

/** Makes the edge and listens at once: for callers whose handlers do not need its notifier. */
export async function startBot(deps: StartBotDeps): Promise<RunningBot> {
  const { config, store, logger, clock, authEndpoints, install, ...options } = deps;
  // Demo routes refused first: the most specific reason a start is wrong.
  checkDemoRoutes(config, options.extraRoutes ?? []);
  return createBotEdge({
    config,
    store,
    logger,
    clock,
    ...(authEndpoints !== undefined ? { authEndpoints } : {}),
    ...(install !== undefined ? { install } : {}),
  }).listen(options);
}
