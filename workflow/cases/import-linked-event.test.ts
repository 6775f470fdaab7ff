import type { Case, Meeting } from "../../model";
import { bookMeeting } from "../booking/book-meeting";
import { chooseChair } from "../booking/choose-chair";
import { makeWorld, type World } from "../../test/scenario/world";
import { MILESTONES } from "../timeline/milestones";
import { importCases, type ImportRow } from "./import-cases";

/**
 * The go-live file links an RCPC already booked in Outlook: the event is
 * read through the calendar port (the Graph adapter against the local
 * Graph), the review is stored booked with that event and start, its tasks
 * are those of a review the clerk booked, and nothing asks Graph to create
 * an event, then or when the scheduler runs the booking's background half.
 * Fixed clock: Mon 11 Jan 2027 14:00 UTC; policy swindon.
 */
const SW = "sam.social@demo-council.example";
const TM = "tayo.manager@demo-council.example";
/** Wed 10 Feb 2027 10:00 in the UK (GMT in February). */
const BOOKED_START = "2027-02-10T10:00:00.000Z";
const BOOKED_END = "2027-02-10T11:30:00.000Z";

let world: World;
let eventId: string;

beforeAll(async () => {
  world = await makeWorld({ policy: "swindon", start: "2027-01-11T14:00:00.000Z" });
  // Booked by the clerks in the conferences mailbox before Convene went live.
  const made = await world.deps.calendar.createConference({
    meetingId: "before-go-live-1",
    transactionId: "before-go-live-1",
    organizer: world.deps.authority.organizer,
    subject: "RCPC – case LK-1",
    start: new Date(BOOKED_START),
    end: new Date(BOOKED_END),
    bodyText: "Review child protection conference.",
    attendees: [{ email: "chris.chair@demo-council.example", name: "Chris Chair" }],
    roles: { chair: { email: "chris.chair@demo-council.example", name: "Chris Chair" } },
  });
  eventId = made.eventId;
});
afterAll(() => world.close());

let line = 1;
const row = (ref: string, extra: Partial<ImportRow> = {}): ImportRow => ({
  line: ++line,
  case_reference: ref,
  child_id: `${ref}-A`,
  child_name: "Ada Example",
  dob: "2016-04-02",
  social_worker: SW,
  team_manager: TM,
  cp_plan_start: "2026-05-04",
  cp_plan_category: "neglect",
  last_conference_date: "2026-11-10",
  ...extra,
});
const booked = (ref: string, extra: Partial<ImportRow> = {}): ImportRow =>
  row(ref, {
    next_conference_date: "2027-02-10",
    next_conference_time: "10:00",
    outlook_event_id: eventId,
    ...extra,
  });

const meetingOf = async (ref: string): Promise<Meeting | undefined> =>
  (await world.store.meetingsOfCase(`case-${ref}`)).items[0];
const caseOf = async (ref: string): Promise<Case | undefined> =>
  world.store.get("case", `case-${ref}`, `case-${ref}`);
/** Events Graph was asked to create for the linked case LK-1 (its twin LK-2 is booked the usual way). */
const eventCreates = () =>
  world.graph!.calls.filter(
    (c) =>
      c.method === "POST" &&
      /\/events$/.test(c.path) &&
      JSON.stringify(c.body).includes("case-LK-1"),
  );

