import { VERBS } from "../../cards/verbs";
import { demoAuthority } from "../../app/demo/authority";
import type { Meeting } from "../../model";
import { Authority } from "../../workflow/kernel/authority";
import { cardText } from "../fakes/recording-notifier";
import { CASE_ID, CHILD_IDS, offerOf, submitListAndAccess } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The chair runs the meeting, against the local Graph: the chair and the
 * clerk are the Teams meeting's co-organisers (the only people who can admit
 * from the lobby), read back after booking, an invite-list change, sick
 * cover and rebooking; recording by the chair's agreement, one meeting
 * only; rooms for conferences in person or hybrid.
 */
const DUTY = "66666666-6666-4666-8666-666666666666";
const DUTY_EMAIL = "olu.other@demo-council.example";
const CHAIR_EMAIL = "chris.chair@demo-council.example";
const CLERK_EMAIL = "casey.clerk@demo-council.example";
const ROOM_A = { email: "room-a@demo-council.example", name: "County Hall Room A" };
const ROOM_B = { email: "room-b@demo-council.example", name: "County Hall Room B" };

function authority(rooms: { email: string; name: string }[] = []): Authority {
  const base = demoAuthority("west-sussex");
  return Authority.parse({
    ...base,
    rooms,
    staff: [
      ...base.staff.map((s) =>
        s.entraObjectId === DEMO_IDS.chair ? { ...s, teamManager: DEMO_IDS.teamManager } : s,
      ),
      {
        entraObjectId: DUTY,
        name: "Olu Other",
        email: DUTY_EMAIL,
        roles: ["chair"],
        teamManager: DEMO_IDS.teamManager,
      },
    ],
  });
}

async function meetingOf(world: World, meetingId: string, caseId = CASE_ID): Promise<Meeting> {
  const meeting = await world.store.get("meeting", meetingId, caseId);
  if (meeting === undefined) throw new Error("no meeting");
  return meeting;
}

/** Each participant's role in the Teams meeting, as the local Graph holds it. */
async function rolesOf(world: World, meetingId: string): Promise<Record<string, string>> {
  const meeting = await meetingOf(world, meetingId);
  const online = world.graph?.state.meetings.get(meeting.onlineMeetingId ?? "");
  if (online === undefined) throw new Error("no Teams meeting");
  return Object.fromEntries(online.participants.map((p) => [p.upn, p.role]));
}

async function admitters(world: World, meetingId: string): Promise<string[]> {
  const meeting = await meetingOf(world, meetingId);
  return world.graph?.state.lobbyAdmittersOf(meeting.onlineMeetingId ?? "").people.sort() ?? [];
}

async function request(world: World, caseId: string, strategy: string): Promise<string> {
  await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
    caseId,
    meetingKind: "ICPC",
    childIds: caseId === CASE_ID ? CHILD_IDS : `${caseId}-child-1`,
    indexChildId: `${caseId}-child-1`,
    strategyDate: strategy,
  });
  await world.runDue();
  return `${caseId}.icpc.${strategy}`;
}

async function book(
  world: World,
  meetingId: string,
  pick: (s: {
    id: string;
    start: string;
    withinLimit: boolean;
    room?: { email: string };
  }) => boolean,
  inPerson = false,
  caseId = CASE_ID,
): Promise<{ start: string }> {
  const offer = await offerOf(world, meetingId);
  const slot = offer.slots.find(pick);
  if (slot === undefined) throw new Error("no such slot offered");
  const answer = await world.act(DEMO_IDS.clerk, VERBS.book, {
    caseId,
    meetingId,
    slotId: slot.id,
    inPerson: String(inPerson),
  });
  expect(JSON.stringify(answer)).not.toMatch(/No room is free/);
  await world.runDue();
  return slot;
}

