import { resolve } from "node:path";
import { loadConfig, loadStoreSettings } from "./config";

const GRAPH = {
  GRAPH_TENANT_ID: "7d1f0c5e-2b8a-4c1e-9f3a-0a1b2c3d4e5f",
  GRAPH_CLIENT_ID: "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c",
  GRAPH_CLIENT_SECRET: "s3cret",
  GRAPH_ORGANIZER: "conferences@council.example",
};

describe("loadConfig", () => {
  it("defaults to the embedded store under ./data", () => {
    const config = loadConfig({ COSMOS_ENDPOINT: "", COSMOS_KEY: "", GRAPH_OUTBOX: "true" });
    expect(config).toEqual({
      production: false,
      store: { kind: "sqlite", file: resolve("./data", "convene.sqlite") },
      authority: { kind: "demo", policy: "swindon" },
      calendar: {
        kind: "outbox",
        dir: resolve("./outbox"),
        organizer: "conferences@convene.local",
      },
      bot: { port: 3978, appType: "SingleTenant", demoMode: false },
      // No catalog id: nobody is installed for; the global Bot Connector address.
      teamsApp: { serviceUrl: "https://smba.trafficmanager.net/teams/" },
      schedulerIntervalMs: 5000,
      logLevel: "info",
    });
  });

  it("reads the Teams app's catalog id and the Bot Connector address for new conversations", () => {
    const config = loadConfig({
      ...GRAPH,
      TEAMS_APP_CATALOG_ID: "d0000000-0000-4000-8000-000000000001",
      BOT_SERVICE_URL: "https://smba.trafficmanager.net/emea/",
    });
    expect(config.teamsApp).toEqual({
      catalogAppId: "d0000000-0000-4000-8000-000000000001",
      serviceUrl: "https://smba.trafficmanager.net/emea/",
    });
  });

  it("picks Cosmos through Entra ID for an Azure endpoint, as the managed identity AZURE_CLIENT_ID names", () => {
    const config = loadConfig({
      COSMOS_ENDPOINT: "https://convene.documents.azure.com:443/",
      AZURE_CLIENT_ID: "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c",
      ...GRAPH,
      SCHEDULER_INTERVAL_MS: "2500",
      LOG_LEVEL: "warn",
    });
    expect(config.store).toEqual({
      kind: "cosmos",
      endpoint: "https://convene.documents.azure.com:443/",
      auth: { kind: "entra", managedIdentityClientId: "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c" },
      databaseId: "convene",
    });
    expect(config.schedulerIntervalMs).toBe(2500);
    expect(config.logLevel).toBe("warn");
  });

  it("keeps the account key for a loopback endpoint (the local test server) only", () => {
    expect(
      loadConfig({ ...GRAPH, COSMOS_ENDPOINT: "http://127.0.0.1:8081", COSMOS_KEY: "test-key" })
        .store,
    ).toEqual({
      kind: "cosmos",
      endpoint: "http://127.0.0.1:8081",
      auth: { kind: "key", key: "test-key" },
      databaseId: "convene",
    });
    expect(loadConfig({ ...GRAPH, COSMOS_ENDPOINT: "https://x.example/" }).store).toMatchObject({
      auth: { kind: "entra" },
    });
    expect(() =>
      loadConfig({ COSMOS_ENDPOINT: "https://x.example/", COSMOS_KEY: "account-key" }),
    ).toThrow(/COSMOS_KEY/);
    expect(() => loadConfig({ COSMOS_ENDPOINT: "http://localhost:8081" })).toThrow(/COSMOS_KEY/);
  });

  it("names bad variables without echoing their values", () => {
    expect(() => loadConfig({ COSMOS_ENDPOINT: "http://[::1]:8081" })).toThrow(/COSMOS_KEY/);
    expect(() => loadConfig({ SCHEDULER_INTERVAL_MS: "soon" })).toThrow(/SCHEDULER_INTERVAL_MS/);
    expect(() => loadConfig({ LOG_LEVEL: "chatty" })).toThrow(/LOG_LEVEL/);
    expect.assertions(5);
    try {
      loadConfig({ COSMOS_ENDPOINT: "not a url", COSMOS_KEY: "hunter2" });
    } catch (err) {
      expect(String(err)).toMatch(/COSMOS_ENDPOINT/);
      expect(String(err)).not.toContain("hunter2");
    }
  });

  it("picks Graph with a client secret, and needs the organiser and a credential", () => {
    const tenant = "7d1f0c5e-2b8a-4c1e-9f3a-0a1b2c3d4e5f";
    const client = "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c";
    const config = loadConfig({
      GRAPH_TENANT_ID: tenant,
      GRAPH_CLIENT_ID: client,
      GRAPH_CLIENT_SECRET: "s3cret",
      GRAPH_ORGANIZER: "conferences@council.example",
    });
    expect(config.calendar).toEqual({
      kind: "graph",
      tenantId: tenant,
      clientId: client,
      credential: { kind: "secret", clientSecret: "s3cret" },
      baseUrl: "https://graph.microsoft.com",
      organizer: "conferences@council.example",
    });
    expect(() => loadConfig({ GRAPH_TENANT_ID: tenant, GRAPH_CLIENT_ID: client })).toThrow(
      /GRAPH_TENANT_ID/,
    );
  });

  it("refuses demo controls beside real app credentials", () => {
    expect(loadConfig({ DEMO_MODE: "true" }).bot.demoMode).toBe(true);
    expect(loadConfig({ DEMO_MODE: "true" }).calendar.kind).toBe("outbox");
    expect(() => loadConfig({ DEMO_MODE: "true", MicrosoftAppId: "app-id" })).toThrow(/DEMO_MODE/);
    expect(() => loadConfig({ MicrosoftAppId: "app-id" })).toThrow(/AUTHORITY_FILE/);
  });
});

