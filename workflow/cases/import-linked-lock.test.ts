import type { Meeting } from "../../model";
import { VERBS } from "../../cards/verbs";
import { cardActions, cardText } from "../../test/fakes/recording-notifier";
import { testClient, PREFER, type Json, type TestClient } from "../../test/local-graph/test-client";
import { DEMO_IDS, makeWorld, type World } from "../../test/scenario/world";
import { importCases, type ImportRow } from "./import-cases";

/**
 * A review booked by hand in Outlook before go-live, with its Teams meeting
 * as Teams makes it (chat on) and its lobby opened to everyone, and two
 * professionals invited: linked at the import, its meeting is locked by the
 * booking's background half as Convene's own are (lobby, chat, the chair and
 * the clerk as co-organisers) without dropping anyone, and the social
 * worker's invite list starts with the people the event invites. The Graph
 * adapter against the local Graph. Fixed clock: Mon 11 Jan 2027 14:00 UTC.
 */
const SW = DEMO_IDS.socialWorker;
const OWNER = DEMO_IDS.serviceManager;
const CHAIR_EMAIL = "chris.chair@demo-council.example";
const CLERK_EMAIL = "casey.clerk@demo-council.example";
const GP = { address: "priya.gp@nhs.example", name: "Dr Priya Patel" };
const OFFICER = { address: "dana.officer@police.example", name: "Dana Officer" };
const TOKEN = "scenario-token";

let line = 1;
const row = (ref: string, start: string, eventId: string): ImportRow => ({
  line: ++line,
  case_reference: ref,
  child_id: `${ref}-A`,
  child_name: "Ada Example",
  dob: "2016-04-02",
  social_worker: "sam.social@demo-council.example",
  team_manager: "tayo.manager@demo-council.example",
  cp_plan_start: "2026-05-04",
  cp_plan_category: "neglect",
  last_conference_date: "2026-11-10",
  next_conference_date: start.slice(0, 10),
  next_conference_time: start.slice(11, 16),
  outlook_event_id: eventId,
});

/** An event made in Outlook by hand (POST over HTTPS), its lobby then opened to everyone. */
async function eventByHand(
  world: World,
  client: TestClient,
  start: string,
): Promise<{ eventId: string; onlineMeetingId: string }> {
  const org = `/users/${encodeURIComponent(world.deps.authority.organizer)}`;
  const made = await client.call("POST", `${org}/events`, {
    subject: "Review conference",
    start: { dateTime: start.slice(0, 19), timeZone: "UTC" },
    end: { dateTime: `${start.slice(0, 11)}11:30:00`, timeZone: "UTC" },
    attendees: [
      { emailAddress: { address: CLERK_EMAIL, name: "Casey Clerk" }, type: "required" },
      { emailAddress: GP, type: "required" },
      { emailAddress: OFFICER, type: "optional" },
    ],
    isOnlineMeeting: true,
    onlineMeetingProvider: "teamsForBusiness",
  });
  expect(made.status).toBe(201);
  const joinUrl = made.body.onlineMeeting.joinUrl as string;
  const found = await client.call(
    "GET",
    `${org}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`,
    undefined,
    PREFER,
  );
  const onlineMeetingId = found.body.value[0].id as string;
  const opened = await client.call(
    "PATCH",
    `${org}/onlineMeetings/${onlineMeetingId}`,
    { lobbyBypassSettings: { scope: "everyone", isDialInBypassEnabled: true } },
    PREFER,
  );
  expect(opened.status).toBe(200);
  expect(opened.body.allowMeetingChat).toBe("enabled");
  return { eventId: made.body.id as string, onlineMeetingId };
}

const meetingOf = async (world: World, ref: string): Promise<Meeting> =>
  (await world.store.meetingsOfCase(`case-${ref}`)).items[0] as Meeting;

