import { resolve } from "node:path";
import type { BotConfig } from "../bot/settings";
import type { CalendarConfig, GraphCredential, ProxySettings } from "../graph/settings";
import { parseNoProxy } from "../graph/http/proxy";
import type { StoreConfig } from "../store/settings";

export type { BotConfig, CalendarConfig, GraphCredential, StoreConfig };
import { z } from "zod";
import { LOG_LEVELS } from "./logger";

/**
 * The one module that reads process.env (docs/architecture.md, zod at every edge). Everything else
 * receives a typed Config. .env.example lists the variables.
 */
const emptyAsUndefined = (value: unknown): unknown => (value === "" ? undefined : value);

const Env = z
  .object({
    COSMOS_ENDPOINT: z.preprocess(emptyAsUndefined, z.url().optional()),
    /** Only for a loopback endpoint (the local test server); Azure goes through Entra ID. */
    COSMOS_KEY: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    COSMOS_DATABASE: z.preprocess(emptyAsUndefined, z.string().min(1).default("convene")),
    DATA_DIR: z.preprocess(emptyAsUndefined, z.string().min(1).default("./data")),
    SCHEDULER_INTERVAL_MS: z.preprocess(
      emptyAsUndefined,
      z.coerce.number().int().min(100).max(3_600_000).default(5000),
    ),
    LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(LOG_LEVELS).default("info")),
    // Microsoft Graph. Without it Convene does not start, unless the outbox
    // (.ics and .eml files under OUTBOX_DIR instead of sending) is chosen
    // explicitly with GRAPH_OUTBOX=true or by demo mode, and never beside
    // production settings: no mode quietly writes files instead of sending.
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
    GRAPH_OUTBOX: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false")),
    /**
     * Graph change notifications on the organiser's events (Outlook replies and the quoracy forecast): the
     * public https URL of POST /api/graph/notifications, and the shared
     * secret each notification must carry back. Without them, replies are
     * polled only.
     */
    GRAPH_NOTIFICATION_URL: z.preprocess(
      emptyAsUndefined,
      z.url({ protocol: /^https$/ }).optional(),
    ),
    GRAPH_CLIENT_STATE: z.preprocess(emptyAsUndefined, z.string().min(32).max(128).optional()),
    // Bot Framework (the conference journey in Teams); the names botbuilder's ConfigurationBotFrameworkAuthentication reads.
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
    /**
     * Convene's id in the tenant's Teams app catalog: with it, Convene
     * installs itself for someone who never opened it before sending them a
     * card (workflow/staff, docs/staff.md).
     */
    TEAMS_APP_CATALOG_ID: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    /** The Bot Connector address for a conversation Teams has not told Convene of yet. */
    BOT_SERVICE_URL: z.preprocess(
      emptyAsUndefined,
      z.url().default("https://smba.trafficmanager.net/teams/"),
    ),
    PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(65535).default(3978)),
    /**
     * The case system's API (docs/cases-in.md): the audience its tokens carry
     * (default api://<MicrosoftAppId>), the council's tenant (default
     * MicrosoftAppTenantId, else GRAPH_TENANT_ID) and where its signing keys
     * are published (default the tenant's JWKS on login.microsoftonline.com).
     */
    CASE_API_AUDIENCE: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    CASE_API_TENANT_ID: z.preprocess(emptyAsUndefined, z.guid().optional()),
    CASE_API_JWKS_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
    /** The council: its policy, mailboxes and staff (JSON, workflow/kernel/authority.ts). */
    AUTHORITY_FILE: z.preprocess(emptyAsUndefined, z.string().min(1).optional()),
    /** The demo authority's policy when no AUTHORITY_FILE is given (local runs). */
    DEMO_POLICY: z.preprocess(emptyAsUndefined, z.string().min(1).default("swindon")),
    /** Local demo controls (move the clock, reset): never with app credentials. */
    DEMO_MODE: z.preprocess(emptyAsUndefined, z.enum(["true", "false"]).default("false")),
    /**
     * The user-assigned managed identity that signs in to Cosmos DB (the
     * variable @azure/identity documents); empty: DefaultAzureCredential.
     */
    AZURE_CLIENT_ID: z.preprocess(emptyAsUndefined, z.guid().optional()),
  })
  // Key auth is for the local test server only: an Azure account has local
  // auth disabled and is reached through Entra ID, so a key there is a mistake.
  .refine(
    (env) =>
      env.COSMOS_ENDPOINT === undefined ||
      isLoopbackEndpoint(env.COSMOS_ENDPOINT) === (env.COSMOS_KEY !== undefined),
    {
      message:
        "COSMOS_KEY is required with a loopback COSMOS_ENDPOINT (the local test server) and not allowed with any other (Entra ID is used)",
      path: ["COSMOS_KEY"],
    },
  )
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
  // docs/data-protection.md: test and demo controls can never be on while the bot
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

