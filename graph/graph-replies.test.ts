import { CalendarError } from "../ports/calendar";
import { ORGANIZER } from "../test/local-graph/booking-fixture";
import { TEST_NOW, graphCalendarFor } from "../test/local-graph/harness";
import { replyInPattern, seedMeetings } from "../test/local-graph/replies-fixture";
import { startLocalGraph, type LocalGraph, type RecordedCall } from "../test/local-graph";
import type { ClosableCalendar } from "./create-calendar";
import { DEFAULT_RETRY_POLICY } from "./retry-policy";

/**
 * The replies port over Graph (Outlook replies and the quoracy forecast), against the local Graph: each
 * event's attendees read 20 events per $batch, Graph's responses mapped,
 * gone events left out, throttled and failed parts asked again; and the
 * subscription to the organiser's events.
 */
const TOKEN = "replies-test-token";
const MINUTE = 60_000;
const NOTIFY_URL = "https://convene.council.example/api/graph/notifications";
let graph: LocalGraph;
let calendar: ClosableCalendar;
let slept: number[];

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN], now: () => TEST_NOW });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => {
  graph.reset();
  slept = [];
  calendar = graphCalendarFor(graph, TOKEN, { slept });
});
afterEach(() => calendar.close());

async function failure(promise: Promise<unknown>): Promise<CalendarError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error("expected a CalendarError");
}

const partsOf = (call: RecordedCall | undefined) => call?.parts ?? [];

