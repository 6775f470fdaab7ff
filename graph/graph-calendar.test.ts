import type { CalendarConfig } from "../app/config";
import { CalendarError, REQUIRED_LOBBY_SETTINGS } from "../ports/calendar";
import {
  ORGANIZER,
  SAMPLE_CHILD,
  SAMPLE_CHILD_NAME,
  draftFor,
  familyInvitations,
  sampleCase,
} from "../test/local-graph/booking-fixture";
import { RecordingLogger } from "../test/local-graph/recording-logger";
import { StaticTokenCredential, startLocalGraph, type LocalGraph } from "../test/local-graph";
import { createCalendar, type CalendarDeps, type ClosableCalendar } from "./create-calendar";

const TOKEN = "local-test-token";
const CLOCK = () => new Date("2026-12-01T09:00:00.000Z");

let graph: LocalGraph;
let calendar: ClosableCalendar;
let logger: RecordingLogger;
let slept: number[];

function graphConfig(g: LocalGraph): CalendarConfig {
  return {
    kind: "graph",
    tenantId: g.tenantId,
    clientId: g.clientId,
    credential: { kind: "secret", clientSecret: "unused-with-an-injected-credential" },
    baseUrl: g.baseUrl,
    organizer: ORGANIZER,
  };
}

function makeCalendar(extra: Partial<CalendarDeps> = {}): ClosableCalendar {
  return createCalendar(graphConfig(graph), {
    logger,
    credential: new StaticTokenCredential(TOKEN),
    ca: graph.ca,
    clock: CLOCK,
    sleep: async (ms) => {
      slept.push(ms);
    },
    random: () => 0.5,
    email: { settleMs: 5_000 },
    ...extra,
  });
}

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN] });
});
afterAll(async () => {
  await graph.close();
});
beforeEach(() => {
  graph.reset();
  logger = new RecordingLogger();
  slept = [];
  calendar = makeCalendar();
});
afterEach(() => calendar.close());

const ops = () =>
  graph.calls.map((c) => `${c.method} ${c.path.replace(/\/users\/[^/]+/, "/users/{o}")}`);

async function book(n = 1) {
  const c = sampleCase(n);
  const draft = draftFor(c, n);
  const conference = await calendar.createConference(draft);
  const results = await calendar.sendEmails(ORGANIZER, familyInvitations(c, draft, conference));
  return { c, draft, conference, results };
}

