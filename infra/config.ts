import { resolve } from "node:path";
import { z } from "zod";
import { LOG_LEVELS } from "./logger";

/**
 * The one module that reads process.env (DESIGN.md habit 6). Everything else
 * receives a typed Config. .env.example lists the variables.
 */
const emptyAsUndefined = (value: unknown): unknown => (value === "" ? undefined : value);

const Env = z
  .object({
    COSMOS_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
    COSMOS_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    COSMOS_DATABASE: z.preprocess(emptyAsUndefined, z.string().min(1).default("convene")),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default("./data")),
    SCHEDULER_INTERVAL_MS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(100).max(3_600_000).default(5000),
    ),
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(LOG_LEVELS).default("info")),
    // Microsoft Graph (issue 4). No GRAPH_TENANT_ID: the outbox adapter writes
    // .ics and .eml files under OUTBOX_DIR instead.
    GRAPH_TENANT_ID: z.preprocess(emptyAsUndefined, z.guid().optional()),
    GRAPH_CLIENT_ID: z.preprocess(emptyAsUndefined, z.guid().optional()),
    GRAPH_CLIENT_SECRET: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    GRAPH_CERTIFICATE_PATH: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    /** "true": managed identity (GRAPH_CLIENT_ID then names a user-assigned one). */
    GRAPH_MANAGED_IDENTITY: z.preprocess(
      emptyAsUndefined,
      z.enum(["true", "false"]).default("false"),
    ),
    /** Where Graph tokens come from: Entra ID's public cloud unless set (tests: the local Graph). */
    GRAPH_AUTHORITY_HOST: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https$/ }).optional()),
    /** Tests point this at the local Graph; production leaves the default. */
    GRAPH_BASE_URL: z.preprocess(emptyAsUndefined, z.url().default("https://graph.microsoft.com")),
    /** The mailbox that organises conferences and sends Convene's email. */
    GRAPH_ORGANIZER: z.preprocess(emptyAsUndefined, z.email().optional()),
    OUTBOX_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default("./outbox")),
    /**
     * Graph change notifications on the organiser's events (issue 7): the
     * public https URL of POST /api/graph/notifications, and the shared
     * secret each notification must carry back. Without them, replies are
     * polled only.
     */
    GRAPH_NOTIFICATION_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^https$/ }).optional(),
    ),
    GRAPH_CLIENT_STATE: z.preprocess(emptyAsUndefined, z.string().min(32).max(128).optional()),
    // Bot Framework (issue 5); the names botbuilder's ConfigurationBotFrameworkAuthentication reads.
    MicrosoftAppId: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    MicrosoftAppPassword: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    MicrosoftAppTenantId: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    /**
     * The council's Entra tenant: the only one whose Teams activities are
     * taken. Defaults to MicrosoftAppTenantId, else GRAPH_TENANT_ID.
     */
    COUNCIL_TENANT_ID: z.preprocess(emptyAsUndefined, z.guid().optional()),
    MicrosoftAppType: z.preprocess(
      emptyAsUndefined,
      z.enum(["SingleTenant", "MultiTenant", "UserAssignedMSI"]).default("SingleTenant"),
    ),
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3978)),
    /** The council: its policy, mailboxes and staff (JSON, workflow/authority.ts). */
    AUTHORITY_FILE: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    /** The demo authority's policy when no AUTHORITY_FILE is given (local runs). */
    DEMO_POLICY: z.preprocess(emptyAsUndefined, z.string().min(1).default("swindon")),
    /** Local demo controls (move the clock, reset): never with app credentials. */
    DEMO_MODE: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false")),
  })
  .refine((env) => env.COSMOS_ENDPOINT === undefined || env.COSMOS_KEY !== undefined, {
    message: "COSMOS_KEY is required when COSMOS_ENDPOINT is set",
    path: ["COSMOS_KEY"],
  })
  .refine(
    (env) =>
      env.GRAPH_TENANT_ID === undefined ||
      (env.GRAPH_CLIENT_ID !== undefined &&
        env.GRAPH_ORGANIZER !== undefined &&
        (env.GRAPH_MANAGED_IDENTITY === "true" ||
          env.GRAPH_CLIENT_SECRET !== undefined ||
          env.GRAPH_CERTIFICATE_PATH !== undefined)),
    {
      message:
        "GRAPH_TENANT_ID needs GRAPH_CLIENT_ID, GRAPH_ORGANIZER and one of GRAPH_CLIENT_SECRET, GRAPH_CERTIFICATE_PATH or GRAPH_MANAGED_IDENTITY=true",
      path: ["GRAPH_TENANT_ID"],
    },
  )
  .refine(
    (env) => (env.GRAPH_NOTIFICATION_URL === undefined) === (env.GRAPH_CLIENT_STATE === undefined),
    {
      message: "GRAPH_NOTIFICATION_URL and GRAPH_CLIENT_STATE (at least 32 characters) go together",
      path: ["GRAPH_NOTIFICATION_URL"],
    },
  )
  // A real deployment names its council; the demo authority is for local runs.
  .refine((env) => env.MicrosoftAppId === undefined || env.AUTHORITY_FILE !== undefined, {
    message: "AUTHORITY_FILE is required when MicrosoftAppId is configured",
    path: ["AUTHORITY_FILE"],
  })
  // DESIGN.md, Privacy: test and demo controls can never be on while the bot
  // has real Microsoft app credentials.
  // Nor beside any other production credential: a demo clock moved on a
  // real tenant would fire every reminder to real families at once.
  .refine(
    (env) =>
      env.DEMO_MODE !== "true" ||
      (env.MicrosoftAppId === undefined &&
        env.MicrosoftAppPassword === undefined &&
        env.GRAPH_TENANT_ID === undefined &&
        env.GRAPH_CLIENT_SECRET === undefined &&
        env.GRAPH_CERTIFICATE_PATH === undefined &&
        env.COSMOS_ENDPOINT === undefined &&
        env.AUTHORITY_FILE === undefined),
    {
      message:
        "DEMO_MODE cannot be enabled with production settings (MicrosoftApp*, GRAPH_TENANT_ID or a Graph credential, COSMOS_ENDPOINT, AUTHORITY_FILE)",
      path: ["DEMO_MODE"],
    },
  )
  .refine(
    (env) =>
      env.MicrosoftAppId === undefined ||
      (env.COUNCIL_TENANT_ID ?? env.MicrosoftAppTenantId ?? env.GRAPH_TENANT_ID) !== undefined,
    {
      message:
        "COUNCIL_TENANT_ID is required when MicrosoftAppId is set without MicrosoftAppTenantId or GRAPH_TENANT_ID",
      path: ["COUNCIL_TENANT_ID"],
    },
  )
  .refine((env) => env.MicrosoftAppPassword === undefined || env.MicrosoftAppId !== undefined, {
    message: "MicrosoftAppPassword is set without MicrosoftAppId",
    path: ["MicrosoftAppId"],
  });

