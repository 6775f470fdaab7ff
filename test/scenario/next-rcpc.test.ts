import type { Meeting } from "../../model";
import { CalendarError } from "../../ports";
import { VERBS } from "../../cards/verbs";
import { cardText } from "../fakes/recording-notifier";
import { testClient, type TestClient } from "../local-graph/test-client";
import { demoAuthority } from "../../app/demo/authority";
import { Authority } from "../../workflow/kernel/authority";
import {
  CASE_ID,
  CHILD_IDS,
  decisionsFor,
  inviteListData,
  offerOf,
  requestAndBook,
} from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The next conference booked at the conference, under `england` with the
 * fake clock and the local Graph: the ICPC of icpc-journey.test.ts (held
 * Fri 29 Jan 2027 10:00, its first RCPC due by Thu 29 Apr), whose list has
 * a police officer, a GP, the mother and the father by email, the mother's
 * solicitor, and a grandmother with no email. At 12:00 the chair records a
 * plan with the next RCPC on Tue 20 Apr 2027 and the first core group on
 * Tue 9 Feb.
 */
const SW = DEMO_IDS.socialWorker;
const CHAIR = DEMO_IDS.chair;
const CHAIR_EMAIL = "chris.chair@demo-council.example";
const ORGANIZER = "conferences@demo-council.example";
const RCPC_ID = `${CASE_ID}.rcpc.2027-01-29`;

/** The journey's list and a grandmother with no email: invited by letter. */
function listWithGran(meetingId: string): Record<string, unknown> {
  return {
    ...inviteListData(meetingId),
    "invitees.5.name": "Gran Example",
    "invitees.5.role": "Grandmother",
    "invitees.5.relation": "family",
    "invitees.5.policeCheck": "false",
  };
}

const OUTCOME = {
  caseId: CASE_ID,
  meetingDate: "2027-01-29",
  nextRcpcLimit: "2027-04-29",
  coreGroupLimit: "2027-02-12",
  ...decisionsFor(CHILD_IDS, true),
  nextRcpcDate: "2027-04-20",
  nextRcpcTime: "14:00",
  coreGroupDate: "2027-02-09",
};

