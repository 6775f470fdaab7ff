import { receiveGraphNotifications } from "../../app/graph-notifications";
import { REFRESH_TASK } from "../../workflow/quoracy/tasks";
import { makeWorld, type World } from "./world";

/**
 * Outlook replies and the quoracy forecast: Graph change notifications. The validation handshake is
 * answered; a notification without the right clientState, or a replayed
 * one, is refused and changes nothing; a good one queues one refresh.
 */
const SECRET = "s3cret-client-state-0123456789";
const notification = (clientState: string, resourceId = "AAMkAD-event-1") => ({
  value: [
    {
      subscriptionId: "7f105c7d-2dc5-4530-97cd-4e7ae6534c07",
      subscriptionExpirationDateTime: "2027-01-30T11:00:00.0000000Z",
      changeType: "updated",
      resource: `Users/conferences@demo-council.example/Events/${resourceId}`,
      resourceData: { "@odata.type": "#Microsoft.Graph.Event", id: resourceId },
      clientState,
      tenantId: "2f1a9c3e-7b4d-4e5f-8a6b-0c1d2e3f4a5b",
    },
  ],
});

describe("Graph change notifications", () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld({
      policy: "england",
      start: "2027-01-25T10:00:00.000Z",
      calendar: "outbox",
    });
  });
  afterEach(async () => {
    await world.close();
  });

  const refreshTasks = async () =>
    (await world.store.dueTasks(new Date("2030-01-01T00:00:00.000Z"), 100)).items.filter(
      (t) => t.taskType === REFRESH_TASK,
    );

  it("answers the subscription's validation request with the token, as text", async () => {
    const answer = await receiveGraphNotifications(world.deps, SECRET, {
      query: { validationToken: "Validation: Token 123" },
      body: undefined,
    });
    expect(answer).toEqual({
      status: 200,
      contentType: "text/plain",
      body: "Validation: Token 123",
    });
  });

  it("refuses a notification without the right clientState, and changes nothing", async () => {
    for (const body of [
      notification("wrong"),
      { value: [{ ...notification(SECRET).value[0], clientState: undefined }] },
    ]) {
      const answer = await receiveGraphNotifications(world.deps, SECRET, { query: {}, body });
      expect(answer.status).toBe(403);
    }
    expect(await refreshTasks()).toEqual([]);
  });

  it("accepts a good one once (one refresh queued) and refuses its replay", async () => {
    const first = await receiveGraphNotifications(world.deps, SECRET, {
      query: {},
      body: notification(SECRET),
    });
    expect(first.status).toBe(202);
    expect(await refreshTasks()).toHaveLength(1);
    const replay = await receiveGraphNotifications(world.deps, SECRET, {
      query: {},
      body: notification(SECRET),
    });
    expect(replay.status).toBe(409);
    expect(await refreshTasks()).toHaveLength(1);
    // A different change is a new notification.
    const other = await receiveGraphNotifications(world.deps, SECRET, {
      query: {},
      body: notification(SECRET, "AAMkAD-event-2"),
    });
    expect(other.status).toBe(202);
    expect(await refreshTasks()).toHaveLength(2);
  });

  it("answers 400 to something that is not a change notification", async () => {
    const answer = await receiveGraphNotifications(world.deps, SECRET, {
      query: {},
      body: { hello: "world" },
    });
    expect(answer.status).toBe(400);
    expect(await refreshTasks()).toEqual([]);
  });
});