describe("a review booked by hand in Outlook, linked at the import", () => {
  let world: World;
  let client: TestClient;
  let linked: { eventId: string; onlineMeetingId: string };
  const org = () => `/users/${encodeURIComponent(world.deps.authority.organizer)}`;
  const readMeeting = async (): Promise<Json> =>
    (
      await client.call(
        "GET",
        `${org()}/onlineMeetings/${linked.onlineMeetingId}`,
        undefined,
        PREFER,
      )
    ).body;
  const eventAttendees = async (): Promise<string[]> =>
    (
      await client.call("GET", `${org()}/events/${linked.eventId}?$select=attendees`)
    ).body.attendees.map((a: Json) => a.emailAddress.address.toLowerCase());
  const lockPatches = () =>
    world.graph!.calls.filter(
      (c) => c.method === "PATCH" && c.path.includes(`/onlineMeetings/${linked.onlineMeetingId}`),
    );

  beforeAll(async () => {
    world = await makeWorld({ policy: "swindon", start: "2027-01-11T14:00:00.000Z" });
    client = testClient(world.graph!, TOKEN);
    linked = await eventByHand(world, client, "2027-02-10T10:00:00.000Z");
  });
  afterAll(async () => {
    client.close();
    await world.close();
  });

  it("starts the review's invite list from the event's people, not complete, and makes the invited clerk its clerk", async () => {
    world.graph!.calls.length = 0;
    const report = await importCases(
      world.deps,
      [row("LL-1", "2027-02-10T10:00:00.000Z", linked.eventId)],
      { dryRun: false },
    );
    expect(report).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    // The import only reads Outlook: the lock is the scheduler's work.
    expect(world.graph!.calls.filter((c) => c.method !== "GET")).toEqual([]);
    const meeting = await meetingOf(world, "LL-1");
    expect(meeting.clerk?.email).toBe(CLERK_EMAIL);
    expect(meeting.linkedEvent?.lockedAt).toBeUndefined();
    const list = await world.store.get("invite-list", `${meeting.id}:invite-list`, "case-LL-1");
    expect(list?.complete).toBe(false);
    expect(list?.carriedFromEvent).toBe(linked.eventId);
    // The clerk is Convene's own co-organiser, not a professional of the list.
    expect(list?.invitees.map((i) => [i.name, i.email, i.relation, i.invitedInOutlook])).toEqual([
      [GP.name, GP.address, "professional", true],
      [OFFICER.name, OFFICER.address, "professional", true],
    ]);
  });

  it("before the lock, the hand-made meeting is open: chat on, everyone past the lobby", async () => {
    const before = await readMeeting();
    expect(before.lobbyBypassSettings.scope).toBe("everyone");
    expect(before.allowMeetingChat).toBe("enabled");
  });

  it("the scheduler locks the Teams meeting once, keeps both professionals, and asks the SW to review the list", async () => {
    world.graph!.calls.length = 0;
    await world.runDue();
    expect(world.failed).toEqual([]);
    const after = await readMeeting();
    expect(after.lobbyBypassSettings).toEqual({
      scope: "organizationExcludingGuests",
      isDialInBypassEnabled: false,
    });
    expect(after.allowMeetingChat).toBe("disabled");
    expect(after.allowedLobbyAdmitters).toBe("organizerAndCoOrganizers");
    expect([after.allowRecording, after.allowTranscription]).toEqual([false, false]);
    const roles = Object.fromEntries(
      (after.participants.attendees as Json[]).map((p) => [p.upn, p.role]),
    );
    expect(roles).toEqual({
      [CHAIR_EMAIL]: "coorganizer",
      [CLERK_EMAIL]: "coorganizer",
      "sam.social@demo-council.example": "attendee",
      [GP.address]: "attendee",
      [OFFICER.address]: "attendee",
    });
    // Outlook still invites both professionals: nobody dropped.
    expect(await eventAttendees()).toEqual(
      expect.arrayContaining([GP.address, OFFICER.address, CLERK_EMAIL]),
    );
    expect(lockPatches()).toHaveLength(1);
    const meeting = await meetingOf(world, "LL-1");
    expect(meeting.linkedEvent?.lockedAt).toBe("2027-01-11T14:00:00.000Z");
    const audit = (await world.store.auditOfCase("case-LL-1")).items.map((a) => a.action);
    expect(audit).toContain("meeting.lock-linked-event");
    // The SW's invite-list card starts with the people the event invites.
    const listCards = world.notifier.sent.filter(
      (s) => s.to === SW && s.preview === "Invite list needed for case LL-1",
    );
    expect(listCards).toHaveLength(1);
    // Two rows, filled (the inputs' values) with the event's people.
    expect(cardText(listCards[0]!.card)).toMatch(/Person 1 .*Person 2 /);
    expect(cardText(listCards[0]!.card)).not.toContain("Person 3");
    const card = JSON.stringify(listCards[0]!.card);
    for (const value of [GP.name, GP.address, OFFICER.name, OFFICER.address])
      expect(card).toContain(JSON.stringify(value));
    // Nothing is sent until the SW has reviewed the list.
    expect(world.graph!.state.sentMail.filter((m) => m.to.includes(GP.address))).toEqual([]);
  });

  it("a second run of the import and of the scheduler locks nothing again", async () => {
    world.graph!.calls.length = 0;
    const report = await importCases(
      world.deps,
      [row("LL-1", "2027-02-10T10:00:00.000Z", linked.eventId)],
      { dryRun: false },
    );
    expect(report.unchanged).toBe(1);
    await world.runDue();
    expect(lockPatches()).toEqual([]);
  });

  it("removing a professional invited in Outlook asks first, then sends a cancellation", async () => {
    const meeting = await meetingOf(world, "LL-1");
    const list = await world.store.get("invite-list", `${meeting.id}:invite-list`, "case-LL-1");
    const gp = list!.invitees.find((i) => i.email === GP.address)!;
    const data: Record<string, unknown> = {
      caseId: "case-LL-1",
      meetingId: meeting.id,
      "invitees.0.name": gp.name,
      "invitees.0.role": "GP",
      "invitees.0.agency": "Health",
      "invitees.0.email": gp.email,
      "invitees.0.relation": "professional",
      "invitees.0.policeCheck": "false",
      rowIds: gp.id,
    };
    const asked = await world.act(SW, VERBS.submitInviteList, data);
    const askedText = cardText((asked as { card: Record<string, unknown> }).card);
    expect(askedText).toContain(OFFICER.name);
    expect(
      (await world.store.get("invite-list", `${meeting.id}:invite-list`, "case-LL-1"))?.complete,
    ).toBe(false);

    const done = await world.act(SW, VERBS.submitInviteList, { ...data, confirmRemovals: "true" });
    expect(cardText((done as { card: Record<string, unknown> }).card)).toContain(
      "sent a cancellation",
    );
    const saved = await world.store.get("invite-list", `${meeting.id}:invite-list`, "case-LL-1");
    expect([saved?.complete, saved?.carriedFromEvent]).toEqual([true, undefined]);
    expect(saved?.removed?.map((r) => [r.invitee.email, r.cancel])).toEqual([
      [OFFICER.address, true],
    ]);
    // The GP keeps the mark: removing them later asks again.
    expect(saved?.invitees.map((i) => [i.email, i.role, i.invitedInOutlook])).toEqual([
      [GP.address, "GP", true],
    ]);
    await world.runDue();
    expect(world.failed).toEqual([]);
    expect(
      world.graph!.state.sentMail.filter(
        (m) => m.to.includes(OFFICER.address) && JSON.stringify(m.message).includes("Cancelled"),
      ),
    ).toHaveLength(1);
    const attendees = await eventAttendees();
    expect(attendees).toContain(GP.address);
    expect(attendees).not.toContain(OFFICER.address);
  });
});