describe("booking an ICPC (12 professionals, 3 family members)", () => {
  it("takes 5 Graph requests: event, meeting look-up, settings, read-back, one batch", async () => {
    const { conference, results } = await book();
    expect(graph.calls).toHaveLength(5);
    expect(ops()).toEqual([
      "POST /users/{o}/events",
      "GET /users/{o}/onlineMeetings",
      "PATCH /users/{o}/onlineMeetings/" + conference.onlineMeetingId,
      "GET /users/{o}/onlineMeetings/" + conference.onlineMeetingId,
      "POST /$batch",
    ]);
    expect(results.map((r) => r.outcome)).toEqual(["done", "done", "done"]);
    expect(conference.joinWebUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect(conference.dialIn).toEqual({
      tollNumber: "+44 20 7946 0000",
      conferenceId: expect.any(String),
    });
  });

  it("creates a Teams event with its transactionId, in Europe/London time, professionals only", async () => {
    const { draft } = await book();
    const create = graph.calls[0];
    expect(create?.body).toMatchObject({
      subject: "ICPC – case C-1001",
      transactionId: draft.transactionId,
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      start: { dateTime: "2027-01-08T10:00:00", timeZone: "Europe/London" },
      end: { dateTime: "2027-01-08T12:00:00", timeZone: "Europe/London" },
    });
    const attendees = (create?.body as { attendees: { emailAddress: { address: string } }[] })
      .attendees;
    expect(attendees).toHaveLength(12);
    expect(attendees.some((a) => a.emailAddress.address.includes("family.example"))).toBe(false);
  });

  it("keeps summer bookings at their local time (BST)", async () => {
    const c = sampleCase(2);
    const draft = {
      ...draftFor(c, 2),
      start: new Date("2027-06-10T09:00:00.000Z"),
      end: new Date("2027-06-10T11:00:00.000Z"),
    };
    await calendar.createConference(draft);
    expect(graph.calls[0]?.body).toMatchObject({
      start: { dateTime: "2027-06-10T10:00:00", timeZone: "Europe/London" },
    });
  });

  it("locks the meeting (Leicestershire) with Prefer: include-unknown-enum-members, and reads it back", async () => {
    const { conference } = await book();
    const meeting = graph.state.meetings.get(conference.onlineMeetingId);
    expect(meeting?.settings).toEqual({
      lobbyBypassSettings: { scope: "organizationExcludingGuests", isDialInBypassEnabled: false },
      allowedLobbyAdmitters: "organizerAndCoOrganizers",
      allowMeetingChat: "disabled",
      allowRecording: false,
      allowTranscription: false,
      allowedPresenters: "organizer",
      isEntryExitAnnounced: true,
      recordAutomatically: false,
    });
    expect(conference.settings).toEqual(REQUIRED_LOBBY_SETTINGS);
    // The chair co-organises: the only one besides the (unattended) organiser mailbox who can admit.
    expect(conference.coOrganizers).toEqual(["professional1.case1@agency.example"]);
    expect(graph.state.lobbyAdmittersOf(conference.onlineMeetingId).people).toContain(
      "professional1.case1@agency.example",
    );
    for (const call of graph.calls.slice(1, 4)) {
      expect(call.headers["prefer"]).toBe("include-unknown-enum-members");
    }
    // The read-back is a GET of its own, after the PATCH.
    expect(graph.calls[3]?.method).toBe("GET");
  });

  it("invites each family member by an individual email: one To, no Cc, in one batch", async () => {
    await book();
    const batch = graph.calls[4];
    expect(batch?.parts).toHaveLength(3);
    expect(graph.state.sentMail).toHaveLength(3);
    for (const mail of graph.state.sentMail) {
      expect(mail.to).toHaveLength(1);
      expect(mail.cc).toHaveLength(0);
    }
    expect(graph.state.sentMail.map((m) => m.to[0]).sort()).toEqual([
      "advocate.case1@law.example",
      "parent1.case1@family.example",
      "parent2.case1@family.example",
    ]);
    expect(graph.state.sentMail.map((m) => m.conveneId).sort()).toEqual([
      "meeting-C-1001-1:invite:advocate",
      "meeting-C-1001-1:invite:parent-1",
      "meeting-C-1001-1:invite:parent-2",
    ]);
  });

  it("asks Entra ID for Graph's .default scope only", async () => {
    const credential = new StaticTokenCredential(TOKEN);
    calendar.close();
    calendar = makeCalendar({ credential });
    await book();
    expect(
      credential.scopesAsked.flat().every((s) => s === "https://graph.microsoft.com/.default"),
    ).toBe(true);
  });
});

describe("the lock must hold (Leicestershire): loud failure otherwise", () => {
  it("fails with Calendar.LobbyNotLocked when the PATCH does not take chat off", async () => {
    graph.forget("allowMeetingChat", "patch");
    const draft = draftFor(sampleCase(3), 3);
    const error = await calendar.createConference(draft).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).code).toBe("Calendar.LobbyNotLocked");
    expect((error as CalendarError).outcome).toBe("rejected");
    expect((error as CalendarError).message).toContain("allowMeetingChat");
    // Failed on the PATCH's own answer: no read-back was needed to know.
    expect(graph.calls).toHaveLength(3);
    expect(
      logger.lines.some((l) => l.level === "error" && l.msg === "meeting settings did not hold"),
    ).toBe(true);
  });

  it("fails when the lobby scope answers right but does not stick (seen only by the read-back)", async () => {
    graph.forget("lobbyBypassSettings", "read-back");
    const error = await calendar
      .createConference(draftFor(sampleCase(4), 4))
      .catch((e: unknown) => e);
    expect((error as CalendarError).code).toBe("Calendar.LobbyNotLocked");
    expect((error as CalendarError).message).toContain("lobbyScope");
    expect((error as CalendarError).message).toContain("read-back");
    expect(graph.calls).toHaveLength(4);
  });

  it("a retry of the same booking re-locks the same event instead of making a second one", async () => {
    graph.forget("allowRecording", "patch");
    const draft = draftFor(sampleCase(5), 5);
    await expect(calendar.createConference(draft)).rejects.toThrow(CalendarError);
    graph.reset(); // the tenant policy is fixed; the state is gone too, so re-create it:
    const first = await calendar.createConference(draft);
    const second = await calendar.createConference(draft);
    expect(second.eventId).toBe(first.eventId);
    expect(graph.state.events.size).toBe(1);
  });
});

describe("privacy: no child's name leaves Convene", () => {
  it("is in no request URL or body, and in no log line", async () => {
    const { conference, draft } = await book(7);
    await calendar.reschedule(
      ORGANIZER,
      conference,
      new Date("2027-01-20T10:00:00Z"),
      new Date("2027-01-20T12:00:00Z"),
      { attendees: draft.attendees, roles: draft.roles },
    );
    const wire = JSON.stringify(graph.calls);
    const logs = logger.text();
    for (const needle of [SAMPLE_CHILD_NAME, SAMPLE_CHILD.firstName, SAMPLE_CHILD.lastName]) {
      expect(wire).not.toContain(needle);
      expect(logs).not.toContain(needle);
    }
    // Logs carry ids and codes, never an email address.
    expect(logs).not.toMatch(/@(agency|family|law|council)\.example/);
  });
});
