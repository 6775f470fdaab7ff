import type { Case } from "../../model";
import { VERBS } from "../../cards/verbs";
import { ensurePoll } from "../../workflow/quoracy/tasks";
import { cardActions, cardText } from "../fakes/recording-notifier";
import { inviteListData, offerOf } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * Outlook replies and the quoracy forecast: three meetings; in one, the police and health invitees decline.
 * The forecast card reaches the chair and the clerk at the right time (Tue
 * 26 Jan 09:00: 3 working days before Fri 29 Jan) exactly once, is updated
 * in place when the police later accept (still at risk) and when health
 * accepts (withdrawn), and the other two meetings raise nothing.
 */
const CHAIR = DEMO_IDS.chair;
const CLERK = DEMO_IDS.clerk;

async function bookIcpc(world: World, caseId: string, slotStart: string): Promise<string> {
  await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
    caseId,
    meetingKind: "ICPC",
    childIds: `${caseId}-child-1`,
    indexChildId: `${caseId}-child-1`,
    strategyDate: "2027-01-11",
  });
  await world.runDue();
  const meetingId = `${caseId}.icpc.2027-01-11`;
  const offer = await offerOf(world, meetingId);
  const slot = offer.slots.find((s) => s.start === slotStart);
  if (slot === undefined) throw new Error(`slot ${slotStart} not offered for ${caseId}`);
  await world.act(DEMO_IDS.clerk, VERBS.book, { caseId, meetingId, slotId: slot.id });
  await world.runDue();
  const list = inviteListData(meetingId);
  list.caseId = caseId;
  await world.act(DEMO_IDS.socialWorker, VERBS.submitInviteList, list);
  await world.runDue();
  return meetingId;
}

describe("the quoracy forecast", () => {
  let world: World;
  const meetings: string[] = [];

  beforeAll(async () => {
    world = await makeWorld({ policy: "england", start: "2027-01-11T14:00:00.000Z" });
    const third: Case = {
      ...world.cases[1]!,
      id: "case-C-1003",
      pk: "case-C-1003",
      reference: "C-1003",
      children: [{ id: "case-C-1003-child-1", name: "Dee Example" }],
      indexChildId: "case-C-1003-child-1",
    };
    await world.store.create(third);
    await ensurePoll(world.deps, world.clock());
    meetings.push(await bookIcpc(world, "case-C-1001", "2027-01-29T10:00:00.000Z"));
    meetings.push(await bookIcpc(world, "case-C-1002", "2027-01-29T14:00:00.000Z"));
    meetings.push(await bookIcpc(world, "case-C-1003", "2027-01-28T14:00:00.000Z"));
  });
  afterAll(async () => {
    await world.close();
  });

  const eventOf = async (meetingId: string) => {
    const caseId = meetingId.split(".")[0]!;
    return (await world.store.get("meeting", meetingId, caseId))!.outlookEventId!;
  };
  const forecasts = () =>
    world.notifier.sent.filter((s) => s.preview.includes("may not be quorate"));

  it("warns the chair and the clerk of the one at risk, once, 3 working days before", async () => {
    const graph = world.graph!;
    const [a, b, c] = await Promise.all(meetings.map(eventOf));
    // Police and health decline meeting A on Fri 22 Jan; they accept B and C.
    await world.advanceTo("2027-01-22T11:00:00.000Z");
    graph.state.respond(a!, "dana.officer@police.example", "declined");
    graph.state.respond(a!, "eli.gp@nhs.example", "declined");
    for (const e of [b!, c!]) {
      graph.state.respond(e, "dana.officer@police.example", "accepted");
      graph.state.respond(e, "eli.gp@nhs.example", "accepted");
    }
    await world.advanceTo("2027-01-26T08:59:00.000Z");
    expect(forecasts()).toEqual([]);
    await world.advanceTo("2027-01-27T11:00:00.000Z");
    expect(forecasts().map((s) => [s.to, s.at, s.preview])).toEqual(
      expect.arrayContaining([
        [CHAIR, "2027-01-26T09:00:00.000Z", "ICPC for case C-1001 may not be quorate"],
        [CLERK, "2027-01-26T09:00:00.000Z", "ICPC for case C-1001 may not be quorate"],
      ]),
    );
    expect(forecasts()).toHaveLength(2);
    const card = forecasts()[0]!.card;
    expect(cardText(card)).toMatch(/Police/);
    expect(cardActions(card).map((x) => x.verb)).toEqual(
      expect.arrayContaining([
        VERBS.quoracyNudge,
        VERBS.quoracyAskSocialWorker,
        VERBS.quoracyProposeStandDown,
      ]),
    );
  });

  it("updates the card when an agency accepts, and withdraws it once quorate", async () => {
    const graph = world.graph!;
    const a = await eventOf(meetings[0]!);
    const updatesBefore = world.notifier.updates.length;
    graph.state.respond(a, "dana.officer@police.example", "accepted");
    await world.advanceTo("2027-01-27T13:00:00.000Z");
    const stillAtRisk = world.notifier.updates.slice(updatesBefore);
    expect(stillAtRisk.map((u) => u.to).sort()).toEqual([CHAIR, CLERK].sort());
    expect(cardText(stillAtRisk[0]!.card)).not.toMatch(/withdrawn/i);

    graph.state.respond(a, "eli.gp@nhs.example", "accepted");
    await world.advanceTo("2027-01-27T16:00:00.000Z");
    const last = world.notifier.updates.slice(-2);
    expect(last.map((u) => u.to).sort()).toEqual([CHAIR, CLERK].sort());
    expect(cardText(last[0]!.card)).toMatch(/withdrawn/i);
    // Still exactly two forecast messages: everything since was an update.
    expect(forecasts()).toHaveLength(2);
    await world.advanceTo("2027-01-29T12:00:00.000Z");
    expect(forecasts()).toHaveLength(2);
    expect(forecasts().every((s) => s.preview.includes("C-1001"))).toBe(true);
    expect(world.failed).toEqual([]);
  });
});
