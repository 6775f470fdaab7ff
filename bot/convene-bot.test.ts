import type { MessageRequest } from "../ports/actions";
import { actionInvoke, CLERK, installation, message, post, TENANT } from "./__tests__/activities";
import { botUnderTest, T0, type BotUnderTest } from "./__tests__/bot-under-test";

describe("ConveneBot messages and conversation references", () => {
  let t: BotUnderTest;
  afterEach(() => t.close());

  it("routes a typed message to the message handler and replies with its card", async () => {
    const seen: MessageRequest[] = [];
    t = await botUnderTest({
      message: async (request) => {
        seen.push(request);
        return { kind: "card", card: { type: "AdaptiveCard", version: "1.5", body: [] } };
      },
    });
    const res = await post(t.bot.messagesUrl, message(t.clerk, "  book  "));
    expect(res.status).toBe(200);
    expect(seen).toEqual([{ actor: { objectId: CLERK, name: "Casey Clerk" }, text: "book" }]);
    const [reply] = await t.connector.waitForCalls(1);
    expect(reply?.method).toBe("POST");
    expect(reply?.body.attachments).toEqual([
      {
        contentType: "application/vnd.microsoft.card.adaptive",
        content: { type: "AdaptiveCard", version: "1.5", body: [] },
      },
    ]);
  });

  it("strips the bot's @mention in a group chat before routing", async () => {
    const seen: string[] = [];
    t = await botUnderTest({
      message: async ({ text }) => {
        seen.push(text);
        return { kind: "message", text: "ok" };
      },
    });
    const activity = message({ ...t.clerk, conversationId: "19:group" }, "<at>Convene</at> help");
    const conversation = activity.conversation as Record<string, unknown>;
    conversation.conversationType = "groupChat";
    activity.entities = [
      { type: "mention", text: "<at>Convene</at>", mentioned: { id: "28:convene-test-bot" } },
    ];
    await post(t.bot.messagesUrl, activity);
    expect(seen).toEqual(["help"]);
    // A group chat cannot reach one person: no reference stored from it.
    expect(await t.store.get("conversation-reference", CLERK, CLERK)).toBeUndefined();
  });

  it("replies with text for a message answer", async () => {
    t = await botUnderTest({
      message: async () => ({ kind: "message", text: "Type book or help." }),
    });
    await post(t.bot.messagesUrl, message(t.clerk, "?"));
    const [reply] = await t.connector.waitForCalls(1);
    expect(reply?.body.text).toBe("Type book or help.");
  });

  it("stores the 1:1 reference on first contact, and only rewrites it when Teams moves the chat", async () => {
    t = await botUnderTest({ actions: { ack: async () => ({ kind: "message", text: "ok" }) } });
    await post(t.bot.messagesUrl, message(t.clerk, "hello"));
    const first = await t.store.get("conversation-reference", CLERK, CLERK);
    expect(first).toMatchObject({
      id: CLERK,
      pk: CLERK,
      userObjectId: CLERK,
      conversationId: `a:personal-${CLERK}`,
      serviceUrl: t.connector.serviceUrl,
      tenantId: TENANT,
      botId: "28:convene-test-bot",
      channelId: "msteams",
      updatedAt: T0.toISOString(),
    });
    await post(t.bot.messagesUrl, actionInvoke(t.clerk, "ack", {}));
    expect((await t.store.get("conversation-reference", CLERK, CLERK))?.etag).toBe(first?.etag);

    // Still the local fake connector (no traffic leaves this machine), under another path.
    const movedUrl = `${t.connector.serviceUrl}uk/`;
    await post(t.bot.messagesUrl, message({ ...t.clerk, serviceUrl: movedUrl }, "hello again"));
    const after = await t.store.get("conversation-reference", CLERK, CLERK);
    expect(after?.serviceUrl).toBe(movedUrl);
    expect(after?.etag).not.toBe(first?.etag);
  });

  it("stores the reference on install, marks it blocked on removal, and clears that on reinstall", async () => {
    t = await botUnderTest();
    await post(t.bot.messagesUrl, installation(t.clerk, "add"));
    expect(await t.store.get("conversation-reference", CLERK, CLERK)).toBeDefined();
    await post(t.bot.messagesUrl, installation(t.clerk, "remove"));
    expect((await t.store.get("conversation-reference", CLERK, CLERK))?.blockedAt).toBe(
      T0.toISOString(),
    );
    await post(t.bot.messagesUrl, installation(t.clerk, "add"));
    expect((await t.store.get("conversation-reference", CLERK, CLERK))?.blockedAt).toBeUndefined();
  });

  it("keeps answering when the reference cannot be stored (the next turn tries again)", async () => {
    t = await botUnderTest({ message: async () => ({ kind: "message", text: "still here" }) });
    const spy = jest
      .spyOn(t.store, "create")
      .mockRejectedValueOnce(Object.assign(new Error("disk"), { code: "SQLITE_FULL" }));
    await post(t.bot.messagesUrl, message(t.clerk, "hi"));
    const [reply] = await t.connector.waitForCalls(1);
    expect(reply?.body.text).toBe("still here");
    expect(t.logger.lines.some((l) => l.obj.code === "SQLITE_FULL")).toBe(true);
    spy.mockRestore();
    await post(t.bot.messagesUrl, message(t.clerk, "hi"));
    expect(await t.store.get("conversation-reference", CLERK, CLERK)).toBeDefined();
  });

  it("turns a failing message handler into one logged code and a generic apology", async () => {
    t = await botUnderTest({
      message: async () => {
        throw Object.assign(new Error("Child A Smith lives at 1 High St"), { code: "Boom" });
      },
    });
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await post(t.bot.messagesUrl, message(t.clerk, "book"));
    consoleError.mockRestore();
    const [reply] = await t.connector.waitForCalls(1);
    expect(reply?.body.text).toContain("Something went wrong");
    expect(reply?.body.text).not.toContain("Child A");
    const failed = t.logger.lines.find((l) => l.msg === "turn failed");
    expect(failed?.obj).toMatchObject({
      code: "Boom",
      activityType: "message",
      userObjectId: CLERK,
    });
    expect(JSON.stringify(t.logger.lines)).not.toContain("Child A");
  });
});