/** The settings the deployment can set: the Bicep template's app settings are checked against these. */
export const CONFIG_KEYS = Object.keys(Env.shape) as readonly (keyof typeof Env.shape)[];

/** localhost, 127.0.0.0/8 or ::1: the local Cosmos test server, never an Azure account. */
export function isLoopbackEndpoint(endpoint: string): boolean {
  if (!URL.canParse(endpoint)) return false;
  const host = new URL(endpoint).hostname;
  return host === "localhost" || host === "[::1]" || /^127(\.\d{1,3}){3}$/.test(host);
}

/** Graph change notifications, when configured (Outlook replies and the quoracy forecast). */
export interface NotificationsConfig {
  url: string;
  clientState: string;
}

export type AuthoritySource = { kind: "file"; file: string } | { kind: "demo"; policy: string };

/** Application Insights, when APPLICATIONINSIGHTS_CONNECTION_STRING is set (app/telemetry.ts). */
export interface TelemetryConfig {
  connectionString: string;
}

/**
 * Variables the platform sets rather than Convene's own settings, so not in
 * CONFIG_KEYS: App Service's Application Insights connection string and the
 * host's egress proxy (the names every HTTP client reads, either case).
 */
const PlatformEnv = z.object({
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(
        /InstrumentationKey=/i,
        "an Application Insights connection string has an InstrumentationKey",
      )
      .optional(),
  ),
  HTTPS_PROXY: z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional()),
  NO_PROXY: z.preprocess(emptyAsUndefined, z.string().optional()),
});

function platformEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    APPLICATIONINSIGHTS_CONNECTION_STRING: env.APPLICATIONINSIGHTS_CONNECTION_STRING,
    HTTPS_PROXY: env.HTTPS_PROXY ?? env.https_proxy,
    NO_PROXY: env.NO_PROXY ?? env.no_proxy,
  };
}

export interface Config {
  /**
   * Production settings are present (bot credentials, a council's authority
   * file or Cosmos DB): Graph and the authority's serviceOwners and
   * operationsMailbox are then required.
   */
  production: boolean;
  /** The case system's API; on whenever Convene has an app id and a tenant (production). */
  caseApi?: { tenantId: string; audiences: string[]; jwksUrl: string };
  store: StoreConfig;
  authority: AuthoritySource;
  calendar: CalendarConfig;
  notifications?: NotificationsConfig;
  bot: BotConfig;
  /** Reaching people who never opened Convene (docs/staff.md). */
  teamsApp?: { catalogAppId?: string; serviceUrl: string };
  schedulerIntervalMs: number;
  logLevel: (typeof LOG_LEVELS)[number];
  telemetry?: TelemetryConfig;
}

export class ConfigError extends Error {
  readonly code = "ConfigError";
}

type Env = z.infer<typeof Env>;

function parseEnv(env: NodeJS.ProcessEnv): Env {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    // Names and reasons only: a value here may be a secret (COSMOS_KEY).
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  return parsed.data;
}

const isProduction = (e: Env): boolean =>
  e.MicrosoftAppId !== undefined ||
  e.AUTHORITY_FILE !== undefined ||
  e.COSMOS_ENDPOINT !== undefined;

function storeOf(e: Env): StoreConfig {
  return e.COSMOS_ENDPOINT !== undefined
    ? {
        kind: "cosmos",
        endpoint: e.COSMOS_ENDPOINT,
        auth:
          e.COSMOS_KEY !== undefined
            ? { kind: "key", key: e.COSMOS_KEY }
            : {
                kind: "entra",
                ...(e.AZURE_CLIENT_ID !== undefined
                  ? { managedIdentityClientId: e.AZURE_CLIENT_ID }
                  : {}),
              },
        databaseId: e.COSMOS_DATABASE,
      }
    : { kind: "sqlite", file: resolve(e.DATA_DIR, "convene.sqlite") };
}

function authorityOf(e: Env): AuthoritySource {
  return e.AUTHORITY_FILE !== undefined
    ? { kind: "file", file: resolve(e.AUTHORITY_FILE) }
    : { kind: "demo", policy: e.DEMO_POLICY };
}

/**
 * What the command line needs: the store and the authority, read from the
 * same environment, by the same rules, as the server's (`loadConfig`).
 */
export function loadStoreSettings(env: NodeJS.ProcessEnv = process.env): {
  store: StoreConfig;
  authority: AuthoritySource;
} {
  const e = parseEnv(env);
  return { store: storeOf(e), authority: authorityOf(e) };
}

