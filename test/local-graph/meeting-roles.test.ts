import { startLocalGraph, type LocalGraph } from "./index";
import {
  ORG,
  PREFER,
  person,
  testClient,
  teamsEvent,
  type Json,
  type TestClient,
} from "./test-client";

/** Online-meeting participants, their roles, and who may admit from the lobby. */
const TOKEN = "meeting-roles-test-token";
let graph: LocalGraph;
let client: TestClient;

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN] });
  client = testClient(graph, TOKEN);
});
afterAll(async () => {
  client.close();
  await graph.close();
});
beforeEach(() => {
  graph.reset();
  graph.state.rooms.add({ emailAddress: "room-1@council.example", displayName: "Room 1" });
});

const CHAIR = "chair@council.example";
const WORKER = "worker@council.example";
const PARENT = "parent@family.example";

async function meeting(attendees = [person(CHAIR), person(WORKER), person(PARENT)]) {
  const created = await client.call("POST", `${ORG}/events`, teamsEvent({ attendees }));
  const joinUrl = created.body.onlineMeeting.joinUrl as string;
  const found = await client.call(
    "GET",
    `${ORG}/onlineMeetings?$filter=${encodeURIComponent(`JoinWebUrl eq '${joinUrl}'`)}`,
  );
  return { eventId: created.body.id as string, id: found.body.value[0].id as string };
}

const patch = (id: string, body: unknown, headers: Record<string, string> = PREFER) =>
  client.call("PATCH", `${ORG}/onlineMeetings/${id}`, body, headers);
const read = (id: string, headers: Record<string, string> = {}) =>
  client.call("GET", `${ORG}/onlineMeetings/${id}`, undefined, headers);
const roles = (body: Json): Record<string, string> =>
  Object.fromEntries(
    (body.participants.attendees as Json[]).map((a) => [a.upn as string, a.role as string]),
  );

describe("online-meeting participants", () => {
  it("takes the event's people as attendees, the organiser as presenter, rooms left out", async () => {
    const { id } = await meeting([person(CHAIR), person("room-1@council.example", "resource")]);
    const answer = await read(id);
    expect(answer.body.participants.organizer).toEqual({
      upn: "conferences@council.example",
      role: "presenter",
    });
    expect(roles(answer.body)).toEqual({ [CHAIR]: "attendee" });
  });

  it("reads a coorganizer back as unknownFutureValue without the Prefer header", async () => {
    const { id } = await meeting();
    const set = await patch(id, {
      participants: {
        attendees: [{ upn: CHAIR, role: "coorganizer" }, { upn: WORKER }, { upn: PARENT }],
      },
    });
    expect(set.status).toBe(200);
    expect(roles((await read(id)).body)[CHAIR]).toBe("unknownFutureValue");
    expect(roles((await read(id, PREFER)).body)[CHAIR]).toBe("coorganizer");
  });

  it("refuses to set coorganizer without the Prefer header, and producer or unknownFutureValue at all", async () => {
    const { id } = await meeting();
    const coorganizer = { participants: { attendees: [{ upn: CHAIR, role: "coorganizer" }] } };
    expect((await patch(id, coorganizer, {})).status).toBe(400);
    for (const role of ["producer", "unknownFutureValue"]) {
      expect(
        (await patch(id, { participants: { attendees: [{ upn: CHAIR, role }] } })).status,
      ).toBe(400);
    }
    expect(roles((await read(id, PREFER)).body)[CHAIR]).toBe("attendee");
  });

  it("gives the presenter role effect only with allowedPresenters roleIsPresenter", async () => {
    const { id } = await meeting();
    await patch(id, { participants: { attendees: [{ upn: WORKER, role: "presenter" }] } });
    expect(roles((await read(id)).body)[WORKER]).toBe("attendee");
    await patch(id, {
      allowedPresenters: "roleIsPresenter",
      participants: { attendees: [{ upn: WORKER, role: "presenter" }] },
    });
    expect(roles((await read(id)).body)[WORKER]).toBe("presenter");
  });

  it("replaces the whole attendee list on a PATCH of participants", async () => {
    const { id } = await meeting();
    await patch(id, { participants: { attendees: [{ upn: CHAIR, role: "coorganizer" }] } });
    expect(roles((await read(id, PREFER)).body)).toEqual({ [CHAIR]: "coorganizer" });
    // A PATCH that names no participants leaves them as they are.
    await patch(id, { allowMeetingChat: "disabled" });
    expect(roles((await read(id, PREFER)).body)).toEqual({ [CHAIR]: "coorganizer" });
  });

  it("refuses to change the organiser", async () => {
    const { id } = await meeting();
    const answer = await patch(id, { participants: { organizer: { upn: CHAIR } } });
    expect(answer.status).toBe(400);
  });

  it("puts everyone back to attendee when the event's attendees change", async () => {
    const { id, eventId } = await meeting();
    await patch(id, {
      participants: {
        attendees: [{ upn: CHAIR, role: "coorganizer" }, { upn: WORKER }, { upn: PARENT }],
      },
    });
    const changed = await client.call("PATCH", `${ORG}/events/${eventId}`, {
      attendees: [person(CHAIR), person(WORKER), person("nurse@health.example")],
    });
    expect(changed.status).toBe(200);
    expect(roles((await read(id, PREFER)).body)).toEqual({
      [CHAIR]: "attendee",
      [WORKER]: "attendee",
      "nurse@health.example": "attendee",
    });
  });

  it("keeps roles when an event PATCH leaves the attendees as they were", async () => {
    const { id, eventId } = await meeting();
    await patch(id, { participants: { attendees: [{ upn: CHAIR, role: "coorganizer" }] } });
    await client.call("PATCH", `${ORG}/events/${eventId}`, { subject: "ICPC – case C-1 (moved)" });
    expect(roles((await read(id, PREFER)).body)[CHAIR]).toBe("coorganizer");
  });
});