export type StoreConfig =
  | { kind: "cosmos"; endpoint: string; key: string; databaseId: string }
  | { kind: "sqlite"; file: string };

export type GraphCredential =
  | { kind: "secret"; clientSecret: string }
  | { kind: "certificate"; certificatePath: string }
  | { kind: "managed-identity" };

export type CalendarConfig =
  | {
      kind: "graph";
      tenantId: string;
      clientId: string;
      credential: GraphCredential;
      baseUrl: string;
      organizer: string;
      /** Absent: Entra ID's public cloud. */
      authorityHost?: string;
    }
  | { kind: "outbox"; dir: string; organizer: string };

/** Graph change notifications, when configured (issue 7). */
export interface NotificationsConfig {
  url: string;
  clientState: string;
}

export interface BotConfig {
  port: number;
  /** Absent: a local run without authentication (Agents Playground). */
  appId?: string;
  appPassword?: string;
  appTenantId?: string;
  appType: "SingleTenant" | "MultiTenant" | "UserAssignedMSI";
  demoMode: boolean;
  /** The council's Entra tenant; activities from any other are refused (with an app id). */
  tenantId?: string;
}

export type AuthoritySource = { kind: "file"; file: string } | { kind: "demo"; policy: string };

export interface Config {
  store: StoreConfig;
  authority: AuthoritySource;
  calendar: CalendarConfig;
  notifications?: NotificationsConfig;
  bot: BotConfig;
  schedulerIntervalMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
}

