import type { ConfigurationBotFrameworkAuthentication, CloudAdapter } from "botbuilder";
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createHttpServer, listen, type RunningServer } from "../../bot/http-server";
import type { ConveneBot } from "../../bot/convene-bot";
import { jwksKeySource } from "../../bot/case-api/jwks";
import { caseApiHandler } from "../../bot/case-api/routes";
import { CASE_API_OPENAPI } from "../../bot/case-api/openapi";
import { caseApi } from "../../workflow/cases/api";
import { DEMO_IDS, makeWorld, type World } from "../scenario/world";
import { startTokenIssuer, type TokenIssuer, type TokenOptions } from "../token-issuer";

/**
 * The case system's API over real HTTP (today's server), with tokens from the
 * shared local issuer (test/token-issuer.ts, dated by the fake clock) whose
 * JWKS is fetched over loopback: who may call, what a
 * bad body gets back, and that nothing is stored for a refused call.
 */
const AUD = "api://convene-test";
const TENANT = "7d2a5f10-3c4b-4e6a-9b8c-1d2e3f4a5b6c";
/** The calling application (the case system's app registration). */
const APP = "6f1c3a52-9d7e-4b8a-a3f1-2c4d5e6f7a8b";
let world: World;
let issuer: TokenIssuer;
const jwksUrl = () => `${issuer.origin}/${TENANT}/discovery/v2.0/keys`;

/** A client-credential access token as Entra issues it to the case system; `claims` override. */
const token = (claims: Record<string, unknown> = {}, options: TokenOptions = {}): string =>
  issuer.entraToken(
    TENANT,
    AUD,
    { oid: randomUUID(), roles: ["Cases.ReadWrite"] },
    { ...options, claims: { azp: APP, azpacr: "1", idtyp: "app", ...claims } },
  );
let server: RunningServer;
let base: string;

beforeAll(async () => {
  world = await makeWorld({
    policy: "swindon",
    start: "2027-01-11T14:00:00.000Z",
    calendar: "outbox",
  });
  issuer = await startTokenIssuer({ now: () => world.clock().getTime() });
  const handler = caseApiHandler({
    api: caseApi(world.deps),
    logger: world.logger,
    token: {
      tenantId: TENANT,
      audiences: [AUD],
      keys: jwksKeySource({ url: jwksUrl(), now: () => world.clock().getTime() }),
      now: () => world.clock().getTime(),
    },
  });
  const http = createHttpServer({
    adapter: {} as CloudAdapter,
    authentication: {} as ConfigurationBotFrameworkAuthentication,
    bot: {} as ConveneBot,
    logger: world.logger,
    demoRoutes: [],
    caseApi: handler,
  });
  server = await listen(http, 0, "127.0.0.1");
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
  await issuer.close();
  await world.close();
});

const body = (ref = "MOS-77") => ({
  reference: ref,
  children: [
    { id: "P1", name: "Ada Example", dob: "2016-04-02", nhsNumber: "943 476 5919" },
    { id: "P2", name: "Ben Example", dob: "2019-08-30" },
    { id: "P3", name: "Cal Example", dob: "2022-01-15" },
  ],
  indexChild: "P2",
  socialWorker: "sam.social@demo-council.example",
  teamManager: DEMO_IDS.teamManager,
});

async function call(
  method: string,
  path: string,
  payload: unknown,
  /** "" sends no Authorization header. */
  auth: string = token(),
  type = "application/json",
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(auth !== "" ? { authorization: `Bearer ${auth}` } : {}),
      "content-type": type,
    },
    body: typeof payload === "string" ? payload : JSON.stringify(payload),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const stored = async (ref: string) => world.store.get("case", `case-${ref}`, `case-${ref}`);
const audits = async (ref: string) => (await world.store.auditOfCase(`case-${ref}`)).items;

