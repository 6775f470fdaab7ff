import { botUnderTest } from "./__tests__/bot-under-test";
import type { DemoRoute } from "./demo-routes";
import { startBot } from "./start-bot";
import { silentLogger } from "../app/logger";
import type { Store } from "../ports/store";

const clockRoute: DemoRoute = {
  method: "POST",
  path: "/api/demo/clock",
  handle: async (body) => ({ status: 200, body: { received: body } }),
};

const deps = (config: Record<string, unknown>) => ({
  config: { port: 0, appType: "SingleTenant" as const, demoMode: true, ...config },
  store: {} as Store,
  handlers: { actions: new Map(), message: async () => ({ kind: "message" as const, text: "" }) },
  logger: silentLogger,
  clock: () => new Date(),
  host: "127.0.0.1",
  extraRoutes: [clockRoute],
});

describe("demo routes", () => {
  it("are served in demo mode without app credentials", async () => {
    const t = await botUnderTest({ config: { demoMode: true }, extraRoutes: [clockRoute] });
    try {
      const res = await fetch(`${t.bot.url}/api/demo/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ at: "2027-01-08T09:00:00.000Z" }),
      });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ received: { at: "2027-01-08T09:00:00.000Z" } });
    } finally {
      await t.close();
    }
  });

  it("refuse to start while MicrosoftAppId is configured (docs/data-protection.md)", async () => {
    await expect(
      startBot(deps({ appId: "a", appPassword: "p", appTenantId: "t" })),
    ).rejects.toMatchObject({ code: "DemoRoutesRefused" });
  });

  it("an unauthenticated bot refuses to start outside demo mode", async () => {
    await expect(startBot({ ...deps({ demoMode: false }), extraRoutes: [] })).rejects.toMatchObject(
      {
        code: "InvalidBotConfig",
      },
    );
  });

  it("refuse to start with demo mode off, or outside /api/demo/", async () => {
    await expect(startBot(deps({ demoMode: false }))).rejects.toMatchObject({
      code: "DemoRoutesRefused",
    });
    await expect(
      startBot({ ...deps({}), extraRoutes: [{ ...clockRoute, path: "/api/messages" }] }),
    ).rejects.toMatchObject({ code: "DemoRoutesRefused" });
  });

  it("are absent otherwise: the route is a 404", async () => {
    const t = await botUnderTest();
    try {
      const res = await fetch(`${t.bot.url}/api/demo/clock`, { method: "POST" });
      expect(res.status).toBe(404);
    } finally {
      await t.close();
    }
  });
});
