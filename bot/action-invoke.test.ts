import type { ActionRequest, ActionResponse } from "../ports/actions";
import { actionInvoke, CLERK, post } from "./__tests__/activities";
import { botUnderTest, deferred, type BotUnderTest } from "./__tests__/bot-under-test";
import { CARD_TYPE, ERROR_TYPE, MESSAGE_TYPE } from "./invoke-responses";

const card = (text: string): Record<string, unknown> => ({
  type: "AdaptiveCard",
  version: "1.5",
  body: [{ type: "TextBlock", text }],
});

interface InvokeBody {
  statusCode: number;
  type: string;
  value: unknown;
}

describe("Action.Execute invokes", () => {
  let t: BotUnderTest;
  const seen: ActionRequest[] = [];
  afterEach(async () => {
    seen.length = 0;
    await t.close();
  });

  it("routes by verb with the actor, the raw data and the card's message id, and answers with the card", async () => {
    t = await botUnderTest({
      actions: {
        "invite-list.submit": async (request) => {
          seen.push(request);
          return { kind: "card", card: card("Thanks") };
        },
      },
    });
    const res = await post(
      t.bot.messagesUrl,
      actionInvoke(t.clerk, "invite-list.submit", { caseId: "case-1", rows: 2 }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ statusCode: 200, type: CARD_TYPE, value: card("Thanks") });
    expect(seen).toEqual([
      {
        actor: { objectId: CLERK, name: "Casey Clerk" },
        verb: "invite-list.submit",
        data: { caseId: "case-1", rows: 2 },
        activityId: "card-message-1",
      },
    ]);
  });

  it("answers a message response as a Universal Actions message", async () => {
    t = await botUnderTest({
      actions: { ack: async () => ({ kind: "message", text: "Acknowledged" }) },
    });
    const res = await post(t.bot.messagesUrl, actionInvoke(t.clerk, "ack", {}));
    expect(res.body).toEqual({ statusCode: 200, type: MESSAGE_TYPE, value: "Acknowledged" });
  });

  it("answers an unknown verb with a clear error card, and runs nothing", async () => {
    t = await botUnderTest({ actions: {} });
    const res = await post(t.bot.messagesUrl, actionInvoke(t.clerk, "no.such.verb", {}));
    const body = res.body as InvokeBody;
    expect(res.status).toBe(200);
    expect(body.type).toBe(CARD_TYPE);
    expect(JSON.stringify(body.value)).toContain("This action is no longer available");
    // The code is for the log, never the card: a person cannot act on it.
    expect(JSON.stringify(body.value)).not.toContain("UnknownVerb");
    expect(JSON.stringify(t.logger.lines)).toContain("UnknownVerb");
  });

  it("refuses an invoke whose value is not an Action.Execute (zod at the edge), before any handler", async () => {
    const handler = jest.fn(async (): Promise<ActionResponse> => ({ kind: "message", text: "x" }));
    t = await botUnderTest({ actions: { go: handler } });
    for (const value of [
      { action: { type: "Action.Submit", verb: "go" } },
      { action: { type: "Action.Execute" } },
      { action: { type: "Action.Execute", verb: "" } },
      "go",
    ]) {
      const res = await post(t.bot.messagesUrl, actionInvoke(t.clerk, "go", {}, { value }));
      expect(res.status).toBe(400);
      expect((res.body as InvokeBody).type).toBe(ERROR_TYPE);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it("refuses an invoke without an Entra object id: nobody to authorise", async () => {
    const handler = jest.fn(async (): Promise<ActionResponse> => ({ kind: "message", text: "x" }));
    t = await botUnderTest({ actions: { go: handler } });
    const anonymous = { serviceUrl: t.connector.serviceUrl };
    const res = await post(t.bot.messagesUrl, actionInvoke(anonymous, "go", {}));
    expect(JSON.stringify((res.body as InvokeBody).value)).toContain(
      "Convene could not tell who you are",
    );
    expect(JSON.stringify((res.body as InvokeBody).value)).not.toContain("NoActor");
    expect(JSON.stringify(t.logger.lines)).toContain("NoActor");
    expect(handler).not.toHaveBeenCalled();
  });

  it("answers a failing handler with 'something went wrong' and logs its code, never its message", async () => {
    t = await botUnderTest({
      actions: {
        boom: async () => {
          throw Object.assign(new Error("Child A Smith, DOB 2019-03-02"), { code: "GraphDown" });
        },
      },
    });
    const res = await post(t.bot.messagesUrl, actionInvoke(t.clerk, "boom", {}));
    const value = JSON.stringify((res.body as InvokeBody).value);
    expect(value).toContain("Something went wrong");
    expect(value).not.toContain("GraphDown");
    expect(value).not.toContain("Child A");
    const logged = JSON.stringify(t.logger.lines);
    expect(logged).toContain("GraphDown");
    expect(logged).not.toContain("Child A");
  });

  it("answers within 2 s while the handler waits 10 s on Graph, then updates the card in place", async () => {
    const graph = deferred<void>();
    let finished = false;
    t = await botUnderTest({
      actions: {
        "meeting.book": async () => {
          await graph.promise; // Graph taking 10 s: released by the test below, not waited for
          finished = true;
          return { kind: "card", card: card("Booked") };
        },
      },
    });
    const res = await post(t.bot.messagesUrl, actionInvoke(t.clerk, "meeting.book", {}));
    expect(res.ms).toBeLessThan(2000);
    expect(res.ms).toBeGreaterThanOrEqual(1400);
    const body = res.body as InvokeBody;
    expect(body.type).toBe(CARD_TYPE);
    expect(JSON.stringify(body.value)).toContain("Working on it");
    expect(finished).toBe(false);
    expect(t.connector.calls).toHaveLength(0);

    graph.resolve();
    const [update] = await t.connector.waitForCalls(1);
    expect(update?.method).toBe("PUT");
    expect(update?.path).toBe(
      `/v3/conversations/${encodeURIComponent(`a:personal-${CLERK}`)}/activities/card-message-1`,
    );
    expect(JSON.stringify(update?.body.attachments)).toContain("Booked");
  });

  it("replaces the 'working' card with an error card if the late handler fails", async () => {
    const graph = deferred<void>();
    t = await botUnderTest({
      invokeBudgetMs: 50,
      actions: {
        slow: async () => {
          await graph.promise;
          throw Object.assign(new Error("x"), { code: "GraphTimeout" });
        },
      },
    });
    const res = await post(t.bot.messagesUrl, actionInvoke(t.clerk, "slow", {}));
    expect(JSON.stringify(res.body)).toContain("Working on it");
    graph.resolve();
    const [update] = await t.connector.waitForCalls(1);
    expect(JSON.stringify(update?.body)).toContain("Something went wrong");
    expect(JSON.stringify(update?.body)).not.toContain("GraphTimeout");
    expect(JSON.stringify(t.logger.lines)).toContain("GraphTimeout");
  });

  it("runs a handler once when Teams delivers the same invoke twice, and both get its answer", async () => {
    let runs = 0;
    t = await botUnderTest({
      actions: {
        ack: async () => {
          runs += 1;
          return { kind: "card", card: card(`run ${runs}`) };
        },
      },
    });
    const invoke = actionInvoke(t.clerk, "ack", {});
    const [a, b] = await Promise.all([
      post(t.bot.messagesUrl, invoke),
      post(t.bot.messagesUrl, invoke),
    ]);
    const again = await post(t.bot.messagesUrl, invoke);
    expect(runs).toBe(1);
    for (const res of [a, b, again]) expect(JSON.stringify(res.body)).toContain("run 1");
    // A different activity id is a different click.
    await post(t.bot.messagesUrl, actionInvoke(t.clerk, "ack", {}));
    expect(runs).toBe(2);
  });

  it("updates the card once when a slow invoke is repeated while it runs", async () => {
    const graph = deferred<void>();
    let runs = 0;
    t = await botUnderTest({
      invokeBudgetMs: 50,
      actions: {
        slow: async () => {
          runs += 1;
          await graph.promise;
          return { kind: "card", card: card("Done") };
        },
      },
    });
    const invoke = actionInvoke(t.clerk, "slow", {});
    const first = await post(t.bot.messagesUrl, invoke);
    const retry = await post(t.bot.messagesUrl, invoke);
    for (const res of [first, retry]) expect(JSON.stringify(res.body)).toContain("Working on it");
    graph.resolve();
    await t.connector.waitForCalls(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(runs).toBe(1);
    expect(t.connector.calls).toHaveLength(1);
  });
});