export class ConfigError extends Error {
  readonly code = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    // Names and reasons only: a value here may be a secret (COSMOS_KEY).
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  const store: StoreConfig =
    e.COSMOS_ENDPOINT !== undefined && e.COSMOS_KEY !== undefined
      ? {
          kind: "cosmos",
          endpoint: e.COSMOS_ENDPOINT,
          key: e.COSMOS_KEY,
          databaseId: e.COSMOS_DATABASE,
        }
      : { kind: "sqlite", file: resolve(e.DATA_DIR, "convene.sqlite") };
  const calendar: CalendarConfig =
    e.GRAPH_TENANT_ID !== undefined &&
    e.GRAPH_CLIENT_ID !== undefined &&
    e.GRAPH_ORGANIZER !== undefined
      ? {
          kind: "graph",
          tenantId: e.GRAPH_TENANT_ID,
          clientId: e.GRAPH_CLIENT_ID,
          credential:
            e.GRAPH_MANAGED_IDENTITY === "true"
              ? { kind: "managed-identity" }
              : e.GRAPH_CERTIFICATE_PATH !== undefined
                ? { kind: "certificate", certificatePath: e.GRAPH_CERTIFICATE_PATH }
                : { kind: "secret", clientSecret: e.GRAPH_CLIENT_SECRET ?? "" },
          baseUrl: e.GRAPH_BASE_URL,
          organizer: e.GRAPH_ORGANIZER,
          ...(e.GRAPH_AUTHORITY_HOST !== undefined
            ? { authorityHost: e.GRAPH_AUTHORITY_HOST }
            : {}),
        }
      : {
          kind: "outbox",
          dir: resolve(e.OUTBOX_DIR),
          organizer: e.GRAPH_ORGANIZER ?? "conferences@convene.local",
        };
  const bot: BotConfig = {
    port: e.PORT,
    ...(e.MicrosoftAppId !== undefined ? { appId: e.MicrosoftAppId } : {}),
    ...(e.MicrosoftAppPassword !== undefined ? { appPassword: e.MicrosoftAppPassword } : {}),
    ...(e.MicrosoftAppTenantId !== undefined ? { appTenantId: e.MicrosoftAppTenantId } : {}),
    appType: e.MicrosoftAppType,
    demoMode: e.DEMO_MODE === "true",
    ...((e.COUNCIL_TENANT_ID ?? e.MicrosoftAppTenantId ?? e.GRAPH_TENANT_ID) !== undefined
      ? { tenantId: e.COUNCIL_TENANT_ID ?? e.MicrosoftAppTenantId ?? e.GRAPH_TENANT_ID }
      : {}),
  };
  return {
    store,
    authority:
      e.AUTHORITY_FILE !== undefined
        ? { kind: "file", file: resolve(e.AUTHORITY_FILE) }
        : { kind: "demo", policy: e.DEMO_POLICY },
    calendar,
    ...(e.GRAPH_NOTIFICATION_URL !== undefined && e.GRAPH_CLIENT_STATE !== undefined
      ? { notifications: { url: e.GRAPH_NOTIFICATION_URL, clientState: e.GRAPH_CLIENT_STATE } }
      : {}),
    bot,
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    logLevel: e.LOG_LEVEL,
  };
}
