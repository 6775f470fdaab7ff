import type { BotConfig } from "../app/config";
import { message, post } from "./__tests__/activities";
import { botUnderTest } from "./__tests__/bot-under-test";
import { botAuthenticationOptions } from "./authentication";

const FAKE_APP: Partial<BotConfig> = {
  appId: "00000000-0000-4000-8000-00000000a991",
  appPassword: "not-a-real-secret",
  appTenantId: "9f0e1d2c-3b4a-4596-8877-665544332211",
  appType: "SingleTenant",
};

describe("Bot Framework authentication", () => {
  it("answers 401 to an activity without a token once app credentials are configured", async () => {
    const handler = jest.fn(async () => ({ kind: "message" as const, text: "x" }));
    const t = await botUnderTest({ config: FAKE_APP, message: handler });
    // CloudAdapter prints the AuthenticationError itself; keep the test output clean.
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const bare = await post(t.bot.messagesUrl, message(t.clerk, "hello"));
      expect(bare.status).toBe(401);
      const wrongScheme = await post(t.bot.messagesUrl, message(t.clerk, "hello"), {
        authorization: "Basic Y2FzZXk6c2VjcmV0",
      });
      expect(wrongScheme.status).toBe(401);
      expect(handler).not.toHaveBeenCalled();
      expect(t.connector.calls).toHaveLength(0);
    } finally {
      consoleError.mockRestore();
      await t.close();
    }
  });

  it("starts with a user-assigned managed identity, and still refuses an unauthenticated request", async () => {
    const t = await botUnderTest({
      config: {
        appId: "00000000-0000-4000-8000-00000000a992",
        appTenantId: "9f0e1d2c-3b4a-4596-8877-665544332211",
        appType: "UserAssignedMSI",
      },
    });
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      expect((await post(t.bot.messagesUrl, message(t.clerk, "hello"))).status).toBe(401);
    } finally {
      consoleError.mockRestore();
      await t.close();
    }
  });

  it("runs without authentication when no app id is configured (Agents Playground)", async () => {
    const t = await botUnderTest({ message: async () => ({ kind: "message", text: "hi" }) });
    try {
      expect((await post(t.bot.messagesUrl, message(t.clerk, "hello"))).status).toBe(200);
    } finally {
      await t.close();
    }
  });

  it("maps each MicrosoftAppType to what botbuilder needs, and names what is missing", () => {
    const base = { port: 0, demoMode: false };
    expect(botAuthenticationOptions({ ...base, appType: "SingleTenant" })).toEqual({
      MicrosoftAppType: "MultiTenant",
    });
    expect(
      botAuthenticationOptions({
        ...base,
        appType: "UserAssignedMSI",
        appId: "client-id-of-identity",
        appTenantId: "tenant",
      }),
    ).toEqual({
      MicrosoftAppId: "client-id-of-identity",
      MicrosoftAppType: "UserAssignedMSI",
      MicrosoftAppTenantId: "tenant",
    });
    expect(() =>
      botAuthenticationOptions({ ...base, appType: "SingleTenant", appId: "a", appPassword: "p" }),
    ).toThrow(expect.objectContaining({ code: "InvalidBotConfig" }));
    expect(() =>
      botAuthenticationOptions({
        ...base,
        appType: "UserAssignedMSI",
        appId: "a",
        appTenantId: "t",
        appPassword: "p",
      }),
    ).toThrow(/no MicrosoftAppPassword/);
  });
});