describe("the next RCPC booked at the conference, and the first core group", () => {
  let world: World;
  let meetingId: string;
  let graph: TestClient;
  let calendarDown = false;
  const text = (r: unknown) => cardText((r as { card: Record<string, unknown> }).card);
  const cardJson = (r: unknown) => JSON.stringify((r as { card: unknown }).card);
  const outcome = (extra: Record<string, string> = {}) =>
    world.act(CHAIR, VERBS.recordOutcome, { ...OUTCOME, meetingId, ...extra });
  const mailTo = (email: string, words: string) =>
    world.graph!.state.sentMail.filter(
      (m) => m.to.includes(email) && JSON.stringify(m.message).includes(words),
    );
  const rcpcEvents = () =>
    [...world.graph!.state.events.values()].filter(
      (e) => e.transactionId === RCPC_ID && !e.cancelled,
    );
  /** The RCPC's event as Outlook answers it now (GET over HTTPS). */
  async function readEvent(): Promise<{ attendees: string[]; start: string; subject: string }> {
    const rcpc = (await world.store.get("meeting", RCPC_ID, CASE_ID)) as Meeting;
    const answer = await graph.call(
      "GET",
      `/users/${encodeURIComponent(ORGANIZER)}/events/${encodeURIComponent(rcpc.outlookEventId ?? "")}`,
    );
    expect(answer.status).toBe(200);
    const body = answer.body as {
      attendees: { emailAddress: { address: string } }[];
      start: { dateTime: string; timeZone: string };
      subject: string;
    };
    return {
      attendees: body.attendees.map((a) => a.emailAddress.address.toLowerCase()).sort(),
      start: `${body.start.dateTime} ${body.start.timeZone}`,
      subject: body.subject,
    };
  }

  beforeAll(async () => {
    world = await makeWorld({
      policy: "england",
      start: "2027-01-11T09:00:00.000Z",
      // Outlook unavailable on demand (a 503 from getSchedule, as graph/ classifies it).
      wrapCalendar: (calendar) => {
        const freeBusy = calendar.freeBusy.bind(calendar);
        calendar.freeBusy = async (...args) => {
          if (calendarDown) throw new CalendarError("failed", "getSchedule 503", 503);
          return freeBusy(...args);
        };
        return calendar;
      },
    });
    graph = testClient(world.graph!, "scenario-token");
    meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
    await world.advanceTo("2027-01-19T11:00:00.000Z");
    await world.act(SW, VERBS.submitInviteList, listWithGran(meetingId));
    await world.runDue();
    // The chair is busy 10:00 to 11:00 on Tue 20 Apr (BST).
    world.graph!.state.busy.push({
      mailbox: CHAIR_EMAIL,
      start: new Date("2027-04-20T09:00:00.000Z"),
      end: new Date("2027-04-20T10:00:00.000Z"),
      status: "busy",
    });
  });
  afterAll(async () => {
    graph.close();
    await world.close();
  });

  it("the chair's brief shows how each person was invited", async () => {
    await world.advanceTo("2027-01-28T10:00:00.000Z");
    const brief = world.notifier.sent.filter(
      (s) => s.to === CHAIR && s.preview.startsWith("Brief"),
    );
    expect(brief).toHaveLength(1);
    const seen = cardText(brief[0]!.card);
    expect(seen).toMatch(/PC Dana Officer[\s\S]*Invited by: Outlook invitation/);
    expect(seen).toMatch(/Fran Example \| Mother\. Invited by: Own email/);
    expect(seen).toMatch(/Gran Example \| Grandmother\. Invited by: Letter, not yet sent/);
  });

  it("refuses a date past the limit, keeping what was typed, and stores nothing", async () => {
    await world.advanceTo("2027-01-29T12:00:00.000Z");
    const late = await outcome({ nextRcpcDate: "2027-05-04" });
    expect(text(late)).toContain("The next RCPC must be held by Thu 29 Apr 2027");
    expect(cardJson(late)).toContain('"value":"2027-05-04"');
    expect(cardJson(late)).toContain('"value":"14:00"');
    // A forged limit in the card's data is checked against the timeline again.
    const forged = await outcome({ nextRcpcDate: "2027-05-04", nextRcpcLimit: "2027-06-30" });
    expect(text(forged)).toContain("must be held by Thu 29 Apr 2027");
    // A Saturday inside the limit: a conference is held on a working day.
    const saturday = await outcome({ nextRcpcDate: "2027-04-17" });
    expect(text(saturday)).toContain("choose a working day");
    expect(cardJson(saturday)).toContain('"value":"2027-04-17"');
    const stored = await world.store.get("meeting", meetingId, CASE_ID);
    expect(stored?.outcome).toBeUndefined();
    expect(await world.store.get("meeting", RCPC_ID, CASE_ID)).toBeUndefined();
  });

  it("refuses a time that clashes with the chair's calendar, keeping every value", async () => {
    const clash = await outcome({ nextRcpcTime: "10:30" });
    expect(text(clash)).toContain("Chris Chair is not free at Tue 20 Apr 2027");
    for (const v of ['"value":"2027-04-20"', '"value":"10:30"', '"value":"2027-02-09"'])
      expect(cardJson(clash)).toContain(v);
    expect((await world.store.get("meeting", meetingId, CASE_ID))?.outcome).toBeUndefined();
    expect(rcpcEvents()).toEqual([]);
  });

  it("says plainly when the chair's calendar cannot be read, and books nothing", async () => {
    calendarDown = true;
    try {
      const down = await outcome();
      expect(text(down)).toContain("The chair's calendar could not be read just now");
      expect(text(down)).not.toMatch(/503|Calendar\.|failed/);
      expect(cardJson(down)).toContain('"value":"14:00"');
    } finally {
      calendarDown = false;
    }
    expect((await world.store.get("meeting", meetingId, CASE_ID))?.outcome).toBeUndefined();
  });

  it("a failure part-way (the outcome stored, the RCPC not yet made) is finished by the retry", async () => {
    // The store fails once as the next RCPC is made: the outcome is already stored.
    const create = world.store.create.bind(world.store);
    let failures = 0;
    world.store.create = (async (doc: { type: string; id: string }) => {
      if (doc.type === "meeting" && doc.id === RCPC_ID && failures === 0) {
        failures += 1;
        throw new Error("store unavailable");
      }
      return create(doc as never);
    }) as typeof world.store.create;
    try {
      await outcome().catch(() => undefined);
    } finally {
      world.store.create = create;
    }
    expect(failures).toBe(1);
    expect((await world.store.get("meeting", meetingId, CASE_ID))?.outcome).toBeDefined();
    expect(await world.store.get("meeting", RCPC_ID, CASE_ID)).toBeUndefined();
  });

  it("books the next RCPC in Outlook at once: the chair, clerk, SW and professionals as attendees, each family member on their own", async () => {
    // The retry: the stored outcome's time is booked, no calendar check
    // again (the first attempt checked it).
    const answer = await outcome();
    expect(text(answer)).toContain("Outcome already recorded");
    expect(text(answer)).toContain("Tue 20 Apr 2027 14:00");
    await world.runDue();
    expect(world.failed).toEqual([]);
    const rcpc = (await world.store.get("meeting", RCPC_ID, CASE_ID)) as Meeting;
    expect(rcpc).toMatchObject({
      kind: "RCPC",
      start: "2027-04-20T13:00:00.000Z",
      chair: { entraObjectId: CHAIR },
      clerk: { entraObjectId: DEMO_IDS.clerk },
      limit: { rule: "rcpc.first.latest" },
    });
    expect(["booked", "invited"]).toContain(rcpc.status);
    expect(world.notifier.sent.filter((s) => s.preview.startsWith("Please book the RCPC"))).toEqual(
      [],
    );
    expect(rcpcEvents()).toHaveLength(1);
    const event = await readEvent();
    // Graph answers a GET in UTC unless asked otherwise (Prefer: outlook.timezone):
    // 14:00 BST is 13:00 UTC.
    expect(event.start).toBe("2027-04-20T13:00:00.0000000 UTC");
    expect(event.subject).toContain("Review child protection conference");
    expect(event.attendees).toEqual(
      [
        CHAIR_EMAIL,
        "casey.clerk@demo-council.example",
        "sam.social@demo-council.example",
        "dana.officer@police.example",
        "eli.gp@nhs.example",
      ].sort(),
    );
    // Each family member and the solicitor: their own invitation, alone on it.
    for (const email of ["fran@home.example", "gus@home.example", "hal@law.example"]) {
      const mails = mailTo(email, "Invitation: review child protection conference");
      expect(mails).toHaveLength(1);
      expect(mails[0]?.to).toEqual([email]);
      expect(mails[0]?.cc).toEqual([]);
    }
    // The grandmother: a letter for the RCPC's date, to the SW to print.
    const list = await world.store.get("invite-list", `${RCPC_ID}:invite-list`, CASE_ID);
    expect(list?.carriedFrom).toBe(meetingId);
    expect(list?.invitees.find((i) => i.name === "Gran Example")?.letter?.forStart).toBe(
      "2027-04-20T13:00:00.000Z",
    );
    // The carried-over list asks no police check again.
    expect(list?.invitees.every((i) => !i.policeCheck.needed)).toBe(true);
    // The chair chose the time: their card says so, with no conflict-of-interest
    // question about the family they have just chaired; the SW's card is as ever.
    const confirmations = world.notifier.sent.filter(
      (s) => s.preview === "RCPC booked for case C-1001: please confirm",
    );
    expect(confirmations.map((s) => s.to)).toEqual([CHAIR]);
    const chairCard = cardText(confirmations[0]!.card);
    expect(chairCard).toContain("Booked as you chose: RCPC on Tue 20 Apr 2027 14:00");
    expect(chairCard).not.toMatch(/conflict of interest/i);
    expect(chairCard).toContain("Allow recording");
  });

  it("a retry of the outcome books nothing twice", async () => {
    const before = world.graph!.state.sentMail.length;
    const again = await outcome({ nextRcpcTime: "15:00" });
    expect(text(again)).toContain("Outcome already recorded");
    expect(text(again)).toContain("Tue 20 Apr 2027 14:00");
    await world.runDue();
    expect(rcpcEvents()).toHaveLength(1);
    expect((await world.store.meetingsOfCase(CASE_ID)).items.map((m) => m.id).sort()).toEqual(
      [meetingId, RCPC_ID].sort(),
    );
    expect(world.graph!.state.sentMail.length).toBe(before);
    expect(world.failed).toEqual([]);
  });

  it("sends the first core group's date once to its members, and tells the SW they lead it", async () => {
    const sw = world.notifier.sent.filter(
      (s) => s.preview === "First core group meeting for case C-1001",
    );
    expect(sw.map((s) => s.to)).toEqual([SW]);
    expect(cardText(sw[0]!.card)).toContain("Tue 9 Feb 2027");
    expect(cardText(sw[0]!.card)).toContain("Gran Example");
    for (const email of [
      "dana.officer@police.example",
      "eli.gp@nhs.example",
      "fran@home.example",
      "gus@home.example",
    ]) {
      const mails = mailTo(email, "First core group meeting: case C-1001");
      expect(mails).toHaveLength(1);
      expect(JSON.stringify(mails[0]?.message)).toContain("Tue 9 Feb 2027");
      expect(JSON.stringify(mails[0]?.message)).not.toMatch(/Alex|Billie/);
    }
    // The solicitor is not a member of the core group.
    expect(mailTo("hal@law.example", "First core group meeting: case C-1001")).toEqual([]);
    // The grandmother's letter goes to the SW to print.
    const letters = world.graph!.state.sentMail.filter(
      (m) =>
        m.to.includes("sam.social@demo-council.example") &&
        JSON.stringify(m.message).includes("first core group"),
    );
    expect(letters).toHaveLength(1);
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.outcome?.coreGroupDate).toBe("2027-02-09");
  });

  it("the SW's review of the carried-over list updates that same Outlook event", async () => {
    await world.advanceTo("2027-02-01T10:00:00.000Z");
    const list = await world.store.get("invite-list", `${RCPC_ID}:invite-list`, CASE_ID);
    const keep = list!.invitees.filter((i) => i.role !== "GP");
    const data: Record<string, unknown> = { caseId: CASE_ID, meetingId: RCPC_ID };
    const rows = [
      ...keep.map((i) => ({
        name: i.name,
        role: i.role,
        agency: i.agency ?? "",
        email: i.email ?? "",
        relation: i.relation,
      })),
      {
        name: "Kim Teacher",
        role: "Designated safeguarding lead",
        agency: "Education",
        email: "kim@school.example",
        relation: "professional",
      },
    ];
    rows.forEach((row, n) => {
      for (const [k, v] of Object.entries(row)) data[`invitees.${n}.${k}`] = v;
      data[`invitees.${n}.policeCheck`] = "false";
    });
    data.rowIds = [...keep.map((i) => i.id), ""].join(",");
    // The GP was invited: removing them asks for confirmation first.
    const asked = await world.act(SW, VERBS.submitInviteList, data);
    expect(text(asked)).toContain("Dr Eli Practitioner");
    expect(rcpcEvents()[0]?.payload.attendees?.map((a) => a.emailAddress.address)).toContain(
      "eli.gp@nhs.example",
    );
    const done = await world.act(SW, VERBS.submitInviteList, { ...data, confirmRemovals: "true" });
    expect(text(done)).toContain("Invite list received");
    await world.runDue();
    expect(world.failed).toEqual([]);
    expect(rcpcEvents()).toHaveLength(1);
    const event = await readEvent();
    expect(event.attendees).toContain("kim@school.example");
    expect(event.attendees).not.toContain("eli.gp@nhs.example");
    expect(event.attendees).toContain("dana.officer@police.example");
    // Nobody else of the list was invited a second time.
    expect(
      mailTo("fran@home.example", "Invitation: review child protection conference"),
    ).toHaveLength(1);
    const reviewed = await world.store.get("invite-list", `${RCPC_ID}:invite-list`, CASE_ID);
    expect(reviewed?.carriedFrom).toBeUndefined();
  });
});

