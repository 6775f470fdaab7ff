import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { BotConfig } from "../../app/config";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import { recordingLogger } from "../../test/fixtures/recording-logger";
import type { ActionHandler, BotHandlers, MessageHandler } from "../../ports/actions";
import type { BotAuthEndpoints } from "../authentication";
import type { DemoRoute } from "../demo-routes";
import type { ApiRoute } from "../http-server";
import type { Readiness } from "../readiness";
import { startBot, type RunningBot } from "../start-bot";
import type { InstallSettings } from "../teams-notifier";
import { CLERK, type Who } from "./activities";
import { startFakeConnector, type FakeConnector } from "./fake-connector";

export const T0 = new Date("2027-01-04T09:00:00.000Z");

export interface BotUnderTest {
  bot: RunningBot;
  store: SqliteStore;
  logger: ReturnType<typeof recordingLogger>;
  connector: FakeConnector;
  /** The clerk in a 1:1 chat whose serviceUrl is the fake connector. */
  clerk: Who;
  close(): Promise<void>;
}

export interface BotUnderTestOptions {
  actions?: Record<string, ActionHandler>;
  message?: MessageHandler;
  config?: Partial<BotConfig>;
  extraRoutes?: DemoRoute[];
  invokeBudgetMs?: number;
  authEndpoints?: BotAuthEndpoints;
  readiness?: Readiness;
  apiRoutes?: ApiRoute[];
  /** Installing Convene for people with no stored conversation; its serviceUrl is the fake connector's. */
  install?: Omit<InstallSettings, "serviceUrl">;
}

/** The real bot on a free port, a real SQLite store in a temp dir, a fake connector. */
export async function botUnderTest(options: BotUnderTestOptions = {}): Promise<BotUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), "convene-bot-"));
  const store = new SqliteStore({ file: join(dir, "store.sqlite") });
  const logger = recordingLogger();
  const connector = await startFakeConnector();
  const handlers: BotHandlers = {
    actions: new Map(Object.entries(options.actions ?? {})),
    message: options.message ?? (async () => ({ kind: "message", text: "ok" })),
  };
  const bot = await startBot({
    // Unauthenticated runs are demo (local) runs only (bot/start-bot.ts).
    config: {
      port: 0,
      appType: "SingleTenant",
      demoMode: options.config?.appId === undefined,
      ...options.config,
    },
    store,
    handlers,
    logger,
    clock: () => T0,
    host: "127.0.0.1",
    ...(options.extraRoutes !== undefined ? { extraRoutes: options.extraRoutes } : {}),
    ...(options.invokeBudgetMs !== undefined ? { invokeBudgetMs: options.invokeBudgetMs } : {}),
    ...(options.authEndpoints !== undefined ? { authEndpoints: options.authEndpoints } : {}),
    ...(options.readiness !== undefined ? { readiness: options.readiness } : {}),
    ...(options.apiRoutes !== undefined ? { apiRoutes: options.apiRoutes } : {}),
    ...(options.install !== undefined
      ? { install: { ...options.install, serviceUrl: connector.serviceUrl } }
      : {}),
  });
  return {
    bot,
    store,
    logger,
    connector,
    clerk: { objectId: CLERK, serviceUrl: connector.serviceUrl },
    close: async () => {
      await bot.close();
      await connector.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