describe("a review the file requested, its list already in, booked by hand in Outlook since", () => {
  let world: World;
  let client: TestClient;
  beforeAll(async () => {
    world = await makeWorld({ policy: "swindon", start: "2027-01-11T14:00:00.000Z" });
    client = testClient(world.graph!, TOKEN);
  });
  afterAll(async () => {
    client.close();
    await world.close();
  });

  it("keeps the SW's list and adds whoever the event invites that it lacks; the invitations keep everyone", async () => {
    const {
      next_conference_date: _d,
      next_conference_time: _t,
      outlook_event_id: _e,
      ...plain
    } = row("LL-3", "2027-02-12T10:00:00.000Z", "");
    expect((await importCases(world.deps, [plain], { dryRun: false })).created).toBe(1);
    const requested = await meetingOf(world, "LL-3");
    expect(requested.status).toBe("requested");
    const data: Record<string, unknown> = {
      caseId: "case-LL-3",
      meetingId: requested.id,
      "invitees.0.name": GP.name,
      "invitees.0.role": "GP",
      "invitees.0.agency": "Health",
      "invitees.0.email": GP.address,
      "invitees.0.relation": "professional",
      "invitees.0.policeCheck": "false",
      rowIds: "",
    };
    await world.act(SW, VERBS.submitInviteList, data);
    const linked = await eventByHand(world, client, "2027-02-12T10:00:00.000Z");
    const report = await importCases(
      world.deps,
      [row("LL-3", "2027-02-12T10:00:00.000Z", linked.eventId)],
      { dryRun: false },
    );
    expect(report.errors).toEqual([]);
    const list = await world.store.get("invite-list", `${requested.id}:invite-list`, "case-LL-3");
    // The SW's GP as the SW gave them; the officer only the event invites, added.
    expect(list?.invitees.map((i) => [i.email, i.role, i.invitedInOutlook ?? false])).toEqual([
      [GP.address, "GP", false],
      [OFFICER.address, "not recorded", true],
    ]);
    expect(list?.complete).toBe(true);
    await world.runDue();
    expect(world.failed).toEqual([]);
    const org = `/users/${encodeURIComponent(world.deps.authority.organizer)}`;
    const event = await client.call("GET", `${org}/events/${linked.eventId}?$select=attendees`);
    expect(event.body.attendees.map((a: Json) => a.emailAddress.address.toLowerCase())).toEqual(
      expect.arrayContaining([GP.address, OFFICER.address]),
    );
  });
});