describe("who may admit from the lobby", () => {
  it("is the organiser alone (a service mailbox nobody attends as) when nobody has a role", async () => {
    const { id } = await meeting();
    await patch(id, { allowedLobbyAdmitters: "organizerAndCoOrganizers" });
    expect(graph.state.lobbyAdmittersOf(id)).toEqual({
      people: ["conferences@council.example"],
      alsoUninvited: "none",
    });
  });

  it("organizerAndCoOrganizers: the organiser and co-organisers, never presenters", async () => {
    const { id } = await meeting();
    await patch(id, {
      allowedLobbyAdmitters: "organizerAndCoOrganizers",
      allowedPresenters: "roleIsPresenter",
      participants: {
        attendees: [
          { upn: CHAIR, role: "coorganizer" },
          { upn: WORKER, role: "presenter" },
          { upn: PARENT },
        ],
      },
    });
    expect(graph.state.lobbyAdmittersOf(id).people.sort()).toEqual(
      ["conferences@council.example", CHAIR].sort(),
    );
  });

  it("organizerAndCoOrganizersAndPresenters with roleIsPresenter: adds those with the presenter role", async () => {
    const { id } = await meeting();
    await patch(id, {
      allowedLobbyAdmitters: "organizerAndCoOrganizersAndPresenters",
      allowedPresenters: "roleIsPresenter",
      participants: {
        attendees: [
          { upn: CHAIR, role: "coorganizer" },
          { upn: WORKER, role: "presenter" },
          { upn: PARENT },
        ],
      },
    });
    expect(graph.state.lobbyAdmittersOf(id)).toEqual({
      people: ["conferences@council.example", CHAIR, WORKER],
      alsoUninvited: "none",
    });
  });

  it("organizerAndCoOrganizersAndPresenters with everyone presenting: anyone, the family included", async () => {
    const { id } = await meeting();
    // The tenant's defaults: ...AndPresenters, everyone presents.
    const admitters = graph.state.lobbyAdmittersOf(id);
    expect(admitters.people).toContain(PARENT);
    expect(admitters.alsoUninvited).toBe("everyone");
  });

  it("organizerAndCoOrganizersAndPresenters with organization presenting: the council's people, not the family", async () => {
    const { id } = await meeting();
    await patch(id, { allowedPresenters: "organization" });
    const admitters = graph.state.lobbyAdmittersOf(id);
    expect(admitters.people).toEqual(["conferences@council.example", CHAIR, WORKER]);
    expect(admitters.alsoUninvited).toBe("organization");
  });

  it("unknownFutureValue (documented as nothing): the strictest reading, organiser and co-organisers", async () => {
    const { id } = await meeting();
    await patch(id, {
      allowedLobbyAdmitters: "unknownFutureValue",
      allowedPresenters: "everyone",
      participants: { attendees: [{ upn: CHAIR, role: "coorganizer" }, { upn: WORKER }] },
    });
    expect(graph.state.lobbyAdmittersOf(id)).toEqual({
      people: ["conferences@council.example", CHAIR],
      alsoUninvited: "none",
    });
  });
});