describe("a review already booked in Outlook", () => {
  it("is linked: stored booked with the event's id and start, planned as booked, no event created", async () => {
    world.graph!.calls.length = 0;
    const report = await importCases(world.deps, [booked("LK-1")], { dryRun: false });
    expect(report).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });

    const meeting = (await meetingOf("LK-1"))!;
    expect([meeting.kind, meeting.status, meeting.anchors]).toEqual([
      "RCPC",
      "booked",
      { previous: "2026-11-10" },
    ]);
    expect(meeting.outlookEventId).toBe(eventId);
    expect([meeting.start, meeting.end]).toEqual([BOOKED_START, BOOKED_END]);
    expect(meeting.onlineMeetingId).toBeDefined();
    expect(meeting.joinWebUrl).toMatch(/^https:\/\//);
    expect(meeting.milestones[MILESTONES.booked]?.by).toBe("system");
    // The event was read (GET), never created or changed.
    expect(eventCreates()).toEqual([]);
    expect(world.graph!.calls.map((c) => c.method)).not.toContain("PATCH");
    expect(world.graph!.calls.some((c) => c.method === "GET" && c.path.includes("/events/"))).toBe(
      true,
    );
    const audit = (await world.store.auditOfCase("case-LK-1")).items.map((a) => a.action);
    expect(audit).toEqual(
      expect.arrayContaining(["case.create", "meeting.request", "meeting.book"]),
    );
  });

  it("has the tasks of a review the clerk booked for the same time", async () => {
    // A twin: requested by the file, then booked as the clerk's booking does.
    await importCases(world.deps, [row("LK-2")], { dryRun: false });
    const twin = (await meetingOf("LK-2"))!;
    const kase = (await caseOf("LK-2"))!;
    await bookMeeting(world.deps, "system", kase, twin.id, {
      start: BOOKED_START,
      end: BOOKED_END,
      inPerson: false,
      chair: chooseChair(world.deps.authority, kase, twin),
    });
    const shape = async (ref: string) => {
      const m = (await meetingOf(ref))!;
      return (await world.store.openTasksOfMeeting(m.id)).items
        .filter((t) => t.taskType !== "conference.offer-booking")
        .map((t) => `${t.taskType} ${t.id.slice(m.id.length)} ${t.dueAt}`)
        .sort();
    };
    const linked = await shape("LK-1");
    expect(linked.some((t) => t.startsWith("meeting.create-event"))).toBe(true);
    expect(linked.filter((t) => !t.startsWith("meeting.create-event")).length).toBeGreaterThan(2);
    expect(linked).toEqual(await shape("LK-2"));
  });

  it("the booking's background half sends its cards but creates no event", async () => {
    world.graph!.calls.length = 0;
    await world.runDue();
    expect(eventCreates()).toEqual([]);
    // The same background task did create the twin's event: it ran.
    expect(
      world.graph!.calls.some(
        (c) => c.method === "POST" && JSON.stringify(c.body).includes("case-LK-2"),
      ),
    ).toBe(true);
    const meeting = (await meetingOf("LK-1"))!;
    expect(meeting.outlookEventId).toBe(eventId);
    expect(world.failed).toEqual([]);
  });

  it("a second run of the same file changes nothing", async () => {
    const before = await meetingOf("LK-1");
    const tasksBefore = (await world.store.openTasksOfMeeting(before!.id)).items.length;
    const report = await importCases(world.deps, [booked("LK-1")], { dryRun: false });
    expect(report).toEqual({ created: 0, updated: 0, unchanged: 1, errors: [] });
    const after = await meetingOf("LK-1");
    expect(after!.etag).toBe(before!.etag);
    expect((await world.store.openTasksOfMeeting(after!.id)).items).toHaveLength(tasksBefore);
    expect(eventCreates()).toEqual([]);
  });
});