describe("a refused core group email is never counted as sent", () => {
  let world: World;
  let meetingId: string;
  beforeAll(async () => {
    world = await makeWorld({
      policy: "england",
      start: "2027-01-11T09:00:00.000Z",
      // Outlook refuses the police officer's core group email (403), as graph/ classifies it.
      wrapCalendar: (calendar) => {
        const sendEmails = calendar.sendEmails.bind(calendar);
        calendar.sendEmails = async (from, emails) => {
          const refused = emails.filter(
            (e) => e.id.includes(":core-group:") && e.to.email === "dana.officer@police.example",
          );
          const through = emails.filter((e) => !refused.includes(e));
          const sent = through.length > 0 ? await sendEmails(from, through) : [];
          return [
            ...sent,
            ...refused.map((e) => ({ id: e.id, outcome: "rejected" as const, httpStatus: 403 })),
          ];
        };
        return calendar;
      },
    });
    meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
    await world.advanceTo("2027-01-19T11:00:00.000Z");
    await world.act(SW, VERBS.submitInviteList, inviteListData(meetingId));
    await world.runDue();
    await world.advanceTo("2027-01-29T12:00:00.000Z");
  });
  afterAll(async () => {
    await world.close();
  });

  it("records it as failed, sends the others once, and the failure reaches someone", async () => {
    await world.act(CHAIR, VERBS.recordOutcome, { ...OUTCOME, meetingId });
    await world.runDue();
    const list = await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID);
    const statuses = new Map<string, string | undefined>();
    for (const i of list!.invitees.filter((x) => x.relation !== "legal-representative")) {
      const id = `${meetingId}:core-group:${i.id}:2027-02-09`;
      statuses.set(i.email ?? i.name, (await world.store.get("notification", id, id))?.status);
    }
    expect(Object.fromEntries(statuses)).toEqual({
      "dana.officer@police.example": "failed",
      "eli.gp@nhs.example": "sent",
      "fran@home.example": "sent",
      "gus@home.example": "sent",
    });
    const coreGroupMail = (email: string) =>
      world.graph!.state.sentMail.filter(
        (m) =>
          m.to.includes(email) &&
          JSON.stringify(m.message).includes("First core group meeting: case C-1001"),
      );
    expect(coreGroupMail("dana.officer@police.example")).toEqual([]);
    expect(coreGroupMail("fran@home.example")).toHaveLength(1);
    expect(world.failed.map((f) => f.taskId)).toEqual([
      expect.stringContaining("after-meeting.core-group"),
    ]);
  });
});