describe("who may call", () => {
  const cases: [string, () => string, number][] = [
    ["no token", () => "", 401],
    ["a token signed by another key", () => token({}, { forged: true }), 401],
    ["a token whose key id is not published", () => token({}, { forged: true, kid: "other" }), 401],
    [
      "a token from another tenant",
      () =>
        token({
          tid: "0b0b0b0b-0000-4000-8000-000000000000",
          iss: "https://login.microsoftonline.com/0b0b0b0b-0000-4000-8000-000000000000/v2.0",
        }),
      401,
    ],
    ["a token for another audience", () => token({ aud: "api://someone-else" }), 401],
    [
      "an expired token",
      () => {
        const now = Math.floor(world.clock().getTime() / 1000);
        return token({ iat: now - 7200, nbf: now - 7200, exp: now - 3600 });
      },
      401,
    ],
    [
      "a token not valid yet",
      () => token({ nbf: Math.floor(world.clock().getTime() / 1000) + 3600 }),
      401,
    ],
    ["a token without the role", () => token({ roles: ["Other.Read"] }), 403],
  ];
  it.each(cases)("%s is refused and nothing is stored", async (_name, token, status) => {
    const ref = `R-${_name.replace(/[^a-z]/g, "")}`.slice(0, 40);
    const answer = await call("PUT", `/api/cases/${ref}`, body(ref), token());
    expect(answer.status).toBe(status);
    expect(await stored(ref)).toBeUndefined();
    expect(await audits(ref)).toEqual([]);
  });

  it("accepts a v1 token of the same tenant (sts.windows.net issuer, appid)", async () => {
    const v1 = token({
      ver: "1.0",
      iss: `https://sts.windows.net/${TENANT}/`,
      azp: undefined,
      appid: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
    });
    const answer = await call("PUT", "/api/cases/V1-CASE", body("V1-CASE"), v1);
    expect(answer.status).toBe(201);
    const entries = await audits("V1-CASE");
    expect(entries.map((a) => [a.action, a.actor, a.detail?.app])).toEqual([
      [
        "case.create",
        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
        "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
      ],
    ]);
  });
});