describe("a review the file requested before, booked in Outlook since", () => {
  it("--dry-run says it would change and writes nothing; the run books it with the event", async () => {
    const made = await world.deps.calendar.createConference({
      meetingId: "before-go-live-3",
      transactionId: "before-go-live-3",
      organizer: world.deps.authority.organizer,
      subject: "RCPC – case LK-3",
      start: new Date("2027-02-12T14:30:00.000Z"),
      end: new Date("2027-02-12T16:00:00.000Z"),
      bodyText: "Review child protection conference.",
      attendees: [],
      roles: {},
    });
    expect(await importCases(world.deps, [row("LK-3")], { dryRun: false })).toMatchObject({
      created: 1,
    });
    const requested = (await meetingOf("LK-3"))!;
    expect(requested.status).toBe("requested");
    const rows = [
      booked("LK-3", {
        next_conference_date: "2027-02-12",
        next_conference_time: "14:30",
        outlook_event_id: made.eventId,
      }),
    ];
    world.graph!.calls.length = 0;
    expect(await importCases(world.deps, rows, { dryRun: true })).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      errors: [],
    });
    expect((await meetingOf("LK-3"))!.etag).toBe(requested.etag);
    expect(await importCases(world.deps, rows, { dryRun: false })).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      errors: [],
    });
    const linked = (await meetingOf("LK-3"))!;
    expect([linked.status, linked.outlookEventId, linked.start]).toEqual([
      "booked",
      made.eventId,
      "2027-02-12T14:30:00.000Z",
    ]);
    expect(world.graph!.calls.filter((c) => c.method !== "GET")).toEqual([]);
  });
});

describe("a row whose event cannot be linked is refused, and nothing is written", () => {
  it("an event id the organiser's calendar does not have", async () => {
    const rows = [row("NL-0"), booked("NL-1", { outlook_event_id: "AAMkAGI2-no-such-event" })];
    const report = await importCases(world.deps, rows, { dryRun: false });
    expect(report.errors).toEqual([
      {
        line: rows[1]!.line,
        error: expect.stringMatching(/^outlook_event_id: there is no such event in conferences@/),
      },
    ]);
    expect(await caseOf("NL-0")).toBeUndefined();
    expect(await caseOf("NL-1")).toBeUndefined();
  });

  it("an event that starts at another time than the file says", async () => {
    const rows = [booked("NL-2", { next_conference_time: "11:00" })];
    const report = await importCases(world.deps, rows, { dryRun: false });
    expect(report.errors).toEqual([
      {
        line: rows[0]!.line,
        error:
          "next_conference_date, next_conference_time: the Outlook event starts Wed 10 Feb 2027 10:00, not Wed 10 Feb 2027 11:00",
      },
    ]);
    expect(await caseOf("NL-2")).toBeUndefined();
  });

  it("a cancelled event", async () => {
    const made = await world.deps.calendar.createConference({
      meetingId: "before-go-live-2",
      transactionId: "before-go-live-2",
      organizer: world.deps.authority.organizer,
      subject: "RCPC – case NL-3",
      start: new Date("2027-02-11T10:00:00.000Z"),
      end: new Date("2027-02-11T11:00:00.000Z"),
      bodyText: "Review child protection conference.",
      attendees: [],
      roles: {},
    });
    await world.deps.calendar.cancel(world.deps.authority.organizer, made.eventId, "Cancelled");
    const rows = [
      booked("NL-3", { next_conference_date: "2027-02-11", outlook_event_id: made.eventId }),
    ];
    const report = await importCases(world.deps, rows, { dryRun: false });
    expect(report.errors.map((e) => e.error)).toEqual([
      expect.stringMatching(/^outlook_event_id: there is no such event/),
    ]);
    expect(await caseOf("NL-3")).toBeUndefined();
  });

  it("columns given in part, a date before the last conference, or no plan", async () => {
    const rows = [
      booked("NL-4", { outlook_event_id: "" }),
      booked("NL-5", { next_conference_date: "2026-10-01" }),
      booked("NL-6", { next_conference_time: "25:00" }),
      booked("NL-7", { last_conference_date: "", cp_plan_start: "" }),
    ];
    const report = await importCases(world.deps, rows, { dryRun: true });
    expect(report.errors.map((e) => [e.line - rows[0]!.line, e.error])).toEqual([
      [0, "give next_conference_date, next_conference_time and outlook_event_id together"],
      [1, "next_conference_date must be after last_conference_date"],
      [2, "next_conference_time must be a time of day, HH:MM (UK time)"],
      [3, "a booked review conference is for a child on a plan: give last_conference_date"],
    ]);
  });
});