describe("attendeeReplies", () => {
  it("reads 200 events' replies in 10 requests of 20 GETs, within Outlook's concurrency", async () => {
    const ids = seedMeetings(graph.state, 200);
    const expected = replyInPattern(graph.state, ids);

    const replies = await calendar.attendeeReplies(ORGANIZER, ids);

    expect(graph.calls).toHaveLength(10);
    for (const call of graph.calls) {
      expect(`${call.method} ${call.path} ${call.status}`).toBe("POST /$batch 200");
      expect(partsOf(call)).toHaveLength(20);
      for (const part of partsOf(call)) {
        expect(part.method).toBe("GET");
        expect(part.path).toMatch(/^\/users\/conferences%40council\.example\/events\/AAMkAG/);
        expect(part.query).toBe("?$select=attendees");
        expect(part.status).toBe(200);
      }
    }
    expect(replies.size).toBe(200);
    expect(new Map([...replies].map(([id, r]) => [id, r]))).toEqual(expected);
    expect(graph.concurrencyRefusals).toBe(0);
    expect(Math.max(...graph.peakConcurrency.values())).toBeLessThanOrEqual(4);
    expect(slept).toEqual([]);
  });

  it("maps every Graph response to accepted, tentative, declined or none", async () => {
    const [id] = seedMeetings(graph.state, 1) as [string];
    const people = (graph.state.events.get(id)?.payload.attendees ?? []).map(
      (a) => a.emailAddress.address,
    );
    graph.state.respond(id, people[0] as string, "accepted");
    graph.state.respond(id, people[1] as string, "tentativelyAccepted");
    graph.state.respond(id, people[2] as string, "declined");
    graph.state.respond(id, people[3] as string, "accepted");
    graph.state.respond(id, people[3] as string, "none"); // taken back
    // Values the organiser's copy can show although nobody replied.
    const event = graph.state.events.get(id);
    event?.replies.set((people[4] as string).toLowerCase(), {
      response: "notResponded",
      time: TEST_NOW,
    });
    event?.replies.set((people[5] as string).toLowerCase(), {
      response: "organizer",
      time: TEST_NOW,
    });

    const replies = (await calendar.attendeeReplies(ORGANIZER, [id])).get(id);
    expect(replies?.slice(0, 7)).toEqual([
      { email: people[0], reply: "accepted" },
      { email: people[1], reply: "tentative" },
      { email: people[2], reply: "declined" },
      { email: people[3], reply: "none" },
      { email: people[4], reply: "none" },
      { email: people[5], reply: "none" },
      { email: people[6], reply: "none" },
    ]);
    expect(replies).toHaveLength(12);
  });

  it("leaves out an event that is gone (404 part), and asks once for an id given twice", async () => {
    const ids = seedMeetings(graph.state, 3);
    const cancelled = graph.state.events.get(ids[1] as string);
    if (cancelled !== undefined) cancelled.cancelled = true;

    const replies = await calendar.attendeeReplies(ORGANIZER, [
      ...ids,
      "AAMkAGnever-existed",
      ids[0] as string,
    ]);

    expect([...replies.keys()]).toEqual([ids[0], ids[2]]);
    expect(graph.calls).toHaveLength(1);
    expect(partsOf(graph.calls[0]).map((p) => p.status)).toEqual([200, 404, 200, 404]);
    expect(slept).toEqual([]);
  });

  it("asks again for the parts Graph throttled (429) or could not serve (503)", async () => {
    const ids = seedMeetings(graph.state, 40);
    graph.faults.nextParts(3, "throttle");
    graph.faults.nextParts(2, "unavailable");

    const replies = await calendar.attendeeReplies(ORGANIZER, ids);

    expect(replies.size).toBe(40);
    expect(graph.calls).toHaveLength(3); // two batches, then one of the five refused parts
    const firstRound = graph.calls.slice(0, 2).flatMap(partsOf);
    expect(firstRound.filter((p) => p.fault === "throttle")).toHaveLength(3);
    expect(firstRound.filter((p) => p.fault === "unavailable")).toHaveLength(2);
    expect(partsOf(graph.calls[2]).map((p) => p.status)).toEqual([200, 200, 200, 200, 200]);
    expect(slept).toEqual([1000]); // the parts' Retry-After, honoured once for the round
  });

  it("asks again when the whole batch is throttled", async () => {
    const ids = seedMeetings(graph.state, 5);
    graph.faults.next(1, "throttle");
    const replies = await calendar.attendeeReplies(ORGANIZER, ids);
    expect(replies.size).toBe(5);
    expect(graph.calls.map((c) => c.status)).toEqual([429, 200]);
    expect(slept).toEqual([1000]);
  });

  it("asks again when the answer is lost (a read is safe to repeat)", async () => {
    const ids = seedMeetings(graph.state, 5);
    graph.faults.next(1, "drop-after");
    const replies = await calendar.attendeeReplies(ORGANIZER, ids);
    expect(replies.size).toBe(5);
    expect(graph.calls).toHaveLength(2);
  });

  it("fails `throttled` rather than answer without an event it could not read", async () => {
    const ids = seedMeetings(graph.state, 3);
    graph.faults.nextParts(100, "throttle", (r) => r.path.includes(ids[1] as string));
    const error = await failure(calendar.attendeeReplies(ORGANIZER, ids));
    expect(error.outcome).toBe("throttled");
    expect(error.httpStatus).toBe(429);
    expect(error.retryAfterMs).toBe(1000);
    expect(graph.calls).toHaveLength(DEFAULT_RETRY_POLICY.maxAttempts);
    expect(graph.calls.slice(1).map((c) => partsOf(c).length)).toEqual([1, 1, 1]);
  });

  it("refuses a bad organiser before any request, and asks nothing for no events", async () => {
    const error = await failure(calendar.attendeeReplies("not an address", ["AAMk1"]));
    expect(error.code).toBe("Calendar.InvalidInput");
    expect(await calendar.attendeeReplies(ORGANIZER, [])).toEqual(new Map());
    expect(graph.calls).toHaveLength(0);
  });
});