describe("what a call must send", () => {
  it("a malformed body is 400 naming each bad field, and nothing is stored", async () => {
    const bad = {
      reference: "BAD-1",
      children: [
        { id: "P1", name: "", dob: "2016-02-30", nhsNumber: "9434765918" },
        { id: "P2", name: "Unborn Example" },
      ],
      socialWorker: "nobody@example.org",
      teamManager: DEMO_IDS.teamManager,
    };
    const answer = await call("PUT", "/api/cases/BAD-1", bad);
    expect(answer.status).toBe(400);
    const errors = answer.json.errors as Record<string, string>;
    expect(Object.keys(errors).sort()).toEqual([
      "children[0].dob",
      "children[0].name",
      "children[0].nhsNumber",
      "children[1].dob",
    ]);
    expect(errors["children[0].nhsNumber"]).toMatch(/NHS number/);
    expect(await stored("BAD-1")).toBeUndefined();
    // Content fine but the social worker is not on the staff list: named too.
    const unknown = await call("PUT", "/api/cases/BAD-1", {
      ...body("BAD-1"),
      socialWorker: "nobody@example.org",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json.errors).toEqual({ socialWorker: "That person is not on the staff list" });
    expect(await stored("BAD-1")).toBeUndefined();
  });

  it("a body that is not JSON is 400, one not sent as JSON is 415", async () => {
    expect((await call("PUT", "/api/cases/J-1", "{not json")).status).toBe(400);
    expect(
      (await call("PUT", "/api/cases/J-1", JSON.stringify(body("J-1")), token(), "text/plain"))
        .status,
    ).toBe(415);
    expect(await stored("J-1")).toBeUndefined();
  });

  it("a body over 256 KB is 413 and nothing is stored", async () => {
    const big = { ...body("BIG-1"), padding: "x".repeat(300 * 1024) };
    const answer = await call("PUT", "/api/cases/BIG-1", big);
    expect(answer.status).toBe(413);
    expect(await stored("BIG-1")).toBeUndefined();
  });

  it("the same request twice is one case and one audit entry", async () => {
    const first = await call("PUT", "/api/cases/TWICE-1", body("TWICE-1"));
    const second = await call("PUT", "/api/cases/TWICE-1", body("TWICE-1"));
    expect([first.status, first.json.outcome]).toEqual([201, "created"]);
    expect([second.status, second.json.outcome]).toEqual([200, "unchanged"]);
    const all = (await world.store.listAll("case")).items.filter((c) => c.reference === "TWICE-1");
    expect(all).toHaveLength(1);
    expect(all[0]!.children.map((c) => c.nhsNumber)).toEqual(["9434765919", undefined, undefined]);
    expect((await audits("TWICE-1")).map((a) => a.action)).toEqual(["case.create"]);
  });

  it("an update is audited with the calling app and keeps the children's ids", async () => {
    await call("PUT", "/api/cases/UPD-1", body("UPD-1"));
    const before = await stored("UPD-1");
    const changed = { ...body("UPD-1"), team: "North" };
    changed.children[0] = { ...changed.children[0]!, name: "Ada Corrected" };
    const answer = await call("PUT", "/api/cases/UPD-1", changed);
    expect([answer.status, answer.json.outcome]).toEqual([200, "updated"]);
    const after = await stored("UPD-1");
    expect(after!.children.map((c) => c.id)).toEqual(before!.children.map((c) => c.id));
    expect(after!.team).toBe("North");
    expect((await audits("UPD-1")).map((a) => [a.action, a.detail?.app])).toEqual([
      ["case.create", "6f1c3a52-9d7e-4b8a-a3f1-2c4d5e6f7a8b"],
      ["case.update", "6f1c3a52-9d7e-4b8a-a3f1-2c4d5e6f7a8b"],
    ]);
  });

  it("an unborn child has an expected date of birth; a future date of birth is refused", async () => {
    const unborn = {
      ...body("UNB-1"),
      children: [{ id: "U1", name: "Baby Example", expectedDob: "2027-04-01" }],
      indexChild: "U1",
    };
    expect((await call("PUT", "/api/cases/UNB-1", unborn)).status).toBe(201);
    expect((await stored("UNB-1"))!.children[0]!.expectedDob).toBe("2027-04-01");
    const wrong = {
      ...unborn,
      reference: "UNB-2",
      children: [{ id: "U1", name: "Baby Example", dob: "2027-04-01" }],
    };
    const answer = await call("PUT", "/api/cases/UNB-2", wrong);
    expect(answer.status).toBe(400);
    expect(Object.keys(answer.json.errors as object)).toEqual(["children[0].dob"]);
  });

  it("a strategy discussion or looked-after record for an unknown case is 404", async () => {
    const answer = await call("POST", "/api/cases/NOPE/strategy-discussions", {
      date: "2027-01-11",
      children: ["P1"],
    });
    expect(answer.status).toBe(404);
  });

  it("looked-after opens the first CLA review with its limit", async () => {
    await call("PUT", "/api/cases/LAC-1", body("LAC-1"));
    const answer = await call("POST", "/api/cases/LAC-1/looked-after", {
      child: "P3",
      date: "2027-01-04",
    });
    expect(answer.status).toBe(201);
    expect(answer.json.kind).toBe("CLA");
    // docs/rules.md, national rules `cla.first.latest`: 20 working days after Mon 4 Jan 2027: Mon 1 Feb, 17:00.
    expect(answer.json.mustBeHeldBy).toBe("2027-02-01T17:00:00.000Z");
    const again = await call("POST", "/api/cases/LAC-1/looked-after", {
      child: "P3",
      date: "2027-01-04",
    });
    expect([again.status, again.json.meetingId]).toEqual([200, answer.json.meetingId]);
    const meetings = (await world.store.meetingsOfCase("case-LAC-1")).items;
    expect(meetings.map((m) => [m.kind, m.status, m.anchors.lookedAfter])).toEqual([
      ["CLA", "requested", "2027-01-04"],
    ]);
  });

  it("serves the OpenAPI document, the same as the copy in docs/", async () => {
    const res = await fetch(`${base}/api/openapi.json`);
    expect(res.status).toBe(200);
    const served = (await res.json()) as unknown;
    expect(served).toEqual(JSON.parse(JSON.stringify(CASE_API_OPENAPI)));
    const committed = JSON.parse(
      readFileSync(join(__dirname, "../../docs/case-api.openapi.json"), "utf8"),
    ) as unknown;
    expect(committed).toEqual(served);
  });
});

describe("signing keys", () => {
  it("are fetched once and cached", async () => {
    const fetches = () => issuer.fetches.get(new URL(jwksUrl()).pathname) ?? 0;
    const before = fetches();
    const keys = jwksKeySource({ url: jwksUrl(), now: () => world.clock().getTime() });
    await keys.key(issuer.kid);
    await keys.key(issuer.kid);
    await keys.key(issuer.kid);
    expect(fetches() - before).toBe(1);
  });
});
