import { CalendarError, type Email } from "../ports/calendar";
import {
  ORGANIZER,
  draftFor,
  familyInvitations,
  sampleCase,
} from "../test/local-graph/booking-fixture";
import { graphCalendarFor } from "../test/local-graph/harness";
import { startLocalGraph, type LocalGraph } from "../test/local-graph";
import type { ClosableCalendar } from "./create-calendar";
import { Limiter } from "./limiter";

const TOKEN = "ops-test-token";
let graph: LocalGraph;
let calendar: ClosableCalendar;
let slept: number[];

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN] });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => {
  graph.reset();
  slept = [];
  calendar = graphCalendarFor(graph, TOKEN, { slept, email: { settleMs: 5_000 } });
});
afterEach(() => calendar.close());

async function created(n = 1) {
  const c = sampleCase(n);
  const draft = draftFor(c, n);
  const conference = await calendar.createConference(draft);
  graph.calls.length = 0;
  return { c, draft, conference };
}

async function failure(promise: Promise<unknown>): Promise<CalendarError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CalendarError) return error;
    throw error;
  }
  throw new Error("expected a CalendarError");
}

function emails(count: number, prefix = "m1"): Email[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `${prefix}:invite:p${i}`,
    to: { email: `person${i}@family.example`, name: `Person ${i}` },
    subject: "Invitation: child protection conference",
    bodyText: "You are invited.",
  }));
}

/** The methods of the parts each recorded $batch carried, as sent. */
function batchParts(): string[] {
  return graph.calls.map((c) =>
    (c.body as { requests: { method: string }[] }).requests.map((r) => r.method).join(","),
  );
}

/** A change that names nobody special: no co-organisers, no room. */
const NOBODY = { attendees: [], roles: {} };

describe("changing and cancelling a conference", () => {
  it("setAttendees PATCHes attendees only, never the body", async () => {
    const { conference } = await created();
    await calendar.setAttendees(ORGANIZER, conference, {
      attendees: [{ email: "new.professional@agency.example", name: "New Professional" }],
      roles: {},
    });
    // The event's attendees, then the meeting's participants (roles), then the read-back.
    expect(graph.calls.map((c) => c.method)).toEqual(["PATCH", "PATCH", "GET"]);
    expect(Object.keys(graph.calls[0]?.body as object)).toEqual(["attendees"]);
    expect(Object.keys(graph.calls[1]?.body as object)).toEqual(["participants"]);
    expect(graph.state.events.get(conference.eventId)?.payload.attendees).toHaveLength(1);
  });

  it("reschedule PATCHes start and end only, in Europe/London time", async () => {
    const { conference } = await created();
    await calendar.reschedule(
      ORGANIZER,
      conference,
      new Date("2027-04-01T09:30:00.000Z"),
      new Date("2027-04-01T11:30:00.000Z"),
      NOBODY,
    );
    expect(graph.calls[0]?.body).toEqual({
      start: { dateTime: "2027-04-01T10:30:00", timeZone: "Europe/London" },
      end: { dateTime: "2027-04-01T12:30:00", timeZone: "Europe/London" },
    });
    expect(graph.state.events.get(conference.eventId)?.changes).toBeGreaterThanOrEqual(1);
  });

  it("cancel POSTs /cancel with the message; the event is then gone", async () => {
    const { conference } = await created();
    await calendar.cancel(ORGANIZER, conference.eventId, "The conference has been stood down.");
    expect(graph.calls[0]?.path).toMatch(/\/events\/[^/]+\/cancel$/);
    expect(graph.calls[0]?.body).toEqual({ comment: "The conference has been stood down." });
    expect(graph.state.events.get(conference.eventId)?.cancelled).toBe(true);
    const error = await failure(calendar.setAttendees(ORGANIZER, conference, NOBODY));
    expect(error.outcome).toBe("gone");
    expect(error.httpStatus).toBe(404);
  });

  it("a cancel whose answer was lost, retried, is done (its 404 means the first one worked)", async () => {
    const { conference } = await created();
    graph.faults.next(1, "drop-after");
    await expect(
      calendar.cancel(ORGANIZER, conference.eventId, "Stood down."),
    ).resolves.toBeUndefined();
    expect(graph.calls.map((c) => c.status)).toEqual([undefined, 404]);
  });

  it("refuses an end before the start without calling Graph", async () => {
    const { conference } = await created();
    const error = await failure(
      calendar.reschedule(
        ORGANIZER,
        conference,
        new Date("2027-04-01T12:00:00Z"),
        new Date("2027-04-01T11:00:00Z"),
        NOBODY,
      ),
    );
    expect(error.code).toBe("Calendar.InvalidInput");
    expect(graph.calls).toHaveLength(0);
  });
});