/** The Graph settings a production start lacks, by name. */
function missingGraph(e: Env): string[] {
  return [
    ...(e.GRAPH_TENANT_ID === undefined ? ["GRAPH_TENANT_ID"] : []),
    ...(e.GRAPH_CLIENT_ID === undefined ? ["GRAPH_CLIENT_ID"] : []),
    ...(e.GRAPH_ORGANIZER === undefined ? ["GRAPH_ORGANIZER"] : []),
    ...(e.GRAPH_MANAGED_IDENTITY !== "true" &&
    e.GRAPH_CLIENT_SECRET === undefined &&
    e.GRAPH_CERTIFICATE_PATH === undefined
      ? ["one of GRAPH_CLIENT_SECRET, GRAPH_CERTIFICATE_PATH or GRAPH_MANAGED_IDENTITY=true"]
      : []),
  ];
}

function calendarOf(e: Env, proxy: ProxySettings | undefined): CalendarConfig {
  if (
    e.GRAPH_TENANT_ID !== undefined &&
    e.GRAPH_CLIENT_ID !== undefined &&
    e.GRAPH_ORGANIZER !== undefined
  ) {
    return {
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
      ...(e.GRAPH_AUTHORITY_HOST !== undefined ? { authorityHost: e.GRAPH_AUTHORITY_HOST } : {}),
      ...(proxy !== undefined ? { proxy } : {}),
    };
  }
  if (isProduction(e)) {
    throw new ConfigError(
      `invalid configuration: production settings (MicrosoftAppId, AUTHORITY_FILE or COSMOS_ENDPOINT) need Microsoft Graph; missing: ${missingGraph(e).join(", ")}` +
        (e.GRAPH_OUTBOX === "true"
          ? "; GRAPH_OUTBOX=true cannot be used with production settings (it writes files instead of sending)"
          : ""),
    );
  }
  if (e.DEMO_MODE !== "true" && e.GRAPH_OUTBOX !== "true") {
    throw new ConfigError(
      "invalid configuration: no way to send: set the Microsoft Graph settings (GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_ORGANIZER and a credential), or choose the outbox (files, nothing sent) with GRAPH_OUTBOX=true or DEMO_MODE=true; OUTBOX_DIR alone chooses nothing",
    );
  }
  return {
    kind: "outbox",
    dir: resolve(e.OUTBOX_DIR),
    organizer: e.GRAPH_ORGANIZER ?? "conferences@convene.local",
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = parseEnv(env);
  const platform = PlatformEnv.safeParse(platformEnv(env));
  if (!platform.success) {
    const problems = platform.error.issues
      .map((i) => `${i.path.join(".")}: ${i.message}`)
      .join("; ");
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const p = platform.data;
  const proxy: ProxySettings | undefined =
    p.HTTPS_PROXY !== undefined
      ? { url: p.HTTPS_PROXY, noProxy: parseNoProxy(p.NO_PROXY) }
      : undefined;
  const store = storeOf(e);
  const calendar = calendarOf(e, proxy);
  const tenant = e.CASE_API_TENANT_ID ?? e.MicrosoftAppTenantId ?? e.GRAPH_TENANT_ID;
  const caseApi =
    e.MicrosoftAppId !== undefined && tenant !== undefined
      ? {
          tenantId: tenant,
          // v1 tokens carry the App ID URI, v2 tokens the bare client id.
          audiences: [e.CASE_API_AUDIENCE ?? `api://${e.MicrosoftAppId}`, e.MicrosoftAppId],
          jwksUrl:
            e.CASE_API_JWKS_URL ??
            `https://login.microsoftonline.com/${tenant}/discovery/v2.0/keys`,
        }
      : undefined;
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
    production: isProduction(e),
    ...(caseApi !== undefined ? { caseApi } : {}),
    store,
    authority: authorityOf(e),
    calendar,
    ...(e.GRAPH_NOTIFICATION_URL !== undefined && e.GRAPH_CLIENT_STATE !== undefined
      ? { notifications: { url: e.GRAPH_NOTIFICATION_URL, clientState: e.GRAPH_CLIENT_STATE } }
      : {}),
    bot,
    teamsApp: {
      ...(e.TEAMS_APP_CATALOG_ID !== undefined ? { catalogAppId: e.TEAMS_APP_CATALOG_ID } : {}),
      serviceUrl: e.BOT_SERVICE_URL,
    },
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
    logLevel: e.LOG_LEVEL,
    ...(p.APPLICATIONINSIGHTS_CONNECTION_STRING !== undefined
      ? { telemetry: { connectionString: p.APPLICATIONINSIGHTS_CONNECTION_STRING } }
      : {}),
  };
}
