import { CLERK, installation, post } from "./__tests__/activities";
import { botUnderTest, T0, type BotUnderTest } from "./__tests__/bot-under-test";

const card = { type: "AdaptiveCard", version: "1.5", body: [{ type: "TextBlock", text: "Due" }] };

describe("TeamsNotifier (proactive 1:1 cards)", () => {
  let t: BotUnderTest;
  beforeEach(async () => {
    t = await botUnderTest();
    // The clerk installed Convene: their 1:1 reference is stored.
    await post(t.bot.messagesUrl, installation(t.clerk, "add"));
  });
  afterEach(() => t.close());

  it("sends a card into the stored 1:1 chat, with the preview as summary and fallback", async () => {
    const result = await t.bot.notifier.sendCard(CLERK, card, "Invite list due today");
    expect(result).toEqual({ outcome: "sent", activityId: "msg-1" });
    const [call] = t.connector.calls;
    expect(call?.method).toBe("POST");
    expect(call?.path).toBe(
      `/v3/conversations/${encodeURIComponent(`a:personal-${CLERK}`)}/activities`,
    );
    expect(call?.body).toMatchObject({
      type: "message",
      summary: "Invite list due today",
      attachments: [
        {
          contentType: "application/vnd.microsoft.card.adaptive",
          content: { ...card, fallbackText: "Invite list due today" },
        },
      ],
    });
  });

  it("updates a card sent earlier", async () => {
    const result = await t.bot.notifier.updateCard(CLERK, "msg-7", card);
    expect(result).toEqual({ outcome: "sent", activityId: "msg-7" });
    expect(t.connector.calls[0]).toMatchObject({
      method: "PUT",
      path: `/v3/conversations/${encodeURIComponent(`a:personal-${CLERK}`)}/activities/msg-7`,
    });
  });

  it("classifies a 429 that outlasts the connector client's own retries as throttled", async () => {
    // botbuilder's client retries a 429 three times, waiting Retry-After each time.
    const throttled = { status: 429, headers: { "retry-after": "0" }, body: {} };
    t.connector.script(throttled, throttled, throttled, throttled);
    const result = await t.bot.notifier.sendCard(CLERK, card, "p");
    expect(result).toEqual({ outcome: "throttled", httpStatus: 429, retryAfterMs: 0 });
    expect(t.connector.calls).toHaveLength(4);
  });

  it("sends once the connector client's retry of a 429 gets through", async () => {
    t.connector.script({ status: 429, headers: { "retry-after": "0" }, body: {} });
    expect(await t.bot.notifier.sendCard(CLERK, card, "p")).toMatchObject({ outcome: "sent" });
  });

  it("marks the reference blocked on 403 MessageWritesBlocked, and stops calling Teams", async () => {
    t.connector.script({
      status: 403,
      body: { error: { code: "Forbidden", message: "blocked" }, subCode: "MessageWritesBlocked" },
    });
    expect(await t.bot.notifier.sendCard(CLERK, card, "p")).toEqual({
      outcome: "recipient-gone",
      httpStatus: 403,
    });
    expect((await t.store.get("conversation-reference", CLERK, CLERK))?.blockedAt).toBe(
      T0.toISOString(),
    );
    expect(await t.bot.notifier.sendCard(CLERK, card, "p")).toEqual({ outcome: "recipient-gone" });
    expect(t.connector.calls).toHaveLength(1);
  });

  it("answers failed for a refused request and for a 403 that is not a block", async () => {
    // (5xx is retried inside the connector client with backoff first: too slow to show here.)
    t.connector.script(
      { status: 400, body: { error: { code: "BadArgument" } } },
      { status: 403, body: { error: { code: "BotDisabledByAdmin" } } },
    );
    const first = await t.bot.notifier.sendCard(CLERK, card, "p");
    expect(first).toEqual({ outcome: "failed", httpStatus: 400 });
    const calls = t.connector.calls.length;
    const second = await t.bot.notifier.sendCard(CLERK, card, "p");
    expect(second).toEqual({ outcome: "failed", httpStatus: 403 });
    expect(t.connector.calls.length).toBe(calls + 1);
    expect((await t.store.get("conversation-reference", CLERK, CLERK))?.blockedAt).toBeUndefined();
  });

  it("answers recipient-gone for someone who never installed Convene, without calling Teams", async () => {
    const result = await t.bot.notifier.sendCard("22222222-2222-4222-8222-222222222222", card, "p");
    expect(result).toEqual({ outcome: "recipient-gone" });
    expect(t.connector.calls).toHaveLength(0);
    expect(t.logger.lines.some((l) => l.obj.code === "NoConversationReference")).toBe(true);
  });
});