describe("reading an event that already exists", () => {
  it("answers its times in UTC (asked for with Prefer), its attendees and its Teams meeting", async () => {
    const { draft, conference } = await created(3);
    const event = await calendar.getEvent(ORGANIZER, conference.eventId);
    expect(event).toEqual({
      eventId: conference.eventId,
      start: draft.start,
      end: draft.end,
      attendees: draft.attendees.map((a) => ({ ...a, type: "required" })),
      onlineMeetingId: conference.onlineMeetingId,
      joinWebUrl: conference.joinWebUrl,
    });
    expect(draft.attendees.length).toBeGreaterThan(0);
    const get = graph.calls.find((c) => c.method === "GET" && c.path.includes("/events/"));
    expect(get?.headers.prefer).toBe('outlook.timezone="UTC"');
    expect(graph.calls.map((c) => c.method)).not.toContain("POST");
  });

  it("leaves the room (a resource attendee) out of the attendees", async () => {
    graph.state.rooms.add({ emailAddress: "room-1@council.example", displayName: "Room 1" });
    const c = sampleCase(5);
    const conference = await calendar.createConference({
      ...draftFor(c, 5),
      room: { email: "room-1@council.example", name: "Room 1" },
      location: "Room 1",
    });
    const event = await calendar.getEvent(ORGANIZER, conference.eventId);
    const addresses = event?.attendees.map((a) => a.email.toLowerCase()) ?? [];
    expect(addresses).not.toContain("room-1@council.example");
    expect(addresses).toEqual(c.professionals.map((p) => p.email.toLowerCase()));
  });

  it("answers undefined for an event that is not there or was cancelled", async () => {
    const { conference } = await created(4);
    expect(await calendar.getEvent(ORGANIZER, "AAMkAGI2-not-an-event")).toBeUndefined();
    await calendar.cancel(ORGANIZER, conference.eventId, "Stood down");
    expect(await calendar.getEvent(ORGANIZER, conference.eventId)).toBeUndefined();
  });
});

