import { createHttpsFetch, type HttpsFetch } from "../graph/http/https-fetch";
import { silentLogger } from "../app/logger";
import {
  httpNotificationUrlValidator,
  startLocalGraph,
  type LocalGraph,
} from "../test/local-graph";
import { receiveGraphNotifications } from "../app/graph-notifications";
import type { WorkflowDeps } from "../workflow/kernel/deps";
import { botUnderTest, type BotUnderTest } from "./__tests__/bot-under-test";
import type { ApiRoute } from "./http-server";
import { ReadinessFailure } from "./readiness";

/**
 * Graph's one exception to "JSON only": the local Graph, asked for a
 * subscription, POSTs `?validationToken=…` as text/plain over real HTTP to
 * the bot's notification route, which echoes it (the real handler behind the
 * real express edge); any other text/plain POST there is 415.
 * Readiness: 200 when every check passes; 503 with the failing check's reason.
 */
const TOKEN = "graph-validation-test-token";
const PUBLIC_URL = "https://convene.council.example/api/graph/notifications";
let graph: LocalGraph;
let https: HttpsFetch;
let t: BotUnderTest;
let storeFails = false;

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN] });
  https = createHttpsFetch({ ca: graph.ca, timeoutMs: 15_000 });
  const route: ApiRoute = {
    method: "POST",
    path: "/api/graph/notifications",
    answersValidationToken: true,
    // The validation answer needs nothing from the workflow's deps.
    handle: (request) =>
      receiveGraphNotifications(
        { logger: silentLogger } as unknown as WorkflowDeps,
        "x".repeat(40),
        request,
      ),
  };
  t = await botUnderTest({
    apiRoutes: [route],
    readiness: {
      timeoutMs: 200,
      checks: [
        {
          name: "store",
          run: async () => {
            if (storeFails) throw new ReadinessFailure("the store did not answer");
          },
        },
        { name: "graph", run: () => new Promise<void>((r) => setTimeout(r, 10)) },
      ],
    },
  });
});
afterAll(async () => {
  await t.close();
  https.close();
  await graph.close();
});

const subscribe = () =>
  https.fetch(`${graph.baseUrl}/v1.0/subscriptions`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({
      changeType: "updated",
      notificationUrl: PUBLIC_URL,
      resource: "/users/conferences@council.example/events",
      expirationDateTime: new Date(Date.now() + 48 * 3_600_000).toISOString(),
      clientState: "x".repeat(40),
    }),
  });

it("a subscription is made once the bot's edge has echoed Graph's validation request over HTTP", async () => {
  graph.validateNotificationUrlWith(
    httpNotificationUrlValidator({ reach: (url) => url.replace(/^https:\/\/[^/]+/, t.bot.url) }),
  );
  const res = await subscribe();
  expect(res.status).toBe(201);
  expect(graph.state.subscriptions.size).toBe(1);
});

it("is refused by Graph when the endpoint does not echo (here: nothing listens there)", async () => {
  graph.validateNotificationUrlWith(
    httpNotificationUrlValidator({
      reach: (url) => url.replace(/^https:\/\/[^/]+/, `${t.bot.url}/elsewhere`),
    }),
  );
  const res = await subscribe();
  expect(res.status).toBe(400);
});

it("takes text/plain on that route only for the validation request", async () => {
  const res = await fetch(`${t.bot.url}/api/graph/notifications`, {
    method: "POST",
    headers: { "content-type": "text/plain" },
    body: "hello",
  });
  expect(res.status).toBe(415);
});

it("answers /api/ready 200 when every check passes, 503 with the reason when one fails", async () => {
  const ok = await fetch(`${t.bot.url}/api/ready`);
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({
    ready: true,
    checks: [
      { name: "store", ok: true },
      { name: "graph", ok: true },
    ],
  });
  storeFails = true;
  const down = await fetch(`${t.bot.url}/api/ready`);
  expect(down.status).toBe(503);
  expect(await down.json()).toEqual({
    ready: false,
    checks: [
      { name: "store", ok: false, reason: "the store did not answer" },
      { name: "graph", ok: true },
    ],
  });
  expect(t.logger.lines).toContainEqual(
    expect.objectContaining({
      level: "warn",
      msg: "not ready",
      obj: { failing: ["store: the store did not answer"] },
    }),
  );
  storeFails = false;
  expect((await fetch(`${t.bot.url}/api/health`)).status).toBe(200);
});
