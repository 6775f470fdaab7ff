import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { demoAuthority } from "./demo/authority";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConvene, type RunningConvene } from "./app";
import type { Config } from "./config";
import { silentLogger } from "./logger";

/**
 * The composition root over HTTP: Convene starts with the embedded store and
 * the outbox, serves Graph's change notifications at
 * /api/graph/notifications (Outlook replies and the quoracy forecast) and, in demo mode, moves its clock
 * only forward.
 */
const SECRET = "a-client-state-of-at-least-32-characters!";
const NOW = new Date("2027-01-11T09:00:00.000Z");

describe("Convene over HTTP", () => {
  let dir: string;
  let convene: RunningConvene;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "convene-app-"));
    const config: Config = {
      production: false,
      store: { kind: "sqlite", file: join(dir, "convene.sqlite") },
      authority: { kind: "demo", policy: "leicestershire" },
      calendar: {
        kind: "outbox",
        dir: join(dir, "outbox"),
        organizer: "conferences@demo-council.example",
      },
      notifications: {
        url: "https://convene.example/api/graph/notifications",
        clientState: SECRET,
      },
      bot: { port: 0, appType: "SingleTenant", demoMode: true },
      schedulerIntervalMs: 60_000,
      logLevel: "silent",
    };
    convene = await startConvene(config, {
      logger: silentLogger,
      realClock: () => NOW,
      host: "127.0.0.1",
    });
  });
  afterAll(async () => {
    await convene.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: unknown, contentType = "application/json") =>
    fetch(`${convene.url}${path}`, {
      method: "POST",
      headers: { "content-type": contentType },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  const change = (clientState: string) => ({
    value: [
      {
        subscriptionId: "sub-1",
        changeType: "updated",
        resource: "Users/conferences@demo-council.example/Events/AAMk-1",
        resourceData: { id: "AAMk-1" },
        clientState,
      },
    ],
  });

  it("answers Graph's validation request with the token as text/plain", async () => {
    const res = await post(
      "/api/graph/notifications?validationToken=Validation%3A%20Token",
      "",
      "text/plain",
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(await res.text()).toBe("Validation: Token");
  });

  it("refuses a wrong clientState and a replay; accepts a new notification", async () => {
    expect((await post("/api/graph/notifications", change("not the secret"))).status).toBe(403);
    expect((await post("/api/graph/notifications", change(SECRET))).status).toBe(202);
    expect((await post("/api/graph/notifications", change(SECRET))).status).toBe(409);
  });

  it("moves the demo clock forward, never back", async () => {
    const forward = await post("/api/demo/clock", { to: "2027-01-19T09:05:00Z" });
    expect(await forward.json()).toEqual({ now: "2027-01-19T09:05:00.000Z" });
    const back = await post("/api/demo/clock", { to: "2027-01-12T09:00:00Z" });
    expect(await back.json()).toEqual({ now: "2027-01-19T09:05:00.000Z" });
    expect((await post("/api/demo/clock", { to: "next week" })).status).toBe(400);
  });
});

describe("a production start", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "convene-prod-"));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function productionConfig(authority: object): Config {
    const file = join(dir, `authority-${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(file, JSON.stringify(authority));
    return {
      production: true,
      store: { kind: "sqlite", file: join(dir, "convene.sqlite") },
      authority: { kind: "file", file },
      // The Graph adapter itself is not reached at start-up; the outbox here
      // keeps the test off the network (loadConfig never gives it in production).
      calendar: {
        kind: "outbox",
        dir: join(dir, "outbox"),
        organizer: "conferences@council.example",
      },
      bot: {
        port: 0,
        appType: "SingleTenant",
        demoMode: false,
        appId: "app-id",
        appPassword: "p",
        appTenantId: "7d1f0c5e-2b8a-4c1e-9f3a-0a1b2c3d4e5f",
      },
      schedulerIntervalMs: 60_000,
      logLevel: "silent",
    };
  }

  it("refuses to start without serviceOwners and operationsMailbox, naming them", async () => {
    const { serviceOwners: _o, operationsMailbox: _m, ...authority } = demoAuthority("swindon");
    await expect(
      startConvene(productionConfig(authority), { logger: silentLogger, realClock: () => NOW }),
    ).rejects.toThrow(/serviceOwners and operationsMailbox required in production/);
    const { operationsMailbox: _m2, ...noMailbox } = demoAuthority("swindon");
    await expect(
      startConvene(productionConfig(noMailbox), { logger: silentLogger, realClock: () => NOW }),
    ).rejects.toThrow(/AUTHORITY_FILE: operationsMailbox required/);
  });

  it("starts with staff, service owners and the operations mailbox in the authority file", async () => {
    const convene = await startConvene(productionConfig(demoAuthority("swindon")), {
      logger: silentLogger,
      realClock: () => NOW,
      host: "127.0.0.1",
    });
    await convene.close();
  });
});
