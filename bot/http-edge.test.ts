import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { startTokenIssuer, type TokenIssuer } from "../test/token-issuer";
import { CLERK, TENANT, installation, post } from "./__tests__/activities";
import { botUnderTest, type BotUnderTest } from "./__tests__/bot-under-test";
import type { BotAuthEndpoints } from "./authentication";

/**
 * The HTTP edge with authentication on, against the local token issuer:
 * every token the edge can meet is checked against a real signature, and
 * whatever is wrong with it the answer is 401 (never 500, never the
 * verifier's text). Bodies are JSON only, within the route's limit.
 */
const APP_ID = "5d2f4b7a-1c3e-4a5b-9d8f-7e6c5b4a3d2e";
const OTHER_TENANT = "0badc0de-0000-4000-8000-000000000bad";

let issuer: TokenIssuer;
let t: BotUnderTest;

const endpoints = (i: TokenIssuer): BotAuthEndpoints => ({
  openIdMetadataUrl: i.botFrameworkMetadataUrl,
  tokenIssuer: "https://api.botframework.com",
  emulatorOpenIdMetadataUrl: i.entraMetadataUrl("botframework.com"),
  loginUrl: `${i.origin}/botframework.com`,
  oauthScope: "https://api.botframework.com",
});

beforeAll(async () => {
  issuer = await startTokenIssuer();
  t = await botUnderTest({
    config: {
      appId: APP_ID,
      appPassword: "not-used-without-outgoing-calls",
      appTenantId: TENANT,
      tenantId: TENANT,
      demoMode: false,
    },
    authEndpoints: endpoints(issuer),
  });
});
afterAll(async () => {
  await t.close();
  await issuer.close();
});

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const goodToken = (): string => issuer.botFrameworkToken(APP_ID, t.clerk.serviceUrl);

describe("POST /api/messages with authentication", () => {
  it("takes a Bot Framework token signed by a published key, for this bot and this serviceUrl", async () => {
    const res = await post(t.bot.messagesUrl, installation(t.clerk, "add"), bearer(goodToken()));
    expect(res.status).toBe(200);
    expect(await t.store.get("conversation-reference", CLERK, CLERK)).toBeDefined();
  });

  const refused: Array<[string, () => Record<string, string>]> = [
    ["no Authorization header", () => ({})],
    ["a header that is not a bearer token", () => ({ authorization: "Basic Y2xlcms6c2VjcmV0" })],
    ["a token that is not a JWT", () => bearer("not.a.jwt")],
    [
      "a bad signature (a stranger's key under the published kid)",
      () => bearer(issuer.botFrameworkToken(APP_ID, t.clerk.serviceUrl, { forged: true })),
    ],
    [
      "an expired token (beyond botbuilder's 5 minutes of skew)",
      () => bearer(issuer.botFrameworkToken(APP_ID, t.clerk.serviceUrl, { expiresIn: -600 })),
    ],
    [
      "a token not yet valid (nbf 10 minutes ahead)",
      () => bearer(issuer.botFrameworkToken(APP_ID, t.clerk.serviceUrl, { notBefore: 600 })),
    ],
    [
      "HS256 (a shared-secret algorithm)",
      () => bearer(issuer.botFrameworkToken(APP_ID, t.clerk.serviceUrl, { alg: "HS256" })),
    ],
    [
      "the wrong audience (another bot's app id)",
      () => bearer(issuer.botFrameworkToken("another-bot", t.clerk.serviceUrl)),
    ],
    [
      "a serviceUrl claim that is not the activity's",
      () => bearer(issuer.botFrameworkToken(APP_ID, "https://smba.example/attacker/")),
    ],
    [
      "the wrong issuer",
      () =>
        bearer(
          issuer.botFrameworkToken(APP_ID, t.clerk.serviceUrl, {
            claims: { iss: "https://sts.example/" },
          }),
        ),
    ],
    [
      "an Entra token for another app",
      () => bearer(issuer.entraToken(TENANT, "api://someone-else", { oid: CLERK })),
    ],
  ];

  it.each(refused)("answers 401 to %s, with no internal text", async (_what, headers) => {
    const res = await post(t.bot.messagesUrl, installation(t.clerk, "add"), headers());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: "unauthorized" });
  });

  it("refuses an activity from another tenant before anything is stored: the clerk's conversation is unchanged", async () => {
    await post(t.bot.messagesUrl, installation(t.clerk, "add"), bearer(goodToken()));
    const before = await t.store.get("conversation-reference", CLERK, CLERK);
    expect(before).toBeDefined();
    const foreign = installation(
      { ...t.clerk, conversationId: "a:personal-hijack", serviceUrl: t.clerk.serviceUrl },
      "add",
    );
    foreign.conversation = {
      id: "a:personal-hijack",
      conversationType: "personal",
      tenantId: OTHER_TENANT,
    };
    foreign.channelData = { tenant: { id: OTHER_TENANT } };
    const res = await post(t.bot.messagesUrl, foreign, bearer(goodToken()));
    expect(res.status).toBe(403);
    const after = await t.store.get("conversation-reference", CLERK, CLERK);
    expect(after).toEqual(before);
    // Nor one whose two tenant fields disagree.
    foreign.conversation = { ...(foreign.conversation as object), tenantId: TENANT };
    expect((await post(t.bot.messagesUrl, foreign, bearer(goodToken()))).status).toBe(403);
    expect(await t.store.get("conversation-reference", CLERK, CLERK)).toEqual(before);
  });
});

describe("the edge takes JSON only, within its limit", () => {
  const tempFiles = (): string[] => readdirSync(tmpdir()).sort();

  it("answers 415 to multipart and leaves no file in the temp folder", async () => {
    const before = tempFiles();
    const form = new FormData();
    form.append("activity", JSON.stringify(installation(t.clerk, "add")));
    form.append("upload", new Blob([Buffer.alloc(256 * 1024, 7)]), "upload.bin");
    const res = await fetch(t.bot.messagesUrl, {
      method: "POST",
      headers: bearer(goodToken()),
      body: form,
    });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({ error: "send application/json" });
    expect(tempFiles()).toEqual(before);
  });

  it("answers 413 to a body over 1 MB, even with a good token", async () => {
    const big = { ...installation(t.clerk, "add"), text: "x".repeat(1024 * 1024 + 1) };
    const res = await post(t.bot.messagesUrl, big, bearer(goodToken()));
    expect(res.status).toBe(413);
    expect(res.body).toEqual({ error: "request body too large" });
  });

  it("answers 400 to malformed JSON", async () => {
    const res = await fetch(t.bot.messagesUrl, {
      method: "POST",
      headers: { "content-type": "application/json", ...bearer(goodToken()) },
      body: '{"type": "message",',
    });
    expect(res.status).toBe(400);
  });

  it("answers GET /api/health with 200 whatever the checks, and 404 elsewhere", async () => {
    const base = t.bot.url;
    expect((await fetch(`${base}/api/health`)).status).toBe(200);
    expect((await fetch(`${base}/api/nothing-here`)).status).toBe(404);
  });
});
