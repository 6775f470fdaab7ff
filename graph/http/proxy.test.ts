import { loadConfig } from "../../app/config";
import { silentLogger } from "../../app/logger";
import { startConnectProxy, type ConnectProxy } from "../../test/support/connect-proxy";
import { graphConfigFor, TEST_NOW } from "../../test/local-graph/harness";
import { StaticTokenCredential, startLocalGraph, type LocalGraph } from "../../test/local-graph";
import { createCalendar } from "../create-calendar";
import type { CalendarConfig, ProxySettings } from "../settings";
import { bypassesProxy, parseNoProxy } from "./proxy";

const TOKEN = "proxy-test-token";
let graph: LocalGraph;
let proxy: ConnectProxy;

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN] });
  proxy = await startConnectProxy();
});
afterAll(async () => {
  await proxy.close();
  await graph.close();
});
beforeEach(() => {
  proxy.tunnels.length = 0;
});

/** A free/busy read through the adapter, as the workflow makes it. */
async function scheduleRead(settings: ProxySettings | undefined): Promise<void> {
  const base = graphConfigFor(graph) as Extract<CalendarConfig, { kind: "graph" }>;
  const calendar = createCalendar(
    { ...base, ...(settings !== undefined ? { proxy: settings } : {}) },
    {
      logger: silentLogger,
      credential: new StaticTokenCredential(TOKEN),
      ca: graph.ca,
      clock: () => TEST_NOW,
      sleep: async () => undefined,
      random: () => 0.5,
      timeoutMs: 5_000,
    },
  );
  try {
    const busy = await calendar.freeBusy(
      "conferences@council.example",
      ["conferences@council.example"],
      new Date("2026-12-02T09:00:00Z"),
      new Date("2026-12-02T17:00:00Z"),
    );
    expect(busy).toBeDefined();
  } finally {
    calendar.close();
  }
}

describe("Graph behind an egress proxy (HTTPS_PROXY, NO_PROXY)", () => {
  const graphHost = (): string => new URL(graph.baseUrl).host;

  it("tunnels Graph calls through the proxy HTTPS_PROXY names", async () => {
    const { calendar } = loadConfig({
      GRAPH_TENANT_ID: graph.tenantId,
      GRAPH_CLIENT_ID: graph.clientId,
      GRAPH_CLIENT_SECRET: "unused",
      GRAPH_ORGANIZER: "conferences@council.example",
      GRAPH_BASE_URL: graph.baseUrl,
      HTTPS_PROXY: proxy.url,
      NO_PROXY: "localhost,.council.example",
    });
    expect(calendar.kind === "graph" ? calendar.proxy : undefined).toEqual({
      url: proxy.url,
      noProxy: ["localhost", ".council.example"],
    });
    await scheduleRead(calendar.kind === "graph" ? calendar.proxy : undefined);
    expect(proxy.tunnels.length).toBeGreaterThan(0);
    expect(new Set(proxy.tunnels)).toEqual(new Set([graphHost()]));
  });

  it("goes direct to a host NO_PROXY lists", async () => {
    const { calendar } = loadConfig({
      GRAPH_TENANT_ID: graph.tenantId,
      GRAPH_CLIENT_ID: graph.clientId,
      GRAPH_CLIENT_SECRET: "unused",
      GRAPH_ORGANIZER: "conferences@council.example",
      GRAPH_BASE_URL: graph.baseUrl,
      https_proxy: proxy.url,
      no_proxy: "127.0.0.1",
    });
    await scheduleRead(calendar.kind === "graph" ? calendar.proxy : undefined);
    expect(proxy.tunnels).toEqual([]);
  });

  it("goes direct with no proxy configured", async () => {
    await scheduleRead(undefined);
    expect(proxy.tunnels).toEqual([]);
  });

  it("refuses a proxy that is not an http(s) URL, naming the variable", () => {
    expect(() => loadConfig({ HTTPS_PROXY: "proxy.council.example:8080" })).toThrow(/HTTPS_PROXY/);
  });
});

describe("NO_PROXY matching", () => {
  const list = parseNoProxy(" .council.example, graph.local:8443 *.svc [::1] ");
  it.each([
    ["https://mail.council.example/", true],
    ["https://council.example/", true],
    ["https://notcouncil.example/", false],
    ["https://graph.local:8443/", true],
    ["https://graph.local/", false],
    ["https://a.svc/", true],
    ["https://[::1]:3000/", true],
    ["https://graph.microsoft.com/", false],
  ])("%s bypasses: %s", (url, expected) => {
    expect(bypassesProxy(new URL(url), list)).toBe(expected);
  });
  it("* bypasses everything", () => {
    expect(bypassesProxy(new URL("https://graph.microsoft.com/"), ["*"])).toBe(true);
  });
});