describe("the chair and the clerk co-organise the Teams meeting", () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld({
      policy: "west-sussex",
      start: "2027-01-04T09:00:00.000Z",
      authority: authority(),
    });
  });
  afterEach(async () => world.close());

  it("reads them back after booking, an invite-list change, sick cover and rebooking", async () => {
    await world.say(DEMO_IDS.teamManager, "rota 2027-01");
    const meetingId = await request(world, CASE_ID, "2027-01-04");
    const slot = await book(world, meetingId, (s) => s.withinLimit);

    // Booking: the chair and the clerk co-organise; everyone else attends.
    expect(await rolesOf(world, meetingId)).toEqual({
      [CHAIR_EMAIL]: "coorganizer",
      [CLERK_EMAIL]: "coorganizer",
      "sam.social@demo-council.example": "attendee",
    });
    const organizer = world.deps.authority.organizer.toLowerCase();
    expect(await admitters(world, meetingId)).toEqual([CHAIR_EMAIL, CLERK_EMAIL, organizer].sort());

    // The invite list changes the event's attendees, which resets roles in
    // Teams: Convene sets them again.
    await submitListAndAccess(world, meetingId, "2027-01-05T11:00:00.000Z");
    const afterList = await rolesOf(world, meetingId);
    expect(afterList[CHAIR_EMAIL]).toBe("coorganizer");
    expect(afterList[CLERK_EMAIL]).toBe("coorganizer");
    expect(afterList["dana.officer@police.example"]).toBe("attendee");
    expect(afterList["fran@home.example"]).toBeUndefined(); // the family has its own email

    // Sick cover: the covering chair gains the role, the absent one loses it.
    const date = slot.start.slice(0, 10);
    const rota = await world.store.get("duty-rota", "duty-rota:demo:2027-01", "duty-rota:demo");
    const duty = rota?.days.find((d) => d.date === date)?.chairId ?? DUTY;
    expect(duty).toBe(DUTY);
    await world.act(DEMO_IDS.teamManager, VERBS.reportSick, { chairId: DEMO_IDS.chair, date });
    await world.runDue();
    await world.act(DUTY, VERBS.coverAccept, { caseId: CASE_ID, meetingId });
    await world.runDue();
    const afterCover = await rolesOf(world, meetingId);
    expect(afterCover[DUTY_EMAIL]).toBe("coorganizer");
    expect(afterCover[CLERK_EMAIL]).toBe("coorganizer");
    expect(afterCover[CHAIR_EMAIL]).toBeUndefined();
    expect(await admitters(world, meetingId)).toEqual([DUTY_EMAIL, CLERK_EMAIL, organizer].sort());

    // Rebooking: the clerk moves it; whoever chairs now and the clerk co-organise.
    await world.say(DEMO_IDS.clerk, "rebook C-1001");
    await world.runDue();
    await book(world, meetingId, (s) => s.withinLimit && s.start !== slot.start);
    const moved = await meetingOf(world, meetingId);
    expect(moved.start).not.toBe(slot.start);
    const chairEmail = moved.chair?.email.toLowerCase() as string;
    const afterRebook = await rolesOf(world, meetingId);
    expect(
      Object.entries(afterRebook)
        .filter(([, role]) => role === "coorganizer")
        .map(([upn]) => upn)
        .sort(),
    ).toEqual([chairEmail, CLERK_EMAIL].sort());
    expect(world.failed).toEqual([]);
  });

  it("nobody outside the organisation bypasses the lobby, and recording is off by default", async () => {
    const meetingId = await request(world, CASE_ID, "2027-01-04");
    await book(world, meetingId, (s) => s.withinLimit);
    const meeting = await meetingOf(world, meetingId);
    const online = world.graph?.state.meetings.get(meeting.onlineMeetingId ?? "");
    expect(online?.settings.lobbyBypassSettings.scope).toBe("organizationExcludingGuests");
    expect(online?.settings.allowRecording).toBe(false);
    expect(online?.settings.recordAutomatically).toBe(false);
  });
});

