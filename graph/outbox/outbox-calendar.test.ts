import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ICAL from "ical.js";
import { simpleParser } from "mailparser";
import { CalendarError, REQUIRED_LOBBY_SETTINGS } from "../../ports/calendar";
import {
  ORGANIZER,
  SAMPLE_CHILD,
  draftFor,
  familyInvitations,
  sampleCase,
} from "../../test/local-graph/booking-fixture";
import { RecordingLogger } from "../../test/local-graph/recording-logger";
import { createCalendar, type ClosableCalendar } from "../create-calendar";
import { OutboxCalendar } from "./outbox-calendar";

const NOW = new Date("2026-12-01T09:00:00.000Z");
let dir: string;
let outbox: ClosableCalendar;
let logger: RecordingLogger;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "convene-outbox-"));
  logger = new RecordingLogger();
  outbox = createCalendar(
    { kind: "outbox", dir, organizer: ORGANIZER },
    { logger, clock: () => NOW },
  );
});
afterEach(() => {
  outbox.close();
  rmSync(dir, { recursive: true, force: true });
});

const files = (sub: string) => readdirSync(path.join(dir, sub)).sort();
const read = (sub: string, name: string) => readFileSync(path.join(dir, sub, name), "utf8");

function parseIcs(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent("vevent");
  if (event === null) throw new Error("no VEVENT");
  return { calendar, event, vevent: new ICAL.Event(event) };
}

