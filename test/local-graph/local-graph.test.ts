import { createHttpsFetch, type HttpsFetch } from "../../graph/http/https-fetch";
import { startLocalGraph, type LocalGraph } from "./index";

/**
 * The local Graph itself: it must refuse what Graph refuses (so the adapter's
 * tests mean something), keep state, and fault on demand.
 */
const TOKEN = "fake-graph-test-token";
let graph: LocalGraph;
let https: HttpsFetch;

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN], clientSecret: "s3cret" });
  https = createHttpsFetch({ ca: graph.ca, timeoutMs: 5_000 });
});
afterAll(async () => {
  https.close();
  await graph.close();
});
beforeEach(() => graph.reset());

const ORG = "/users/conferences%40council.example";

/** A JSON answer read freely: expect() checks its shape, not the type system. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
type Json = any;

async function call(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: Json; headers: Headers }> {
  const response = await https.fetch(`${graph.baseUrl}/v1.0${path}`, {
    method,
    headers: {
      authorization: `Bearer ${TOKEN}`,
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? null : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text.length > 0 ? JSON.parse(text) : undefined,
    headers: response.headers,
  };
}

const event = (extra: Record<string, unknown> = {}) => ({
  subject: "ICPC – case C-1",
  start: { dateTime: "2027-01-07T10:00:00", timeZone: "Europe/London" },
  end: { dateTime: "2027-01-07T12:00:00", timeZone: "Europe/London" },
  isOnlineMeeting: true,
  onlineMeetingProvider: "teamsForBusiness",
  transactionId: "tx-1",
  ...extra,
});

async function meeting(): Promise<{ eventId: string; meetingId: string; joinUrl: string }> {
  const created = await call("POST", `${ORG}/events`, event());
  const joinUrl = created.body.onlineMeeting.joinUrl as string;
  const found = await call(
    "GET",
    `${ORG}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`,
  );
  return { eventId: created.body.id, meetingId: found.body.value[0].id, joinUrl };
}

describe("authentication", () => {
  it("answers 401 without a token it issued or was told to accept", async () => {
    const response = await https.fetch(`${graph.baseUrl}/v1.0${ORG}/events`, {
      method: "POST",
      body: "{}",
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as Json).error.code).toBe("InvalidAuthenticationToken");
  });

  it("issues tokens for .default only, to the right secret", async () => {
    const token = (form: Record<string, string>) =>
      https.fetch(`${graph.authorityHost}/${graph.tenantId}/oauth2/v2.0/token`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(form).toString(),
      });
    const base = {
      grant_type: "client_credentials",
      client_id: graph.clientId,
      client_secret: "s3cret",
    };
    const good = await token({ ...base, scope: "https://graph.microsoft.com/.default" });
    expect(good.status).toBe(200);
    const issued = ((await good.json()) as { access_token: string }).access_token;
    expect((await token({ ...base, scope: "Mail.Send" })).status).toBe(400);
    expect(
      (
        await token({
          ...base,
          client_secret: "wrong",
          scope: "https://graph.microsoft.com/.default",
        })
      ).status,
    ).toBe(401);
    const withIssued = await https.fetch(`${graph.baseUrl}/v1.0${ORG}/events/nope`, {
      headers: { authorization: `Bearer ${issued}` },
    });
    expect(withIssued.status).toBe(404);
  });

  it("records calls without the Authorization header", async () => {
    await call("POST", `${ORG}/events`, event());
    expect(graph.calls[0]?.headers).not.toHaveProperty("authorization");
  });
});

describe("events: Graph's shapes", () => {
  it("refuses a property the event type does not have, a bad enum value, a missing time", async () => {
    expect((await call("POST", `${ORG}/events`, event({ childName: "x" }))).status).toBe(400);
    expect(
      (await call("POST", `${ORG}/events`, event({ onlineMeetingProvider: "zoom" }))).status,
    ).toBe(400);
    const { start: _start, ...noStart } = event();
    expect((await call("POST", `${ORG}/events`, noStart)).status).toBe(400);
    expect(
      (
        await call(
          "POST",
          `${ORG}/events`,
          event({ attendees: [{ emailAddress: { address: "a@b.example" } }] }),
        )
      ).status,
    ).toBe(400); // an attendee needs its type
    expect(graph.state.events.size).toBe(0);
  });

  it("answers the same event for the same transactionId", async () => {
    const first = await call("POST", `${ORG}/events`, event());
    const again = await call("POST", `${ORG}/events`, event());
    expect(first.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(graph.state.events.size).toBe(1);
    const other = await call("POST", `${ORG}/events`, event({ transactionId: "tx-2" }));
    expect(other.body.id).not.toBe(first.body.id);
  });

  it("refuses a PATCH of the body (it would replace the join link), accepts attendees", async () => {
    const { eventId } = await meeting();
    const bodyPatch = await call("PATCH", `${ORG}/events/${eventId}`, {
      body: { contentType: "text", content: "new" },
    });
    expect(bodyPatch.status).toBe(400);
    expect(bodyPatch.body.error.message).toContain("body");
    const attendees = await call("PATCH", `${ORG}/events/${eventId}`, {
      attendees: [{ emailAddress: { address: "a@agency.example", name: "A" }, type: "required" }],
    });
    expect(attendees.status).toBe(200);
  });
});

describe("online meetings: evolvable enums", () => {
  const locked = {
    lobbyBypassSettings: { scope: "organizationExcludingGuests", isDialInBypassEnabled: false },
    allowMeetingChat: "disabled",
  };

  it("starts with a tenant's defaults: guests in, chat on, recording allowed", async () => {
    const { meetingId } = await meeting();
    const read = await call("GET", `${ORG}/onlineMeetings/${meetingId}`);
    expect(read.body).toMatchObject({
      lobbyBypassSettings: { scope: "organization" },
      allowMeetingChat: "enabled",
      allowRecording: true,
    });
  });

  it("refuses organizationExcludingGuests without Prefer: include-unknown-enum-members", async () => {
    const { meetingId } = await meeting();
    expect((await call("PATCH", `${ORG}/onlineMeetings/${meetingId}`, locked)).status).toBe(400);
    const prefer = { prefer: "include-unknown-enum-members" };
    expect((await call("PATCH", `${ORG}/onlineMeetings/${meetingId}`, locked, prefer)).status).toBe(
      200,
    );
    const withoutHeader = await call("GET", `${ORG}/onlineMeetings/${meetingId}`);
    expect(withoutHeader.body.lobbyBypassSettings.scope).toBe("unknownFutureValue");
    const withHeader = await call("GET", `${ORG}/onlineMeetings/${meetingId}`, undefined, prefer);
    expect(withHeader.body.lobbyBypassSettings.scope).toBe("organizationExcludingGuests");
  });

  it("refuses values outside Graph's enums", async () => {
    const { meetingId } = await meeting();
    expect(
      (await call("PATCH", `${ORG}/onlineMeetings/${meetingId}`, { allowMeetingChat: "off" }))
        .status,
    ).toBe(400);
    expect(
      (await call("PATCH", `${ORG}/onlineMeetings/${meetingId}`, { allowedPresenters: "chair" }))
        .status,
    ).toBe(400);
  });

  it("needs a JoinWebUrl filter to list meetings", async () => {
    expect((await call("GET", `${ORG}/onlineMeetings`)).status).toBe(400);
  });
});

describe("mail and $batch", () => {
  const mail = (to: string, id: string) => ({
    message: {
      subject: "S",
      body: { contentType: "text", content: "B" },
      toRecipients: [{ emailAddress: { address: to } }],
      singleValueExtendedProperties: [
        { id: "String {c0a8e2f4-5d7b-4b6e-9a1f-2e3d4c5b6a70} Name ConveneEmailId", value: id },
      ],
    },
    saveToSentItems: true,
  });
  const part = (id: string, body: unknown) => ({
    id,
    method: "POST",
    url: "/users/conferences@council.example/sendMail",
    body,
    headers: { "Content-Type": "application/json" },
  });

  it("refuses a message without recipients", async () => {
    const bad = {
      message: { subject: "S", body: { contentType: "text", content: "B" }, toRecipients: [] },
    };
    expect((await call("POST", `${ORG}/sendMail`, bad)).status).toBe(400);
  });

  describe("attachments", () => {
    const file = (extra: Record<string, unknown> = {}) => ({
      "@odata.type": "#microsoft.graph.fileAttachment",
      name: "list.weekly-2027-01-04.csv",
      contentType: "text/csv; charset=utf-8",
      contentBytes: Buffer.from("Date,Case reference\r\n").toString("base64"),
      ...extra,
    });
    const withFiles = (files: unknown[], id = "t-1:csv:a") => {
      const m = mail("a@x.example", id);
      return { ...m, message: { ...m.message, attachments: files } };
    };

    it("keeps a fileAttachment decoded, so tests read what was sent", async () => {
      expect((await call("POST", `${ORG}/sendMail`, withFiles([file()]))).status).toBe(202);
      const [sent] = graph.state.sentMail;
      expect(sent?.attachments).toEqual([
        {
          name: "list.weekly-2027-01-04.csv",
          contentType: "text/csv; charset=utf-8",
          content: Buffer.from("Date,Case reference\r\n"),
        },
      ]);
    });

    it("refuses one without its @odata.type, with another type, or with contentBytes not base64", async () => {
      const { "@odata.type": _t, ...untyped } = file();
      for (const bad of [
        untyped,
        file({ "@odata.type": "#microsoft.graph.itemAttachment" }),
        file({ contentBytes: "not base64!" }),
        file({ contentBytes: "QUJD=" }), // padding in the wrong place
        file({ size: 10 }), // a read-only property
      ]) {
        const answer = await call("POST", `${ORG}/sendMail`, withFiles([bad]));
        expect(answer.status).toBe(400);
      }
      expect(graph.state.sentMail).toHaveLength(0);
    });

    it("answers 413 to attachments of 3 MB or more together, and to a request over 4 MB", async () => {
      const half = Buffer.alloc(1_500_000, 65).toString("base64");
      const two = withFiles([file({ contentBytes: half }), file({ contentBytes: half })]);
      expect((await call("POST", `${ORG}/sendMail`, two)).status).toBe(413);
      const justUnder = Buffer.alloc(2_999_999, 65).toString("base64");
      const under = await call(
        "POST",
        `${ORG}/sendMail`,
        withFiles([file({ contentBytes: justUnder })]),
      );
      // The body beside the status: a failure says what the server answered.
      expect([under.status, under.status === 202 ? "" : JSON.stringify(under.body)]).toEqual([
        202,
        "",
      ]);
      const big = Buffer.alloc(1_000_000, 65).toString("base64");
      const batch = await call("POST", "/$batch", {
        requests: [1, 2, 3, 4].map((n) =>
          part(String(n), withFiles([file({ contentBytes: big })], `t-1:csv:${n}`)),
        ),
      });
      expect(batch.status).toBe(413);
      expect(graph.state.sentMail).toHaveLength(1);
    });
  });

  it("runs up to 20 parts, each with its own status; refuses 21, a body without Content-Type, twice an id", async () => {
    const ok = await call("POST", "/$batch", {
      requests: [part("1", mail("a@x.example", "e1")), part("2", { nope: 1 })],
    });
    expect(ok.status).toBe(200);
    expect(
      ok.body.responses.map((r: { id: string; status: number }) => `${r.id}:${r.status}`).sort(),
    ).toEqual(["1:202", "2:400"]);
    const parts = Array.from({ length: 21 }, (_, i) =>
      part(String(i), mail("a@x.example", `e${i}`)),
    );
    expect((await call("POST", "/$batch", { requests: parts })).status).toBe(400);
    const { headers: _h, ...noType } = part("1", mail("a@x.example", "e"));
    expect((await call("POST", "/$batch", { requests: [noType] })).status).toBe(400);
    expect(
      (
        await call("POST", "/$batch", {
          requests: [part("1", mail("a@x.example", "x")), part("1", mail("b@x.example", "y"))],
        })
      ).status,
    ).toBe(400);
    expect(graph.state.sentMail).toHaveLength(1);
  });

  it("fails a part whose dependency failed with 424", async () => {
    const answer = await call("POST", "/$batch", {
      requests: [
        part("1", { nope: 1 }),
        { ...part("2", mail("a@x.example", "e2")), dependsOn: ["1"] },
      ],
    });
    expect(answer.body.responses.map((r: { status: number }) => r.status)).toEqual([400, 424]);
  });

  it("finds a sent message in Sent Items by Convene's property, and nothing else", async () => {
    await call("POST", `${ORG}/sendMail`, mail("a@x.example", "m-1:invite:p1"));
    const filter = (value: string) =>
      encodeURIComponent(
        `singleValueExtendedProperties/any(ep: ep/id eq 'String {c0a8e2f4-5d7b-4b6e-9a1f-2e3d4c5b6a70} Name ConveneEmailId' and ep/value eq '${value}')`,
      );
    const found = await call(
      "GET",
      `${ORG}/mailFolders/sentitems/messages?$filter=${filter("m-1:invite:p1")}&$select=id`,
    );
    expect(found.body.value).toHaveLength(1);
    const missing = await call(
      "GET",
      `${ORG}/mailFolders/sentitems/messages?$filter=${filter("m-1:invite:p2")}`,
    );
    expect(missing.body.value).toHaveLength(0);
    expect(
      (await call("GET", `${ORG}/mailFolders/sentitems/messages?$filter=subject eq 'x'`)).status,
    ).toBe(400);
  });
});

describe("faults on demand", () => {
  it("answers the next N requests 429 with Retry-After", async () => {
    graph.faults.next(2, "throttle");
    const a = await call("POST", `${ORG}/events`, event());
    const b = await call("POST", `${ORG}/events`, event());
    const c = await call("POST", `${ORG}/events`, event());
    expect([a.status, b.status, c.status]).toEqual([429, 429, 201]);
    expect(a.headers.get("retry-after")).toBe("1");
    expect(graph.state.events.size).toBe(1);
  });

  it("drops a connection before or after acting", async () => {
    graph.faults.next(1, "drop-before");
    await expect(call("POST", `${ORG}/events`, event())).rejects.toThrow();
    expect(graph.state.events.size).toBe(0);
    graph.faults.next(1, "drop-after");
    await expect(call("POST", `${ORG}/events`, event())).rejects.toThrow();
    expect(graph.state.events.size).toBe(1);
  });

  it("draws faults from a seed: the same seed, the same faults", async () => {
    const run = async () => {
      graph.reset();
      graph.faults.randomly(0.5, ["throttle", "unavailable"], { seed: 99 });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++)
        statuses.push(
          (await call("POST", `${ORG}/events`, event({ transactionId: `t${i}` }))).status,
        );
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first)).toEqual(new Set([201, 429, 503]));
  });

  it("adds latency", async () => {
    graph.faults.latency(30);
    const started = process.hrtime.bigint();
    await call("POST", `${ORG}/events`, event());
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeGreaterThanOrEqual(29);
  });
});

describe("getSchedule", () => {
  it("refuses more than 20 schedules and a range of 42 days or more", async () => {
    const body = (schedules: string[], end: string) => ({
      schedules,
      startTime: { dateTime: "2027-01-01T00:00:00", timeZone: "UTC" },
      endTime: { dateTime: end, timeZone: "UTC" },
    });
    const many = Array.from({ length: 21 }, (_, i) => `c${i}@council.example`);
    expect(
      (await call("POST", `${ORG}/calendar/getSchedule`, body(many, "2027-01-02T00:00:00"))).status,
    ).toBe(400);
    expect(
      (
        await call(
          "POST",
          `${ORG}/calendar/getSchedule`,
          body(["c@council.example"], "2027-02-12T00:00:00"),
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await call(
          "POST",
          `${ORG}/calendar/getSchedule`,
          body(["c@council.example"], "2027-01-02T00:00:00"),
        )
      ).status,
    ).toBe(200);
  });
});

describe("attendees' replies", () => {
  const attendee = (address: string) => ({
    emailAddress: { address, name: "A Professional" },
    type: "required",
  });
  const withAttendees = () =>
    event({ attendees: [attendee("dana@police.example"), attendee("eli@nhs.example")] });

  it("answers $select=attendees with the attendees only, each with its reply (none at first)", async () => {
    const { body } = await call("POST", `${ORG}/events`, withAttendees());
    const read = await call("GET", `${ORG}/events/${body.id}?$select=attendees`);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body).sort()).toEqual(["@odata.etag", "attendees", "id"]);
    expect(read.body.attendees).toEqual([
      {
        ...attendee("dana@police.example"),
        status: { response: "none", time: "0001-01-01T00:00:00Z" },
      },
      {
        ...attendee("eli@nhs.example"),
        status: { response: "none", time: "0001-01-01T00:00:00Z" },
      },
    ]);
    const unknown = await call("GET", `${ORG}/events/${body.id}?$select=attendees,childName`);
    expect(unknown.status).toBe(400);
  });

  it("shows a reply set with state.respond, kept across a PATCH of the attendee list", async () => {
    const { body } = await call("POST", `${ORG}/events`, withAttendees());
    const at = new Date("2027-01-22T11:00:00.000Z");
    expect(graph.state.respond(body.id, "DANA@police.example", "declined", at)).toEqual([]);
    graph.state.respond(body.id, "eli@nhs.example", "tentativelyAccepted", at);
    const statuses = async () =>
      (await call("GET", `${ORG}/events/${body.id}?$select=attendees`)).body.attendees.map(
        (a: Json) => `${a.emailAddress.address}:${a.status.response}:${a.status.time}`,
      );
    expect(await statuses()).toEqual([
      "dana@police.example:declined:2027-01-22T11:00:00Z",
      "eli@nhs.example:tentativelyAccepted:2027-01-22T11:00:00Z",
    ]);
    await call("PATCH", `${ORG}/events/${body.id}`, {
      attendees: [attendee("dana@police.example"), attendee("fay@school.example")],
    });
    expect(await statuses()).toEqual([
      "dana@police.example:declined:2027-01-22T11:00:00Z",
      "fay@school.example:none:0001-01-01T00:00:00Z",
    ]);
    expect(() => graph.state.respond(body.id, "eli@nhs.example", "accepted")).toThrow(
      /not an attendee/,
    );
    expect(() => graph.state.respond("AAMkAGnope", "dana@police.example", "accepted")).toThrow(
      /no event/,
    );
  });

  it("serves the same read as a $batch part, and 404 for an event that is gone", async () => {
    const { body } = await call("POST", `${ORG}/events`, withAttendees());
    graph.state.respond(body.id, "eli@nhs.example", "accepted");
    const batch = await call("POST", "/$batch", {
      requests: [
        { id: "1", method: "GET", url: `${ORG}/events/${body.id}?$select=attendees` },
        { id: "2", method: "GET", url: `${ORG}/events/AAMkAGgone?$select=attendees` },
      ],
    });
    const [one, two] = batch.body.responses;
    expect(one.status).toBe(200);
    expect(one.body.attendees[1].status.response).toBe("accepted");
    expect(two.status).toBe(404);
    expect(graph.calls[1]?.parts?.map((p) => `${p.id}:${p.query}:${p.status}`)).toEqual([
      "1:?$select=attendees:200",
      "2:?$select=attendees:404",
    ]);
  });
});

describe("POST /subscriptions", () => {
  const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  const subscription = (extra: Record<string, unknown> = {}) => ({
    changeType: "updated",
    notificationUrl: "https://convene.council.example/api/graph/notifications",
    resource: "/users/conferences@council.example/events",
    expirationDateTime: inHours(48),
    clientState: "secret-state",
    ...extra,
  });

  it("creates a subscription: 201 with its id and expiry, recorded", async () => {
    const made = await call("POST", "/subscriptions", subscription());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({
      id: expect.any(String),
      resource: "/users/conferences@council.example/events",
      changeType: "updated",
      clientState: "secret-state",
      applicationId: graph.clientId,
      includeResourceData: false,
    });
    expect(made.body.expirationDateTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/);
    expect(graph.state.subscriptions.get(made.body.id)?.mailbox).toBe(
      "conferences@council.example",
    );
    expect(graph.calls[0]).toMatchObject({ method: "POST", path: "/subscriptions", status: 201 });
  });

  it.each<[string, Record<string, unknown>]>([
    ["no clientState", { clientState: undefined }],
    ["a clientState over 128 characters", { clientState: "x".repeat(129) }],
    ["no resource", { resource: undefined }],
    ["an unknown changeType", { changeType: "changed" }],
    ["a changeType twice", { changeType: "updated,updated" }],
    ["an http notificationUrl", { notificationUrl: "http://convene.council.example/hook" }],
    ["an http lifecycleNotificationUrl", { lifecycleNotificationUrl: "http://x.example/l" }],
    ["an expiry without a zone", { expirationDateTime: "2027-01-01T00:00:00" }],
    ["an expiry in the past", { expirationDateTime: inHours(-1) }],
    ["an expiry beyond 10,080 minutes", { expirationDateTime: inHours(24 * 7 + 1) }],
    ["resource data without a certificate", { includeResourceData: true }],
    ["a property subscriptions do not have", { childName: "x" }],
    ["a resource other than a mailbox's events", { resource: "/users/a@b.example/messages" }],
    ["/me, which means nothing to an app", { resource: "/me/events" }],
  ])("refuses %s", async (_what, change) => {
    const body: Record<string, unknown> = subscription(change);
    for (const key of Object.keys(body)) if (body[key] === undefined) delete body[key];
    const refused = await call("POST", "/subscriptions", body);
    expect(refused.status).toBe(400);
    expect(graph.state.subscriptions.size).toBe(0);
  });

  it("raises an expiry under 45 minutes to 45 minutes", async () => {
    const before = Date.now();
    const made = await call(
      "POST",
      "/subscriptions",
      subscription({ expirationDateTime: inHours(0.1) }),
    );
    const minutes = (Date.parse(made.body.expirationDateTime) - before) / 60_000;
    expect(minutes).toBeGreaterThanOrEqual(45);
    expect(minutes).toBeLessThan(46);
  });

  it("checks the notificationUrl with a validationToken when told to", async () => {
    const tokens: string[] = [];
    graph.validateNotificationUrlWith(async (_url, token) => {
      tokens.push(token);
      return token;
    });
    expect((await call("POST", "/subscriptions", subscription())).status).toBe(201);
    expect(tokens).toHaveLength(1);
    graph.validateNotificationUrlWith(async () => undefined);
    const refused = await call("POST", "/subscriptions", subscription());
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("ValidationError");
    expect(graph.state.subscriptions.size).toBe(1);
  });

  it("notifies live 'updated' subscriptions on the event's mailbox when someone replies", async () => {
    const { body } = await call(
      "POST",
      `${ORG}/events`,
      event({
        attendees: [{ emailAddress: { address: "dana@police.example" }, type: "required" }],
      }),
    );
    const mine = await call("POST", "/subscriptions", subscription());
    await call("POST", "/subscriptions", subscription({ changeType: "created,deleted" }));
    await call(
      "POST",
      "/subscriptions",
      subscription({ resource: "/users/someone.else@council.example/events" }),
    );
    const deliveries = graph.state.respond(body.id, "dana@police.example", "accepted");
    expect(deliveries).toHaveLength(1);
    expect(deliveries[0]?.body.value[0]).toMatchObject({
      subscriptionId: mine.body.id,
      clientState: "secret-state",
      changeType: "updated",
      resource: `Users/conferences@council.example/Events/${body.id}`,
      resourceData: { "@odata.type": "#Microsoft.Graph.Event", id: body.id },
    });
  });
});