describe("recording by the chair's agreement", () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld({
      policy: "leicestershire",
      start: "2027-01-04T09:00:00.000Z",
    });
  });
  afterEach(async () => world.close());

  it("changes that meeting only, with the reason kept and audited; only the chair may", async () => {
    const one = await request(world, CASE_ID, "2027-01-04");
    await book(world, one, (s) => s.withinLimit);
    const two = await request(world, "case-C-1002", "2027-01-04");
    await book(world, two, (s) => s.withinLimit, false, "case-C-1002");

    // The clerk cannot; an empty reason is refused and changes nothing.
    const byClerk = await world.act(DEMO_IDS.clerk, VERBS.allowRecording, {
      caseId: CASE_ID,
      meetingId: one,
      recordingReason: "No clerk",
    });
    expect(JSON.stringify(byClerk)).toMatch(/only the chair/);
    const empty = await world.act(DEMO_IDS.chair, VERBS.allowRecording, {
      caseId: CASE_ID,
      meetingId: one,
      recordingReason: " ",
    });
    expect(JSON.stringify(empty)).toMatch(/Say why this conference is recorded/);
    // The card shown again is the chair's card as first sent: it still names the family.
    expect(empty.kind === "card" ? cardText(empty.card) : "").toMatch(/The family: \S/);
    expect((await meetingOf(world, one)).recording).toBeUndefined();

    const answer = await world.act(DEMO_IDS.chair, VERBS.allowRecording, {
      caseId: CASE_ID,
      meetingId: one,
      recordingReason: "No clerk available on the day; agreed with the service manager",
    });
    expect(answer.kind === "card" ? cardText(answer.card) : answer.text).toMatch(
      /Only this meeting is recorded/,
    );
    await world.runDue();

    const recorded = await meetingOf(world, one);
    expect(recorded.recording?.allowedBy).toBe(DEMO_IDS.chair);
    expect(recorded.recording?.reason).toMatch(/No clerk available/);
    expect(recorded.recording?.appliedAt).toBeDefined();
    const onlineOne = world.graph?.state.meetings.get(recorded.onlineMeetingId ?? "");
    expect(onlineOne?.settings.allowRecording).toBe(true);
    expect(onlineOne?.settings.recordAutomatically).toBe(true);
    // Everything else of the lock holds.
    expect(onlineOne?.settings.allowMeetingChat).toBe("disabled");
    expect(onlineOne?.settings.lobbyBypassSettings.scope).toBe("organizationExcludingGuests");

    const other = await meetingOf(world, two, "case-C-1002");
    expect(other.recording).toBeUndefined();
    const onlineTwo = world.graph?.state.meetings.get(other.onlineMeetingId ?? "");
    expect(onlineTwo?.settings.allowRecording).toBe(false);
    expect(onlineTwo?.settings.recordAutomatically).toBe(false);

    const audit = (await world.store.auditOfCase(CASE_ID)).items;
    const actions = audit.map((a) => a.action);
    expect(actions).toContain("meeting.recording-allowed");
    expect(actions).toContain("meeting.recording-on");
    expect(actions).toContain("action.refused");
    expect(JSON.stringify(audit)).not.toMatch(/No clerk available/);
    expect(world.failed).toEqual([]);
  });
});