describe("Graph change notifications configuration", () => {
  it("needs an https URL and a long secret, together", () => {
    const secret = "x".repeat(40);
    expect(
      loadConfig({
        GRAPH_NOTIFICATION_URL: "https://convene.example/api/graph/notifications",
        GRAPH_CLIENT_STATE: secret,
        GRAPH_OUTBOX: "true",
      }).notifications,
    ).toEqual({ url: "https://convene.example/api/graph/notifications", clientState: secret });
    expect(() =>
      loadConfig({
        GRAPH_NOTIFICATION_URL: "http://convene.example/n",
        GRAPH_CLIENT_STATE: secret,
      }),
    ).toThrow(/GRAPH_NOTIFICATION_URL/);
    expect(() => loadConfig({ GRAPH_NOTIFICATION_URL: "https://convene.example/n" })).toThrow(
      /GRAPH_NOTIFICATION_URL/,
    );
    expect(() =>
      loadConfig({
        GRAPH_NOTIFICATION_URL: "https://convene.example/n",
        GRAPH_CLIENT_STATE: "short",
      }),
    ).toThrow(/GRAPH_CLIENT_STATE/);
    expect(loadConfig({ GRAPH_OUTBOX: "true" }).notifications).toBeUndefined();
  });
});

describe("production and demo settings never mix", () => {
  it("refuses demo mode beside Graph, Cosmos or a council's authority file", () => {
    const tenant = "7d1f0c5e-2b8a-4c1e-9f3a-0a1b2c3d4e5f";
    const client = "0f9e8d7c-6b5a-4f3e-8d2c-1b0a9f8e7d6c";
    const graph = {
      GRAPH_TENANT_ID: tenant,
      GRAPH_CLIENT_ID: client,
      GRAPH_CLIENT_SECRET: "s",
      GRAPH_ORGANIZER: "c@x.example",
    };
    expect(() => loadConfig({ DEMO_MODE: "true", ...graph })).toThrow(/DEMO_MODE/);
    expect(() => loadConfig({ DEMO_MODE: "true", COSMOS_ENDPOINT: "https://x.example/" })).toThrow(
      /DEMO_MODE/,
    );
    expect(() => loadConfig({ DEMO_MODE: "true", AUTHORITY_FILE: "council.json" })).toThrow(
      /DEMO_MODE/,
    );
    expect(() => loadConfig({ MicrosoftAppPassword: "p" })).toThrow(/MicrosoftAppId/);
  });
});

describe("no silent modes", () => {
  const production = {
    MicrosoftAppId: "app-id",
    MicrosoftAppPassword: "p",
    // The council's tenant (the edge serves only it); Graph's own tenant is
    // what these tests leave out.
    COUNCIL_TENANT_ID: "c0c0c0c0-0000-4000-8000-000000000001",
    AUTHORITY_FILE: "council.json",
  };

  it("refuses a production start without Graph, naming the missing settings", () => {
    expect.assertions(4);
    try {
      loadConfig(production);
    } catch (err) {
      const message = String(err);
      for (const name of ["GRAPH_TENANT_ID", "GRAPH_CLIENT_ID", "GRAPH_ORGANIZER"]) {
        expect(message).toContain(name);
      }
      expect(message).not.toContain("app-id");
    }
  });

  it("names a missing credential too", () => {
    const { GRAPH_CLIENT_SECRET: _secret, ...noCredential } = GRAPH;
    expect(() => loadConfig({ ...production, ...noCredential })).toThrow(/GRAPH_CLIENT_SECRET/);
  });

  it("never writes files instead of sending in production, even when asked", () => {
    expect(() => loadConfig({ ...production, GRAPH_OUTBOX: "true" })).toThrow(/GRAPH_OUTBOX/);
  });

  it("starts in production with Graph settings", () => {
    const config = loadConfig({ ...production, ...GRAPH });
    expect(config.production).toBe(true);
    expect(config.calendar.kind).toBe("graph");
  });

  it("chooses the outbox only in demo mode or with GRAPH_OUTBOX=true; OUTBOX_DIR alone chooses nothing", () => {
    expect(() => loadConfig({ OUTBOX_DIR: "/tmp/outbox" })).toThrow(/GRAPH_OUTBOX/);
    expect(() => loadConfig({})).toThrow(/GRAPH_OUTBOX/);
    expect(loadConfig({ OUTBOX_DIR: "/tmp/outbox", GRAPH_OUTBOX: "true" }).calendar).toEqual({
      kind: "outbox",
      dir: "/tmp/outbox",
      organizer: "conferences@convene.local",
    });
  });

  it("the command line opens the same store without needing the calendar settings", () => {
    expect(loadStoreSettings({ DATA_DIR: "/tmp/d" }).store).toEqual({
      kind: "sqlite",
      file: "/tmp/d/convene.sqlite",
    });
  });
});

describe("the Graph authority host", () => {
  it("reaches the calendar settings, so tokens come from the host named (the local Graph in tests)", () => {
    const config = loadConfig({
      ...GRAPH,
      GRAPH_AUTHORITY_HOST: "https://127.0.0.1:8443",
    });
    expect(config.calendar).toMatchObject({
      kind: "graph",
      authorityHost: "https://127.0.0.1:8443",
    });
  });
});
