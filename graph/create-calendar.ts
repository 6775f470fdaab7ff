import { type Logger } from "../ports/logger";
import type { TokenCredential } from "@azure/identity";
import type { CalendarConfig } from "./settings";
import type { CalendarPort } from "../ports/calendar";
import type { RepliesPort } from "../ports/replies";
import { createAuthProvider, createCredential, GRAPH_SCOPE } from "./auth";
import { GraphCalendar } from "./graph-calendar";
import { GraphCaller } from "./graph-caller";
import { createGraphTransport } from "./http/graph-transport";
import { createHttpsFetch } from "./http/https-fetch";
import { Limiter } from "./limiter";
import { OutboxCalendar } from "./outbox/outbox-calendar";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./retry-policy";
import { realSleep, type Runtime } from "./runtime";
import { DEFAULT_SEND_EMAILS_OPTIONS, type SendEmailsOptions } from "./send-emails";

/** Outlook's limit: 4 concurrent requests per app per mailbox (docs/architecture.md). */
export const OUTLOOK_CONCURRENCY = 4;

export interface CalendarDeps {
  logger: Logger;
  /** The composition root passes its clock; tests a fixed one. */
  clock?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Tests and the bench: a credential of their own instead of the configured one. */
  credential?: TokenCredential;
  /** Tests: the local Graph's token endpoint instead of Entra ID. */
  authorityHost?: string;
  /** Tests: the local Graph's certificate (made at test start) to trust. */
  ca?: string;
  retry?: Partial<RetryPolicy>;
  email?: Partial<SendEmailsOptions>;
  /** Graph's join link and onlineMeeting appear asynchronously: look again this often. */
  provisioningPolls?: number;
  /** Per request; a lost answer is classified `failed` and, for mail, looked up. */
  timeoutMs?: number;
  /** Shared by every call of this app; one limiter per process (per app registration). */
  limiter?: Limiter;
}

/**
 * The calendar-and-mail port and the replies port in one object (the
 * composition root passes it as both `calendar` and `replies`), which can
 * also let go of its sockets (tests, the bench, shutdown).
 */
export type ClosableCalendar = CalendarPort &
  RepliesPort & {
    close(): void;
    /** Graph only: asks for a token (readiness); the outbox has none. */
    tokenProbe?: () => Promise<unknown>;
  };

/**
 * The factory the composition root calls: Graph when GRAPH_TENANT_ID and
 * friends are configured, otherwise the outbox under OUTBOX_DIR. Returns the
 * ports (calendar and replies), never an SDK type (docs/architecture.md, ports and adapters).
 */
export function createCalendar(config: CalendarConfig, deps: CalendarDeps): ClosableCalendar {
  const clock = deps.clock ?? (() => new Date());
  if (config.kind === "outbox") {
    const outbox = new OutboxCalendar({ dir: config.dir, clock, logger: deps.logger });
    return Object.assign(outbox, { close: () => undefined });
  }

  const { caller, close, tokenProbe } = createGraphCaller(config, deps);
  const calendar = new GraphCalendar(caller, {
    email: { ...DEFAULT_SEND_EMAILS_OPTIONS, ...deps.email },
    provisioningPolls: deps.provisioningPolls ?? 3,
  });
  return Object.assign(calendar, { close, tokenProbe });
}

/**
 * One Graph caller (credential, transport, limiter, retries) for a
 * configuration: the calendar's, and the directory's and the Teams app
 * installer's (graph/create-people.ts).
 */
export function createGraphCaller(
  config: Extract<CalendarConfig, { kind: "graph" }>,
  deps: CalendarDeps,
): { caller: GraphCaller; close: () => void; tokenProbe: () => Promise<unknown> } {
  const clock = deps.clock ?? (() => new Date());
  const runtime: Runtime = {
    clock,
    sleep: deps.sleep ?? realSleep,
    random: deps.random ?? Math.random,
    logger: deps.logger,
  };
  const credential =
    deps.credential ??
    createCredential(config, {
      ...((deps.authorityHost ?? config.authorityHost) !== undefined
        ? { authorityHost: deps.authorityHost ?? config.authorityHost }
        : {}),
      ...(deps.ca !== undefined ? { ca: deps.ca } : {}),
    });
  const https = createHttpsFetch({
    ...(deps.ca !== undefined ? { ca: deps.ca } : {}),
    timeoutMs: deps.timeoutMs ?? 60_000,
    ...(config.proxy !== undefined ? { proxy: config.proxy } : {}),
  });
  const transport = createGraphTransport({
    baseUrl: config.baseUrl,
    authProvider: createAuthProvider(credential),
    fetch: https.fetch,
  });
  const caller = new GraphCaller(
    transport,
    deps.limiter ?? new Limiter(OUTLOOK_CONCURRENCY),
    { ...DEFAULT_RETRY_POLICY, ...deps.retry },
    runtime,
  );
  return {
    caller,
    close: () => https.close(),
    tokenProbe: () => credential.getToken(GRAPH_SCOPE),
  };
}