describe("the next RCPC of a conference held in person gets a free room", () => {
  const ROOM_A = { email: "room-a@demo-council.example", name: "County Hall Room A" };
  const ROOM_B = { email: "room-b@demo-council.example", name: "County Hall Room B" };
  let world: World;
  let meetingId: string;
  const text = (r: unknown) => cardText((r as { card: Record<string, unknown> }).card);
  const busyAllDay = (mailbox: string, day: string) =>
    world.graph!.state.busy.push({
      mailbox,
      start: new Date(`${day}T00:00:00Z`),
      end: new Date(`${day}T23:59:00Z`),
      status: "busy",
    });

  beforeAll(async () => {
    world = await makeWorld({
      policy: "england",
      start: "2027-01-11T09:00:00.000Z",
      authority: Authority.parse({ ...demoAuthority("england"), rooms: [ROOM_A, ROOM_B] }),
    });
    for (const r of [ROOM_A, ROOM_B])
      world.graph!.state.rooms.add({ emailAddress: r.email, displayName: r.name });
    world.setClock("2027-01-11T14:00:00.000Z");
    await world.act(SW, VERBS.requestConference, {
      caseId: CASE_ID,
      meetingKind: "ICPC",
      childIds: CHILD_IDS,
      indexChildId: `${CASE_ID}-child-1`,
      strategyDate: "2027-01-11",
    });
    meetingId = `${CASE_ID}.icpc.2027-01-11`;
    await world.runDue();
    await world.advanceTo("2027-01-12T09:30:00.000Z");
    const offer = await offerOf(world, meetingId);
    const slot = offer.slots.find((s) => s.start === "2027-01-29T10:00:00.000Z");
    await world.act(DEMO_IDS.clerk, VERBS.book, {
      caseId: CASE_ID,
      meetingId,
      slotId: slot!.id,
      inPerson: "true",
    });
    await world.runDue();
    expect((await world.store.get("meeting", meetingId, CASE_ID))?.inPerson).toBe(true);
    await world.advanceTo("2027-01-19T11:00:00.000Z");
    await world.act(SW, VERBS.submitInviteList, inviteListData(meetingId));
    await world.runDue();
    await world.advanceTo("2027-01-29T12:00:00.000Z");
  });
  afterAll(async () => {
    await world.close();
  });

  it("refuses a time when no room is free, then books the room that is, also when the outcome is retried after a failure part way", async () => {
    busyAllDay(ROOM_A.email, "2027-04-20");
    busyAllDay(ROOM_B.email, "2027-04-20");
    busyAllDay(ROOM_A.email, "2027-04-21");
    const none = await world.act(CHAIR, VERBS.recordOutcome, { ...OUTCOME, meetingId });
    expect(text(none)).toContain("No room is free at that time");
    expect((await world.store.get("meeting", meetingId, CASE_ID))?.outcome).toBeUndefined();

    // Room B is free on Wed 21 Apr; the outcome fails part way (the store
    // failing as the RCPC is made), after the outcome and its room are stored.
    const create = world.store.create.bind(world.store);
    let failures = 0;
    world.store.create = (async (doc: { type: string; id: string }) => {
      if (doc.type === "meeting" && doc.id === RCPC_ID && failures === 0) {
        failures += 1;
        throw new Error("store unavailable");
      }
      return create(doc as never);
    }) as typeof world.store.create;
    try {
      await world
        .act(CHAIR, VERBS.recordOutcome, { ...OUTCOME, meetingId, nextRcpcDate: "2027-04-21" })
        .catch(() => undefined);
    } finally {
      world.store.create = create;
    }
    expect(failures).toBe(1);
    const stored = await world.store.get("meeting", meetingId, CASE_ID);
    expect(stored?.outcome?.nextConferenceRoom).toEqual(ROOM_B);
    expect(await world.store.get("meeting", RCPC_ID, CASE_ID)).toBeUndefined();
    // The retry books the stored time with the room found free then.
    const answer = await world.act(CHAIR, VERBS.recordOutcome, {
      ...OUTCOME,
      meetingId,
      nextRcpcDate: "2027-04-21",
    });
    expect(text(answer)).toContain("Outcome already recorded");
    await world.runDue();
    const rcpc = (await world.store.get("meeting", RCPC_ID, CASE_ID)) as Meeting;
    expect(rcpc.inPerson).toBe(true);
    expect(rcpc.room).toMatchObject({ email: ROOM_B.email });
    const event = world.graph!.state.events.get(rcpc.outlookEventId ?? "");
    expect(
      event?.payload.attendees
        ?.filter((a) => a.type === "resource")
        .map((a) => a.emailAddress.address),
    ).toEqual([ROOM_B.email]);
    expect(event?.payload.location?.displayName).toBe(ROOM_B.name);
    expect(world.failed).toEqual([]);
  });
});