describe("rooms for conferences in person or hybrid", () => {
  let world: World;
  afterEach(async () => world.close());

  async function start(rooms: { email: string; name: string }[]): Promise<void> {
    world = await makeWorld({
      policy: "west-sussex",
      start: "2027-01-04T09:00:00.000Z",
      authority: authority(rooms),
    });
    for (const r of rooms) {
      world.graph?.state.rooms.add({ emailAddress: r.email, displayName: r.name });
    }
  }

  it("a hybrid conference books a free room, not a busy one, and reads its acceptance", async () => {
    await start([ROOM_A, ROOM_B]);
    // Room A is busy all of 12 January (another booking in its calendar).
    world.graph?.state.busy.push({
      mailbox: ROOM_A.email,
      start: new Date("2027-01-12T00:00:00Z"),
      end: new Date("2027-01-13T00:00:00Z"),
      status: "busy",
    });
    const meetingId = await request(world, CASE_ID, "2027-01-04");
    const offer = await offerOf(world, meetingId);
    const onTwelfth = offer.slots.filter((s) => s.start.startsWith("2027-01-12"));
    expect(onTwelfth.length).toBeGreaterThan(0);
    for (const s of onTwelfth) expect(s.room?.email).toBe(ROOM_B.email);
    expect(offer.slots.some((s) => s.room?.email === ROOM_A.email)).toBe(true);

    await book(world, meetingId, (s) => s.start.startsWith("2027-01-12"), true);
    const booked = await meetingOf(world, meetingId);
    expect(booked.room).toMatchObject({ email: ROOM_B.email, reply: "none" });
    const event = world.graph?.state.events.get(booked.outlookEventId ?? "");
    const resource = event?.payload.attendees?.filter((a) => a.type === "resource");
    expect(resource?.map((a) => a.emailAddress.address)).toEqual([ROOM_B.email]);
    expect(event?.payload.location?.displayName).toBe(ROOM_B.name);
    // The chair and the clerk still co-organise a hybrid meeting (the room is no participant).
    expect(await rolesOf(world, meetingId)).toEqual({
      [CHAIR_EMAIL]: "coorganizer",
      [CLERK_EMAIL]: "coorganizer",
      "sam.social@demo-council.example": "attendee",
    });

    world.graph?.settleRooms();
    await world.advanceTo("2027-01-05T10:00:00.000Z");
    expect((await meetingOf(world, meetingId)).room?.reply).toBe("accepted");
    // The venue is on the cards: the chair's confirmation and the clerk's booked card.
    const toChair = world.notifier.sent.filter(
      (s) => s.to === DEMO_IDS.chair && /please confirm/.test(s.preview),
    );
    expect(JSON.stringify(toChair[0]?.card)).toContain(ROOM_B.name);
    // And in the family's invitation.
    await submitListAndAccess(world, meetingId, "2027-01-05T11:00:00.000Z");
    const mail = world.graph?.state.sentMail ?? [];
    expect(JSON.stringify(mail)).toContain(`held at ${ROOM_B.name}`);
    expect(world.failed).toEqual([]);
  });

  it("a room that declines sends the clerk back to choose, and the new choice is booked", async () => {
    await start([ROOM_A]);
    const meetingId = await request(world, CASE_ID, "2027-01-04");
    const slot = (await offerOf(world, meetingId)).slots.find(
      (s) => s.withinLimit && s.room?.email === ROOM_A.email,
    );
    expect(slot).toBeDefined();
    // Someone else takes Room A for that time before its booking assistant answers Convene.
    world.graph?.state.busy.push({
      mailbox: ROOM_A.email,
      start: new Date(slot?.start ?? ""),
      end: new Date(slot?.end ?? ""),
      status: "busy",
    });
    await book(world, meetingId, (s) => s.id === slot?.id, true);
    world.graph?.settleRooms();
    await world.advanceTo("2027-01-05T10:00:00.000Z");

    const declined = await meetingOf(world, meetingId);
    expect(declined.room?.reply).toBe("declined");
    expect(declined.start).toBe(slot?.start); // still booked meanwhile
    const told = world.notifier.sent.filter(
      (s) => s.to === DEMO_IDS.clerk && /The room declined/.test(s.preview),
    );
    expect(told).toHaveLength(1);
    // A new offer where the chair and a room are free: never the declined time.
    const again = await offerOf(world, meetingId);
    expect(again.purpose).toBe("rebooking");
    expect(again.slots.length).toBeGreaterThan(0);
    expect(again.slots.every((s) => s.room?.email === ROOM_A.email)).toBe(true);
    expect(again.slots.some((s) => s.start === slot?.start)).toBe(false);

    await book(world, meetingId, (s) => s.withinLimit, true);
    world.graph?.settleRooms();
    await world.advanceTo("2027-01-06T10:00:00.000Z");
    const rebooked = await meetingOf(world, meetingId);
    expect(rebooked.start).not.toBe(slot?.start);
    expect(rebooked.room).toMatchObject({ email: ROOM_A.email, reply: "accepted" });
    const audit = (await world.store.auditOfCase(CASE_ID)).items.map((a) => a.action);
    expect(audit).toEqual(
      expect.arrayContaining(["meeting.room-declined", "meeting.room-accepted"]),
    );
    expect(world.failed).toEqual([]);
  });
});