describe("locking a Teams meeting Convene did not create (a linked event)", () => {
  /** A meeting as its maker left it: lobby open to everyone, chat on. */
  async function opened(n: number) {
    const { c, conference } = await created(n);
    const meeting = graph.state.meetings.get(conference.onlineMeetingId)!;
    meeting.settings = {
      ...meeting.settings,
      lobbyBypassSettings: { scope: "everyone", isDialInBypassEnabled: true },
      allowMeetingChat: "enabled",
      allowRecording: true,
    };
    meeting.participants = meeting.participants.map((p) => ({ ...p, role: "attendee" }));
    return { c, conference, meeting };
  }

  it("PATCHes the settings and the participants in one request, reads them back and keeps everyone", async () => {
    const { c, conference, meeting } = await opened(6);
    const chair = c.professionals[0]!;
    const clerk = { email: "clerk@council.example", name: "Clerk" };
    const everyone = [...c.professionals, clerk];
    const coOrganizers = await calendar.lockConference(
      ORGANIZER,
      conference,
      { attendees: everyone, roles: { chair, clerk } },
      false,
    );
    expect(coOrganizers.sort()).toEqual(
      [chair.email, clerk.email].map((e) => e.toLowerCase()).sort(),
    );
    expect(graph.calls.map((c) => `${c.method} ${c.status}`)).toEqual(["PATCH 200", "GET 200"]);
    expect(Object.keys(graph.calls[0]?.body as object)).toEqual(
      expect.arrayContaining(["lobbyBypassSettings", "allowMeetingChat", "participants"]),
    );
    expect(meeting.settings.lobbyBypassSettings).toEqual({
      scope: "organizationExcludingGuests",
      isDialInBypassEnabled: false,
    });
    expect([meeting.settings.allowMeetingChat, meeting.settings.allowRecording]).toEqual([
      "disabled",
      false,
    ]);
    expect(meeting.participants.map((p) => p.upn).sort()).toEqual(
      everyone.map((p) => p.email.toLowerCase()).sort(),
    );
    // The event itself is not touched: nobody is sent an update.
    expect(graph.calls.some((c) => c.path.includes("/events/"))).toBe(false);
  });

  it("records recording on when the chair agreed it", async () => {
    const { c, conference, meeting } = await opened(7);
    await calendar.lockConference(
      ORGANIZER,
      conference,
      { attendees: c.professionals, roles: { chair: c.professionals[0]! } },
      true,
    );
    expect([meeting.settings.allowRecording, meeting.settings.recordAutomatically]).toEqual([
      true,
      true,
    ]);
  });

  it("fails loudly when a setting does not hold after the PATCH", async () => {
    const { c, conference } = await opened(8);
    graph.forget("allowMeetingChat", "read-back");
    const error = await failure(
      calendar.lockConference(
        ORGANIZER,
        conference,
        { attendees: c.professionals, roles: { chair: c.professionals[0]! } },
        false,
      ),
    );
    expect(error.code).toBe("Calendar.LobbyNotLocked");
    expect(error.message).toContain("allowMeetingChat");
  });

  it("is refused (403, rejected) without OnlineMeetings.ReadWrite.All", async () => {
    const { c, conference, meeting } = await opened(9);
    graph.permissions.revoke("OnlineMeetings.ReadWrite.All");
    const error = await failure(
      calendar.lockConference(
        ORGANIZER,
        conference,
        { attendees: c.professionals, roles: { chair: c.professionals[0]! } },
        false,
      ),
    );
    expect([error.outcome, error.httpStatus]).toEqual(["rejected", 403]);
    expect(meeting.settings.lobbyBypassSettings.scope).toBe("everyone");
  });
});

