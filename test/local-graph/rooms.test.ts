import { TEST_NOW } from "./harness";
import { startLocalGraph, type LocalGraph } from "./index";
import { ORG, person, testClient, teamsEvent, type Json, type TestClient } from "./test-client";

/** Room mailboxes: listed as places, free/busy, accepting or declining by their own rule, later. */
const TOKEN = "rooms-test-token";
const ROOM = "room-1@council.example";
let graph: LocalGraph;
let client: TestClient;

beforeAll(async () => {
  // Replies come only at settleRooms(), unless a test waits for the timer.
  graph = await startLocalGraph({
    acceptTokens: [TOKEN],
    roomReplyDelayMs: 60_000,
    now: () => TEST_NOW,
  });
  client = testClient(graph, TOKEN);
});
afterAll(async () => {
  client.close();
  await graph.close();
});
beforeEach(() => {
  graph.reset();
  graph.state.rooms.add({
    emailAddress: ROOM,
    displayName: "Conference Room 1",
    capacity: 12,
    building: "County Hall",
  });
});

const at = (start: string, end: string) => ({
  start: { dateTime: start, timeZone: "Europe/London" },
  end: { dateTime: end, timeZone: "Europe/London" },
});

async function book(start: string, end: string, subject = "ICPC"): Promise<string> {
  const created = await client.call(
    "POST",
    `${ORG}/events`,
    teamsEvent({
      subject,
      ...at(start, end),
      attendees: [person("chair@council.example"), person(ROOM, "resource")],
    }),
  );
  expect(created.status).toBe(201);
  return created.body.id as string;
}

async function roomReply(eventId: string): Promise<string> {
  const answer = await client.call("GET", `${ORG}/events/${eventId}?$select=attendees`);
  const room = (answer.body.attendees as Json[]).find((a) => a.emailAddress.address === ROOM);
  return room.status.response as string;
}

describe("rooms", () => {
  it("lists room mailboxes as places (Place.Read.All)", async () => {
    const answer = await client.call("GET", "/places/microsoft.graph.room");
    expect(answer.status).toBe(200);
    expect(answer.body.value).toEqual([
      expect.objectContaining({
        emailAddress: ROOM,
        displayName: "Conference Room 1",
        capacity: 12,
      }),
    ]);
    graph.permissions.revoke("Place.Read.All");
    expect((await client.call("GET", "/places/microsoft.graph.room")).status).toBe(403);
  });

  it("answers a meeting request later, not in the create's answer: free, so accepted", async () => {
    const eventId = await book("2027-01-07T10:00:00", "2027-01-07T12:00:00");
    expect(await roomReply(eventId)).toBe("none");
    graph.settleRooms();
    expect(await roomReply(eventId)).toBe("accepted");
  });

  it("declines when busy: a meeting it already accepted overlaps", async () => {
    const first = await book("2027-01-07T10:00:00", "2027-01-07T12:00:00", "First");
    graph.settleRooms();
    const second = await book("2027-01-07T11:00:00", "2027-01-07T13:00:00", "Second");
    graph.settleRooms();
    expect(await roomReply(first)).toBe("accepted");
    expect(await roomReply(second)).toBe("declined");
  });

  it("declines when its calendar has busy time, accepts back to back", async () => {
    graph.state.busy.push({
      mailbox: ROOM,
      start: new Date("2027-01-07T09:00:00Z"),
      end: new Date("2027-01-07T10:00:00Z"),
      status: "busy",
    });
    const clash = await book("2027-01-07T09:30:00", "2027-01-07T10:30:00");
    const after = await book("2027-01-07T10:00:00", "2027-01-07T11:00:00", "After");
    graph.settleRooms();
    expect(await roomReply(clash)).toBe("declined");
    expect(await roomReply(after)).toBe("accepted");
  });

  it("answers two requests for the same time in the order they came: first accepted", async () => {
    const a = await book("2027-01-08T10:00:00", "2027-01-08T12:00:00", "A");
    const b = await book("2027-01-08T10:00:00", "2027-01-08T12:00:00", "B");
    graph.settleRooms();
    expect([await roomReply(a), await roomReply(b)]).toEqual(["accepted", "declined"]);
  });

  it("shows as busy in getSchedule only for what it accepted", async () => {
    await book("2027-01-07T10:00:00", "2027-01-07T12:00:00", "Kept");
    graph.settleRooms();
    await book("2027-01-07T11:00:00", "2027-01-07T13:00:00", "Declined");
    graph.settleRooms();
    const answer = await client.call("POST", `${ORG}/calendar/getSchedule`, {
      schedules: [ROOM],
      startTime: { dateTime: "2027-01-07T00:00:00", timeZone: "UTC" },
      endTime: { dateTime: "2027-01-08T00:00:00", timeZone: "UTC" },
    });
    const items = answer.body.value[0].scheduleItems as Json[];
    expect(items).toHaveLength(1);
    expect(items[0].start.dateTime).toBe("2027-01-07T10:00:00.0000000");
  });

  it("answers again when the meeting moves: to a busy time, declined", async () => {
    await book("2027-01-07T14:00:00", "2027-01-07T15:00:00", "Afternoon");
    const moving = await book("2027-01-07T10:00:00", "2027-01-07T11:00:00", "Moving");
    graph.settleRooms();
    expect(await roomReply(moving)).toBe("accepted");
    const moved = await client.call(
      "PATCH",
      `${ORG}/events/${moving}`,
      at("2027-01-07T14:30:00", "2027-01-07T15:30:00"),
    );
    expect(moved.status).toBe(200);
    expect(await roomReply(moving)).toBe("none");
    graph.settleRooms();
    expect(await roomReply(moving)).toBe("declined");
  });

  it("tells a subscriber the room answered (the organiser's copy changed)", async () => {
    await client.call("POST", "/subscriptions", {
      changeType: "updated",
      notificationUrl: "https://convene.example/notify",
      resource: "/users/conferences@council.example/events",
      expirationDateTime: new Date(TEST_NOW.getTime() + 3_600_000).toISOString(),
      clientState: "secret-state",
    });
    await book("2027-01-07T10:00:00", "2027-01-07T12:00:00");
    expect(graph.state.notifications).toHaveLength(0);
    graph.settleRooms();
    expect(graph.state.notifications).toHaveLength(1);
  });
});

describe("rooms on their own timer", () => {
  it("answer by themselves after roomReplyDelayMs", async () => {
    const quick = await startLocalGraph({ acceptTokens: [TOKEN], roomReplyDelayMs: 5 });
    const quickClient = testClient(quick, TOKEN);
    try {
      quick.state.rooms.add({ emailAddress: ROOM, displayName: "Conference Room 1" });
      const created = await quickClient.call(
        "POST",
        `${ORG}/events`,
        teamsEvent({ attendees: [person(ROOM, "resource")] }),
      );
      const eventId = created.body.id as string;
      // Waits on the real timer the local Graph uses for its rooms (at most 200 × 10 ms).
      let reply = "none";
      for (let i = 0; i < 200 && reply === "none"; i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        const stored = quick.state.events.get(eventId);
        if (stored !== undefined) reply = quick.state.statusOf(stored, ROOM).response;
      }
      expect(reply).toBe("accepted");
    } finally {
      quickClient.close();
      await quick.close();
    }
  });
});