describe("subscribeToEvents", () => {
  const days = (n: number) => new Date(TEST_NOW.getTime() + n * 24 * 60 * MINUTE);

  it("posts 'updated' on the organiser's events with the clientState; Graph accepts it", async () => {
    const subscription = await calendar.subscribeToEvents(
      ORGANIZER,
      NOTIFY_URL,
      "client-state-1",
      days(2),
    );

    expect(graph.calls).toHaveLength(1);
    const call = graph.calls[0] as RecordedCall;
    expect(`${call.method} ${call.path} ${call.status}`).toBe("POST /subscriptions 201");
    expect(call.body).toEqual({
      changeType: "updated",
      notificationUrl: NOTIFY_URL,
      resource: "/users/conferences@council.example/events",
      expirationDateTime: days(2).toISOString(),
      clientState: "client-state-1",
    });
    expect(subscription).toEqual({ id: expect.any(String), expiresAt: days(2) });
    const stored = graph.state.subscriptions.get(subscription.id);
    expect(stored).toMatchObject({ mailbox: ORGANIZER, changeTypes: ["updated"] });
  });

  it("asks for no more than Graph's 7 days, and answers Graph's own expiry", async () => {
    const long = await calendar.subscribeToEvents(ORGANIZER, NOTIFY_URL, "s", days(30));
    expect(long.expiresAt.getTime() - TEST_NOW.getTime()).toBe(10_070 * MINUTE);
    // Graph raises anything under 45 minutes to 45 minutes.
    const short = await calendar.subscribeToEvents(
      ORGANIZER,
      NOTIFY_URL,
      "s",
      new Date(TEST_NOW.getTime() + 10 * MINUTE),
    );
    expect(short.expiresAt.getTime() - TEST_NOW.getTime()).toBe(45 * MINUTE);
    expect(graph.calls.map((c) => c.status)).toEqual([201, 201]);
  });

  it("refuses, before any request, what Graph would refuse", async () => {
    const cases: [string, string, string, Date][] = [
      [ORGANIZER, "http://convene.council.example/hook", "s", days(1)],
      [ORGANIZER, "not a url", "s", days(1)],
      [ORGANIZER, NOTIFY_URL, "", days(1)],
      [ORGANIZER, NOTIFY_URL, "x".repeat(129), days(1)],
      [ORGANIZER, NOTIFY_URL, "s", days(-1)],
      [ORGANIZER, NOTIFY_URL, "s", new Date(Number.NaN)],
      ["nobody", NOTIFY_URL, "s", days(1)],
    ];
    for (const [organizer, url, state, at] of cases) {
      const error = await failure(calendar.subscribeToEvents(organizer, url, state, at));
      expect(error.code).toBe("Calendar.InvalidInput");
    }
    expect(graph.calls).toHaveLength(0);
  });

  it("is refused (not retried) when the endpoint does not echo Graph's validationToken", async () => {
    graph.validateNotificationUrlWith(async () => "something else");
    const error = await failure(calendar.subscribeToEvents(ORGANIZER, NOTIFY_URL, "s", days(1)));
    expect(error.outcome).toBe("rejected");
    expect(error.httpStatus).toBe(400);
    expect(graph.calls).toHaveLength(1);
    expect(graph.state.subscriptions.size).toBe(0);

    const seen: string[] = [];
    graph.validateNotificationUrlWith(async (url, token) => {
      seen.push(url);
      return token;
    });
    await calendar.subscribeToEvents(ORGANIZER, NOTIFY_URL, "s", days(1));
    expect(seen).toEqual([NOTIFY_URL]);
    expect(graph.state.subscriptions.size).toBe(1);
  });

  it("is retried when Graph is throttling", async () => {
    graph.faults.next(1, "throttle");
    const subscription = await calendar.subscribeToEvents(ORGANIZER, NOTIFY_URL, "s", days(1));
    expect(graph.calls.map((c) => c.status)).toEqual([429, 201]);
    expect(graph.state.subscriptions.has(subscription.id)).toBe(true);
  });

  it("leads to a change notification carrying the clientState when someone replies", async () => {
    const [id] = seedMeetings(graph.state, 1) as [string];
    const subscription = await calendar.subscribeToEvents(ORGANIZER, NOTIFY_URL, "cs-9", days(3));
    const person = graph.state.events.get(id)?.payload.attendees?.[0]?.emailAddress.address;
    const deliveries = graph.state.respond(id, person as string, "declined");
    expect(deliveries).toEqual([
      {
        notificationUrl: NOTIFY_URL,
        body: {
          value: [
            expect.objectContaining({
              subscriptionId: subscription.id,
              clientState: "cs-9",
              changeType: "updated",
              resource: `Users/${ORGANIZER}/Events/${id}`,
              resourceData: expect.objectContaining({ id }),
            }),
          ],
        },
      },
    ]);
    expect(graph.state.notifications).toEqual(deliveries);
  });
});