describe("the outbox adapter", () => {
  it("is what createCalendar gives without Graph credentials", () => {
    expect(outbox).toBeInstanceOf(OutboxCalendar);
  });

  it("writes a meeting request Outlook can open: METHOD:REQUEST, London time, the join link", async () => {
    const c = sampleCase(1);
    const draft = draftFor(c, 1);
    const conference = await outbox.createConference(draft);
    expect(conference.settings).toEqual(REQUIRED_LOBBY_SETTINGS);
    const join = new URL(conference.joinWebUrl);
    expect(join.protocol).toBe("https:");
    expect(join.hostname).toBe("teams.invalid"); // well formed, reaches nobody (RFC 2606)
    expect(join.pathname).toMatch(/^\/l\/meetup-join\/19%3ameeting_[0-9a-f]+%40thread\.v2\/0$/);

    expect(files("meetings")).toEqual(["meeting-C-1001-1.0.request.ics", "meeting-C-1001-1.json"]);
    const { calendar, event, vevent } = parseIcs(
      read("meetings", "meeting-C-1001-1.0.request.ics"),
    );
    expect(calendar.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(calendar.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe(
      "Europe/London",
    );
    expect(vevent.uid).toBe("meeting-C-1001-1@convene.local");
    expect(vevent.sequence).toBe(0);
    expect(vevent.summary).toBe("ICPC – case C-1001");
    expect(event.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/London");
    expect(vevent.startDate.toString()).toBe("2027-01-08T10:00:00");
    expect(vevent.startDate.toJSDate()).toEqual(draft.start);
    expect(vevent.endDate.toJSDate()).toEqual(draft.end);
    expect(vevent.attendees).toHaveLength(12);
    expect(vevent.description).toContain(conference.joinWebUrl);
    expect(vevent.description).toContain("wait in the lobby");
    expect(event.getFirstPropertyValue("x-microsoft-skypeteamsmeetingurl")).toBe(
      conference.joinWebUrl,
    );
    expect(String(event.getFirstPropertyValue("organizer"))).toBe(`mailto:${ORGANIZER}`);
  });

  it("writes every file owner-only (0600) in owner-only folders: they hold family details", async () => {
    const c = sampleCase(1);
    const draft = draftFor(c, 1);
    const conference = await outbox.createConference(draft);
    await outbox.sendEmails(ORGANIZER, familyInvitations(c, draft, conference));
    const modes: Record<string, number> = {};
    const walk = (sub: string): void => {
      for (const entry of readdirSync(path.join(dir, sub), { withFileTypes: true })) {
        const rel = path.join(sub, entry.name);
        if (entry.isDirectory()) {
          modes[`${rel}/`] = statSync(path.join(dir, rel)).mode & 0o777;
          walk(rel);
        } else modes[rel] = statSync(path.join(dir, rel)).mode & 0o777;
      }
    };
    walk("");
    expect(Object.keys(modes).length).toBeGreaterThan(3);
    // Tests run as root, who can read anything: check the bits, not access.
    for (const [name, mode] of Object.entries(modes)) {
      expect({ name, mode }).toEqual({ name, mode: name.endsWith("/") ? 0o700 : 0o600 });
    }
  });

  it("keeps a summer conference at its BST wall time", async () => {
    const draft = {
      ...draftFor(sampleCase(2), 2),
      start: new Date("2027-06-10T09:00:00.000Z"),
      end: new Date("2027-06-10T11:00:00.000Z"),
    };
    await outbox.createConference(draft);
    const { vevent } = parseIcs(read("meetings", "meeting-C-1002-2.0.request.ics"));
    expect(vevent.startDate.toString()).toBe("2027-06-10T10:00:00");
    expect(vevent.startDate.toJSDate()).toEqual(draft.start);
  });

  it("returns the same meeting for the same transactionId (no second file)", async () => {
    const draft = draftFor(sampleCase(1), 1);
    const first = await outbox.createConference(draft);
    const second = await outbox.createConference(draft);
    expect(second).toEqual(first);
    expect(files("meetings")).toHaveLength(2);
    const other = await outbox
      .createConference({ ...draft, transactionId: "another" })
      .catch((e: unknown) => e);
    expect((other as CalendarError).code).toBe("Calendar.InvalidInput");
  });

  it("reschedule and attendee changes are new REQUESTs with a higher SEQUENCE; cancel is METHOD:CANCEL", async () => {
    const draft = draftFor(sampleCase(1), 1);
    const { eventId } = await outbox.createConference(draft);
    const ref = { eventId, onlineMeetingId: "" };
    await outbox.reschedule(
      ORGANIZER,
      ref,
      new Date("2027-02-01T10:00:00Z"),
      new Date("2027-02-01T12:00:00Z"),
      { attendees: draft.attendees, roles: draft.roles },
    );
    await outbox.setAttendees(ORGANIZER, ref, {
      attendees: [{ email: "chair@council.example", name: "Chair" }],
      roles: {},
    });
    await outbox.cancel(ORGANIZER, eventId, "The conference has been stood down.");
    expect(files("meetings")).toEqual([
      "meeting-C-1001-1.0.request.ics",
      "meeting-C-1001-1.1.request.ics",
      "meeting-C-1001-1.2.request.ics",
      "meeting-C-1001-1.3.cancel.ics",
      "meeting-C-1001-1.json",
    ]);
    const moved = parseIcs(read("meetings", "meeting-C-1001-1.1.request.ics")).vevent;
    expect(moved.sequence).toBe(1);
    expect(moved.startDate.toJSDate()).toEqual(new Date("2027-02-01T10:00:00Z"));
    expect(
      parseIcs(read("meetings", "meeting-C-1001-1.2.request.ics")).vevent.attendees,
    ).toHaveLength(1);
    const cancel = parseIcs(read("meetings", "meeting-C-1001-1.3.cancel.ics"));
    expect(cancel.calendar.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(cancel.event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(cancel.vevent.sequence).toBe(3);
    expect(cancel.vevent.uid).toBe("meeting-C-1001-1@convene.local");
    expect(cancel.vevent.description).toBe("The conference has been stood down.");
    const after = await outbox
      .reschedule(
        ORGANIZER,
        ref,
        new Date("2027-03-01T10:00:00Z"),
        new Date("2027-03-01T11:00:00Z"),
        { attendees: [], roles: {} },
      )
      .catch((e: unknown) => e);
    expect((after as CalendarError).outcome).toBe("gone");
  });

  it("writes each email once as RFC 5322 mail: one To, no Cc", async () => {
    const c = sampleCase(1);
    const draft = draftFor(c, 1);
    const conference = await outbox.createConference(draft);
    const invitations = familyInvitations(c, draft, conference);
    const results = await outbox.sendEmails(ORGANIZER, invitations);
    expect(results.map((r) => r.outcome)).toEqual(["done", "done", "done"]);
    await outbox.sendEmails(ORGANIZER, invitations); // a retry: still one file each
    expect(files("mail")).toEqual([
      "meeting-C-1001-1%3Ainvite%3Aadvocate.eml",
      "meeting-C-1001-1%3Ainvite%3Aparent-1.eml",
      "meeting-C-1001-1%3Ainvite%3Aparent-2.eml",
    ]);
    const mail = await simpleParser(
      readFileSync(path.join(dir, "mail", "meeting-C-1001-1%3Ainvite%3Aparent-1.eml")),
    );
    expect(mail.from?.value).toEqual([{ address: ORGANIZER, name: "" }]);
    const to = Array.isArray(mail.to) ? mail.to : [mail.to];
    expect(to.flatMap((a) => a?.value ?? [])).toEqual([
      { address: "parent1.case1@family.example", name: "Parent One" },
    ]);
    expect(mail.cc).toBeUndefined();
    expect(mail.subject).toBe("Invitation: child protection conference");
    expect(mail.text).toContain(conference.joinWebUrl);
    expect(mail.date).toEqual(NOW);
    expect(mail.messageId).toMatch(/^<[0-9a-f]{24}@convene\.local>$/);
  });

  it("writes an email with a CSV attachment as multipart mail that parses back byte for byte", async () => {
    const csv = Buffer.from("\uFEFFDate,Case reference\r\n2027-01-04,C-1001\r\n", "utf8");
    const email = {
      id: "task-1:csv:manager",
      to: { email: "director@council.example", name: "A Director" },
      subject: "Weekly list",
      bodyText: "The weekly list is attached.",
      attachments: [
        { name: "list.weekly-2027-01-04.csv", contentType: "text/csv; charset=utf-8", content: csv },
      ],
    };
    expect((await outbox.sendEmails(ORGANIZER, [email]))[0]?.outcome).toBe("done");
    const raw = readFileSync(path.join(dir, "mail", "task-1%3Acsv%3Amanager.eml"));
    expect(raw.toString("utf8")).toMatch(/Content-Type: multipart\/mixed/);
    const mail = await simpleParser(raw);
    expect(mail.text?.trim()).toBe("The weekly list is attached.");
    expect(mail.attachments).toHaveLength(1);
    const [file] = mail.attachments;
    expect(file?.filename).toBe("list.weekly-2027-01-04.csv");
    expect(file?.contentType).toBe("text/csv");
    expect(file?.content.equals(csv)).toBe(true);
  });

  it("refuses attachments of 3 MB or more, and a file name with a path, writing nothing", async () => {
    const base = {
      id: "task-1:csv:big",
      to: { email: "director@council.example", name: "A Director" },
      subject: "Weekly list",
      bodyText: "Attached.",
    };
    const big = { name: "big.csv", contentType: "text/csv", content: Buffer.alloc(3_000_000) };
    const pathName = { name: "../x.csv", contentType: "text/csv", content: Buffer.from("a") };
    for (const attachments of [[big], [pathName]]) {
      const error = await outbox.sendEmails(ORGANIZER, [{ ...base, attachments }]).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as CalendarError).outcome).toBe("rejected");
    }
    expect(() => files("mail")).toThrow();
  });

  it("reads back an event it wrote with its attendees, and locks it without a new invitation", async () => {
    const c = sampleCase(4);
    const draft = draftFor(c, 4);
    const conference = await outbox.createConference(draft);
    const event = await outbox.getEvent(ORGANIZER, conference.eventId);
    expect(event?.attendees.map((a) => [a.email, a.type])).toEqual(
      draft.attendees.map((a) => [a.email, "required"]),
    );
    const filesBefore = files("meetings").filter((f) => f.endsWith(".ics"));
    const chair = draft.attendees[0]!;
    const co = await outbox.lockConference(
      ORGANIZER,
      conference,
      { attendees: draft.attendees, roles: { chair } },
      false,
    );
    expect(co).toEqual([chair.email.toLowerCase()]);
    expect(files("meetings").filter((f) => f.endsWith(".ics"))).toEqual(filesBefore);
    await outbox.cancel(ORGANIZER, conference.eventId, "Stood down");
    const error = await outbox
      .lockConference(ORGANIZER, conference, { attendees: [], roles: {} }, false)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CalendarError);
    expect((error as CalendarError).outcome).toBe("gone");
  });

  it("answers free/busy from the meetings it holds", async () => {
    const draft = draftFor(sampleCase(1), 1);
    await outbox.createConference(draft);
    const busy = await outbox.freeBusy(
      ORGANIZER,
      ["professional1.case1@agency.example", "someone.else@council.example"],
      new Date("2027-01-08T00:00:00Z"),
      new Date("2027-01-09T00:00:00Z"),
    );
    expect(busy.get("professional1.case1@agency.example")).toEqual([
      { start: draft.start, end: draft.end, status: "busy" },
    ]);
    expect(busy.get("someone.else@council.example")).toEqual([]);
  });

  it("answers every attendee of its meetings with reply none; a cancelled or unknown event is absent", async () => {
    const one = await outbox.createConference(draftFor(sampleCase(1), 1));
    const two = await outbox.createConference(draftFor(sampleCase(2), 2));
    await outbox.setAttendees(
      ORGANIZER,
      { eventId: two.eventId, onlineMeetingId: two.onlineMeetingId },
      {
        attendees: [
          { email: "chair@council.example", name: "Chair" },
          { email: "CHAIR@council.example", name: "Chair again" },
          { email: "dana@police.example", name: "Dana" },
        ],
        roles: {},
      },
    );
    const gone = await outbox.createConference(draftFor(sampleCase(3), 3));
    await outbox.cancel(ORGANIZER, gone.eventId, "Stood down.");

    const replies = await outbox.attendeeReplies(ORGANIZER, [
      one.eventId,
      two.eventId,
      gone.eventId,
      "outbox-event:never-written",
      "AAMkAG-a-graph-id",
    ]);
    expect([...replies.keys()]).toEqual([one.eventId, two.eventId]);
    expect(replies.get(one.eventId)).toHaveLength(12);
    expect(replies.get(one.eventId)?.every((r) => r.reply === "none")).toBe(true);
    expect(replies.get(two.eventId)).toEqual([
      { email: "chair@council.example", reply: "none" },
      { email: "dana@police.example", reply: "none" },
    ]);
    expect(await outbox.attendeeReplies(ORGANIZER, [])).toEqual(new Map());
  });

  it("answers a local subscription, clamped as Graph would, and never throws", async () => {
    const url = "https://convene.council.example/api/graph/notifications";
    const day = 24 * 3_600_000;
    const soon = await outbox.subscribeToEvents(ORGANIZER, url, "s", new Date(NOW.getTime() + day));
    expect(soon).toEqual({
      id: expect.stringMatching(/^outbox-subscription-[0-9a-f]{32}$/),
      expiresAt: new Date(NOW.getTime() + day),
    });
    const far = await outbox.subscribeToEvents(
      ORGANIZER,
      url,
      "s",
      new Date(NOW.getTime() + 30 * day),
    );
    expect(far.expiresAt.getTime() - NOW.getTime()).toBeLessThan(7 * day);
    expect(far.id).toBe(soon.id);
    await expect(
      outbox.subscribeToEvents("", "not a url", "", new Date(Number.NaN)),
    ).resolves.toEqual({ id: expect.any(String), expiresAt: NOW });
    expect(logger.text()).not.toContain(url);
  });

  it("never puts a child's name in a file name, a file or a log line", async () => {
    const c = sampleCase(1);
    const draft = draftFor(c, 1);
    const conference = await outbox.createConference(draft);
    await outbox.sendEmails(ORGANIZER, familyInvitations(c, draft, conference));
    await outbox.cancel(ORGANIZER, conference.eventId, "Stood down.");
    const everything = ["meetings", "mail"].flatMap((sub) =>
      files(sub).map((name) => ({ name, text: read(sub, name) })),
    );
    for (const needle of [SAMPLE_CHILD.firstName, SAMPLE_CHILD.lastName]) {
      for (const file of everything) {
        expect(file.name).not.toContain(needle);
        expect(file.text).not.toContain(needle);
      }
      expect(logger.text()).not.toContain(needle);
    }
    for (const file of everything) expect(file.name).toMatch(/^[A-Za-z0-9._%-]+$/);
  });
});