describe("a linked event whose meeting Outlook refuses to lock", () => {
  let world: World;
  let client: TestClient;
  let linked: { eventId: string; onlineMeetingId: string };

  beforeAll(async () => {
    world = await makeWorld({ policy: "swindon", start: "2027-01-11T14:00:00.000Z" });
    client = testClient(world.graph!, TOKEN);
    linked = await eventByHand(world, client, "2027-02-11T10:00:00.000Z");
    const report = await importCases(
      world.deps,
      [row("LL-2", "2027-02-11T10:00:00.000Z", linked.eventId)],
      { dryRun: false },
    );
    expect(report.errors).toEqual([]);
    // The meetings can still be read, no longer changed.
    world.graph!.permissions.grant("OnlineMeetings.Read.All");
    world.graph!.permissions.revoke("OnlineMeetings.ReadWrite.All");
    await world.runDue();
  });
  afterAll(async () => {
    client.close();
    await world.close();
  });

  it("fails the booking's background task visibly, records no lock, and tells the service owners", async () => {
    const meeting = await meetingOf(world, "LL-2");
    const failed = world.failed.filter((f) =>
      f.taskId.startsWith(`${meeting.id}:meeting.create-event`),
    );
    expect(failed).toHaveLength(1);
    // Refused at the lock itself (403), not before it.
    expect(failed[0]?.error).toMatch(/^Calendar\.rejected: meeting\.lock: HTTP 403/);
    expect(meeting.linkedEvent).toBeDefined();
    expect(meeting.linkedEvent?.lockedAt).toBeUndefined();
    const open = (
      await client.call(
        "GET",
        `/users/${encodeURIComponent(world.deps.authority.organizer)}/onlineMeetings/${linked.onlineMeetingId}`,
        undefined,
        PREFER,
      )
    ).body;
    expect(open.lobbyBypassSettings.scope).toBe("everyone");
    const ownerCards = world.notifier.sent.filter(
      (s) => s.to === OWNER && /could not finish something/i.test(s.preview),
    );
    expect(ownerCards).toHaveLength(1);
    expect(ownerCards[0]!.preview).toMatch(/lobby and chat could not be locked/);
  });

  it("once the permission is back, the service owner's Retry locks it, once", async () => {
    const owners = world.notifier.sent.filter(
      (s) => s.to === OWNER && /could not finish something/i.test(s.preview),
    );
    const retry = cardActions(owners[0]!.card).find((a) => a.verb === VERBS.failureRetry);
    expect(retry).toBeDefined();
    world.graph!.permissions.grant("OnlineMeetings.ReadWrite.All");
    await world.act(OWNER, VERBS.failureRetry, retry!.data);
    await world.runDue();
    const meeting = await meetingOf(world, "LL-2");
    expect(meeting.linkedEvent?.lockedAt).toBeDefined();
    const locked = (
      await client.call(
        "GET",
        `/users/${encodeURIComponent(world.deps.authority.organizer)}/onlineMeetings/${linked.onlineMeetingId}`,
        undefined,
        PREFER,
      )
    ).body;
    expect([locked.lobbyBypassSettings.scope, locked.allowMeetingChat]).toEqual([
      "organizationExcludingGuests",
      "disabled",
    ]);
    expect(world.failed).toHaveLength(1);
    const accepted = world.graph!.calls.filter(
      (c) =>
        c.method === "PATCH" &&
        c.status === 200 &&
        c.path.includes(`/onlineMeetings/${linked.onlineMeetingId}`),
    );
    // The hand-made opening of the lobby, then the one lock that was let through.
    expect(accepted).toHaveLength(2);
  });
});