describe("throttling and faults", () => {
  it("honours Retry-After on a 429 and carries on", async () => {
    graph.faults.next(1, "throttle");
    await calendar.createConference(draftFor(sampleCase(1), 1));
    expect(slept).toContain(1000);
    expect(graph.calls.map((c) => c.status)).toEqual([429, 201, 200, 200, 200]);
  });

  it("hands a Retry-After longer than it will sleep back to the caller as `throttled`", async () => {
    const { conference } = await created();
    graph.faults.retryAfterSeconds = 120;
    graph.faults.next(1, "throttle");
    const error = await failure(calendar.setAttendees(ORGANIZER, conference, NOBODY));
    graph.faults.retryAfterSeconds = 1;
    expect(error.outcome).toBe("throttled");
    expect(error.retryAfterMs).toBe(120_000);
    expect(graph.calls).toHaveLength(1);
  });

  it("backs off on 503 and gives up as `failed` after its attempts", async () => {
    const { conference } = await created();
    graph.faults.next(10, "unavailable");
    const error = await failure(
      calendar.reschedule(
        ORGANIZER,
        conference,
        new Date("2027-02-01T10:00:00Z"),
        new Date("2027-02-01T11:00:00Z"),
        NOBODY,
      ),
    );
    expect(error.outcome).toBe("failed");
    expect(error.httpStatus).toBe(503);
    expect(graph.calls).toHaveLength(4);
    // Equal jitter with random() = 0.5: 3/4 of 500, 1000, 2000 ms.
    expect(slept).toEqual([375, 750, 1500]);
  });

  it("a dropped POST /events is retried with the same transactionId: one event", async () => {
    graph.faults.next(1, "drop-after", (r) => r.method === "POST" && r.path.endsWith("/events"));
    await calendar.createConference(draftFor(sampleCase(1), 1));
    expect(graph.calls.filter((c) => c.path.endsWith("/events"))).toHaveLength(2);
    expect(graph.state.events.size).toBe(1);
  });

  it("waits for a join link Graph has not provisioned yet", async () => {
    graph.delayJoinUrl(2);
    const conference = await calendar.createConference(draftFor(sampleCase(1), 1));
    expect(conference.joinWebUrl).toMatch(/^https:\/\/teams\.microsoft\.com\//);
    expect(graph.calls.filter((c) => c.method === "GET" && /\/events\//.test(c.path))).toHaveLength(
      2,
    );
  });

  it("a token Graph refuses is `rejected`, not retried", async () => {
    const stranger = graphCalendarFor(graph, "a-token-graph-never-issued");
    const error = await failure(stranger.createConference(draftFor(sampleCase(1), 1)));
    stranger.close();
    expect(error.outcome).toBe("rejected");
    expect(error.httpStatus).toBe(401);
    expect(graph.calls).toHaveLength(1);
  });
});

describe("emails", () => {
  it("sends 25 emails in two batches (20 + 5), one sendMail part each", async () => {
    const results = await calendar.sendEmails(ORGANIZER, emails(25));
    expect(results.every((r) => r.outcome === "done")).toBe(true);
    expect(graph.calls.map((c) => c.parts?.length).sort()).toEqual([20, 5].sort());
    expect(graph.state.sentMail).toHaveLength(25);
  });

  it("resends throttled parts after their Retry-After, never a part that answered 202", async () => {
    graph.faults.nextParts(2, "throttle");
    const results = await calendar.sendEmails(ORGANIZER, emails(3));
    expect(results.map((r) => r.outcome)).toEqual(["done", "done", "done"]);
    expect(graph.calls.map((c) => c.parts?.length)).toEqual([3, 2]);
    expect(slept).toEqual([1000]);
    expect(graph.state.sentMail).toHaveLength(3);
  });

  it("a batch whose answer was lost after Graph sent it is looked up, not resent", async () => {
    graph.faults.next(1, "drop-after", (r) => r.path === "/$batch");
    const results = await calendar.sendEmails(ORGANIZER, emails(3));
    expect(results.map((r) => r.outcome)).toEqual(["done", "done", "done"]);
    expect(graph.state.sentMail).toHaveLength(3);
    expect(batchParts()).toEqual(["POST,POST,POST", "GET,GET,GET"]);
    expect(graph.calls[1]?.parts?.[0]?.path).toMatch(/\/mailFolders\/sentitems\/messages$/);
    expect(slept).toEqual([5_000]); // settleMs: the Sent Items copy is written asynchronously
  });

  it("a batch dropped before Graph acted is looked up, found missing, and sent once", async () => {
    graph.faults.next(1, "drop-before", (r) => r.path === "/$batch");
    const results = await calendar.sendEmails(ORGANIZER, emails(3));
    expect(results.map((r) => r.outcome)).toEqual(["done", "done", "done"]);
    expect(batchParts()).toEqual(["POST,POST,POST", "GET,GET,GET", "POST,POST,POST"]);
    expect(graph.calls[0]?.status).toBeUndefined(); // dropped: no answer
    expect(graph.state.sentMail).toHaveLength(3);
  });

  it("a 503 part may have been sent: it is looked up before any resend", async () => {
    graph.faults.nextParts(1, "unavailable");
    await calendar.sendEmails(ORGANIZER, emails(2));
    expect(batchParts()).toEqual(["POST,POST", "GET", "POST"]);
    expect(graph.state.sentMail).toHaveLength(2);
  });

  it("`attempted` emails are looked up first: a sent one is reported done and not sent again", async () => {
    await calendar.sendEmails(ORGANIZER, emails(1));
    graph.calls.length = 0;
    const again = emails(2).map((e) => ({ ...e, attempted: true }));
    const results = await calendar.sendEmails(ORGANIZER, again);
    expect(results.map((r) => r.outcome)).toEqual(["done", "done"]);
    expect(graph.state.sentMail).toHaveLength(2); // p0 once, p1 once
    expect(batchParts()).toEqual(["GET,GET", "POST"]);
    expect(slept).toEqual([]); // nothing to settle: the earlier attempt is not from this call
  });

  it("copies staff on an escalation when asked, one To always", async () => {
    await calendar.sendEmails(ORGANIZER, [
      {
        id: "task-9:escalation",
        to: { email: "team.manager@council.example", name: "Team Manager" },
        cc: [{ email: "service.manager@council.example", name: "Service Manager" }],
        subject: "URGENT CLA/CP: invite list overdue",
        bodyText: "The invite list for case C-1001 is overdue.",
      },
    ]);
    expect(graph.state.sentMail[0]?.to).toEqual(["team.manager@council.example"]);
    expect(graph.state.sentMail[0]?.cc).toEqual(["service.manager@council.example"]);
  });

  const withCsv = (list: Email[], bytes: number): Email[] =>
    list.map((e, i) => ({
      ...e,
      attachments: [
        {
          name: `list.weekly-${i}.csv`,
          contentType: "text/csv; charset=utf-8",
          content: Buffer.alloc(bytes, 48 + (i % 10)),
        },
      ],
    }));

  it("sends a CSV attachment that arrives byte for byte", async () => {
    const [email] = withCsv(emails(1, "task-1"), 10_000);
    const results = await calendar.sendEmails(ORGANIZER, [email as Email]);
    expect(results[0]?.outcome).toBe("done");
    const [sent] = graph.state.sentMail;
    expect(sent?.attachments).toEqual([
      {
        name: "list.weekly-0.csv",
        contentType: "text/csv; charset=utf-8",
        content: email?.attachments?.[0]?.content,
      },
    ]);
  });

  it("keeps each batch under Graph's 4 MB: three emails with 1.6 MB files go in three batches", async () => {
    const results = await calendar.sendEmails(ORGANIZER, withCsv(emails(3), 1_600_000));
    expect(results.map((r) => r.outcome)).toEqual(["done", "done", "done"]);
    expect(graph.calls.map((c) => c.status)).toEqual([200, 200, 200]);
    expect(graph.state.sentMail).toHaveLength(3);
  });

  it("an email with an attachment whose answer was lost is found in Sent Items, not resent", async () => {
    graph.faults.next(1, "drop-after", (r) => r.path === "/$batch");
    const results = await calendar.sendEmails(ORGANIZER, withCsv(emails(2), 50_000));
    expect(results.map((r) => r.outcome)).toEqual(["done", "done"]);
    expect(batchParts()).toEqual(["POST,POST", "GET,GET"]);
    expect(graph.state.sentMail).toHaveLength(2);
    // And a later retry by the workflow (attempted) still sends nothing twice.
    graph.calls.length = 0;
    const again = withCsv(emails(2), 50_000).map((e) => ({ ...e, attempted: true }));
    await calendar.sendEmails(ORGANIZER, again);
    expect(batchParts()).toEqual(["GET,GET"]);
    expect(graph.state.sentMail).toHaveLength(2);
  });

  it("refuses attachments of 3 MB or more without calling Graph", async () => {
    const error = await failure(calendar.sendEmails(ORGANIZER, withCsv(emails(1), 3_000_000)));
    expect(error.code).toBe("Calendar.InvalidInput");
    expect(graph.calls).toHaveLength(0);
  });

  it("refuses two emails with one id (the id is what makes a retry send once)", async () => {
    const error = await failure(calendar.sendEmails(ORGANIZER, [...emails(1), ...emails(1)]));
    expect(error.code).toBe("Calendar.InvalidInput");
    expect(graph.calls).toHaveLength(0);
  });
});

describe("Outlook's 4 concurrent requests per mailbox", () => {
  function sixteenBookings(cal: ClosableCalendar): Promise<PromiseSettledResult<void>[]> {
    return Promise.allSettled(
      Array.from({ length: 16 }, async (_, i) => {
        const c = sampleCase(100 + i);
        const draft = draftFor(c, 100 + i);
        const conference = await cal.createConference(draft);
        await cal.sendEmails(ORGANIZER, familyInvitations(c, draft, conference));
      }),
    );
  }

  it("the limiter keeps in-flight requests at 4: no MailboxConcurrency refusals", async () => {
    graph.faults.latency(3, 6);
    const limiter = new Limiter(4);
    const limited = graphCalendarFor(graph, TOKEN, { limiter });
    const outcomes = await sixteenBookings(limited);
    limited.close();
    expect(outcomes.every((o) => o.status === "fulfilled")).toBe(true);
    expect(limiter.peakInUse).toBe(4);
    expect(graph.concurrencyRefusals).toBe(0);
    expect(graph.peakConcurrency.get(ORGANIZER)).toBeLessThanOrEqual(4);
    expect(graph.state.sentMail).toHaveLength(48);
  });

  it("without it (16 at once) Outlook would refuse some", async () => {
    graph.faults.latency(3, 6);
    const unlimited = graphCalendarFor(graph, TOKEN, { limiter: new Limiter(16) });
    await sixteenBookings(unlimited); // some may fail for good: that is the point
    unlimited.close();
    expect(graph.concurrencyRefusals).toBeGreaterThan(0);
  });
});

describe("free/busy", () => {
  it("reads busy slots per chair in UTC; a mailbox Graph cannot read is left out", async () => {
    await created(1); // professional1.case1 is an attendee: busy 8 Jan 10:00-12:00 London
    graph.state.busy.push({
      mailbox: "chair.two@council.example",
      start: new Date("2027-01-08T14:00:00.000Z"),
      end: new Date("2027-01-08T15:30:00.000Z"),
      status: "Tentative",
    });
    graph.state.unknownMailboxes.add("left@council.example");
    const busy = await calendar.freeBusy(
      ORGANIZER,
      ["Professional1.Case1@agency.example", "chair.two@council.example", "left@council.example"],
      new Date("2027-01-08T00:00:00.000Z"),
      new Date("2027-01-09T00:00:00.000Z"),
    );
    expect([...busy.keys()]).toEqual([
      "Professional1.Case1@agency.example",
      "chair.two@council.example",
    ]);
    expect(busy.get("Professional1.Case1@agency.example")).toEqual([
      {
        start: new Date("2027-01-08T10:00:00.000Z"),
        end: new Date("2027-01-08T12:00:00.000Z"),
        status: "busy",
      },
    ]);
    expect(busy.get("chair.two@council.example")?.[0]?.status).toBe("tentative");
    expect(graph.calls[0]?.headers["prefer"]).toBe('outlook.timezone="UTC"');
  });

  it("asks 20 mailboxes per call and refuses a range Graph would refuse", async () => {
    const many = Array.from({ length: 25 }, (_, i) => `chair${i}@council.example`);
    await calendar.freeBusy(
      ORGANIZER,
      many,
      new Date("2027-01-04T00:00:00Z"),
      new Date("2027-01-09T00:00:00Z"),
    );
    expect(graph.calls).toHaveLength(2);
    const error = await failure(
      calendar.freeBusy(
        ORGANIZER,
        many,
        new Date("2027-01-01T00:00:00Z"),
        new Date("2027-03-01T00:00:00Z"),
      ),
    );
    expect(error.code).toBe("Calendar.InvalidInput");
    expect(graph.calls).toHaveLength(2);
  });
});
