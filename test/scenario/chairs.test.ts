import { VERBS } from "../../cards/verbs";
import { demoAuthority } from "../../app/demo/authority";
import { rotaId, rotaPk, type DutyRota } from "../../model";
import { Authority } from "../../workflow/kernel/authority";
import { dutyCounts } from "../../workflow/chairs/rota-fair";
import type { CardJson } from "../../ports";
import { cardActions, cardText } from "../fakes/recording-notifier";
import { CASE_ID, CHILD_IDS, corrupt, offerOf } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/** West Sussex with three chairs (CPAs) and their team manager. */
const OLU = "66666666-6666-4666-8666-666666666666";
const TIA = "77777777-7777-4777-8777-777777777777";
const CHAIRS = [DEMO_IDS.chair, OLU, TIA];

function westSussex(): Authority {
  const base = demoAuthority("west-sussex");
  return Authority.parse({
    ...base,
    staff: [
      ...base.staff.map((s) =>
        s.entraObjectId === DEMO_IDS.chair ? { ...s, teamManager: DEMO_IDS.teamManager } : s,
      ),
      {
        entraObjectId: OLU,
        name: "Olu Other",
        email: "olu.other@demo-council.example",
        roles: ["chair"],
        teamManager: DEMO_IDS.teamManager,
      },
      {
        entraObjectId: TIA,
        name: "Tia Third",
        email: "tia.third@demo-council.example",
        roles: ["chair"],
        teamManager: DEMO_IDS.teamManager,
      },
    ],
  });
}

const rotaOf = async (world: World, month: string): Promise<DutyRota> => {
  const rota = await world.store.get("duty-rota", rotaId("demo", month), rotaPk("demo"));
  if (rota === undefined) throw new Error(`no rota for ${month}`);
  return rota;
};

const cardsTo = (world: World, id: string, preview: RegExp) =>
  world.notifier.sent.filter((s) => s.to === id && preview.test(s.preview));

async function requestIcpc(world: World, strategy: string): Promise<string> {
  await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
    caseId: CASE_ID,
    meetingKind: "ICPC",
    childIds: CHILD_IDS,
    indexChildId: `${CASE_ID}-child-1`,
    strategyDate: strategy,
  });
  await world.runDue();
  return `${CASE_ID}.icpc.${strategy}`;
}

describe("chairs (west-sussex, West Sussex)", () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld({
      policy: "west-sussex",
      start: "2027-01-04T09:00:00.000Z",
      calendar: "outbox",
      authority: westSussex(),
    });
  });
  afterEach(async () => world.close());

  it("a chair's leave makes the booking offer skip them", async () => {
    // The case's chair is on leave for the whole of the ICPC's 15 working days.
    const added = await world.act(DEMO_IDS.chair, VERBS.chairUnavailableAdd, {
      kind: "leave",
      startDate: "2027-01-05",
      startTime: "",
      endDate: "2027-01-29",
      endTime: "",
    });
    expect(JSON.stringify(added)).toContain("Unavailable slot added");
    const meetingId = await requestIcpc(world, "2027-01-04");
    const offer = await offerOf(world, meetingId);
    expect(offer.chairId).not.toBe(DEMO_IDS.chair);
    expect(CHAIRS).toContain(offer.chairId);
    expect(offer.slots.some((s) => s.withinLimit)).toBe(true);

    // An end before the start, or an impossible date, changes nothing.
    const bad = await world.act(DEMO_IDS.chair, VERBS.chairUnavailableAdd, {
      kind: "leave",
      startDate: "2027-02-10",
      endDate: "2027-02-09",
    });
    expect(JSON.stringify(bad)).toContain("The end must be after the start");
    const impossible = await world.act(DEMO_IDS.chair, VERBS.chairUnavailableAdd, {
      kind: "leave",
      startDate: "2027-02-30",
      endDate: "2027-03-02",
    });
    expect(JSON.stringify(impossible)).toContain("real date");
    const doc = await world.store.get(
      "chair-unavailability",
      `unavailability:${DEMO_IDS.chair}`,
      DEMO_IDS.chair,
    );
    expect(doc?.slots).toHaveLength(1);

    // Someone who is not a chair is refused, and audited.
    const forged = await world.act(DEMO_IDS.socialWorker, VERBS.chairUnavailableAdd, {
      kind: "leave",
      startDate: "2027-02-01",
      endDate: "2027-02-02",
    });
    expect(JSON.stringify(forged)).toContain("only a chair can do this");
    expect(
      await world.store.get(
        "chair-unavailability",
        `unavailability:${DEMO_IDS.socialWorker}`,
        DEMO_IDS.socialWorker,
      ),
    ).toBeUndefined();
  });

  it("a month's rota is fair, and a swap that would leave a day without a duty chair is refused and changes nothing", async () => {
    await world.act(OLU, VERBS.chairUnavailableAdd, {
      kind: "training",
      startDate: "2027-02-08",
      endDate: "2027-02-08",
    });
    // Looking at a month with no rota makes nothing, whoever looks.
    const chairLooks = await world.say(DEMO_IDS.chair, "rota 2027-02");
    expect(JSON.stringify(chairLooks)).toContain("The chairs' team manager makes it");
    expect(cardActions((chairLooks as { card: CardJson }).card)).toEqual([]);
    const managerLooks = await world.say(DEMO_IDS.teamManager, "rota 2027-02");
    expect(JSON.stringify(managerLooks)).toContain("There is no duty rota for February 2027 yet");
    expect(cardActions((managerLooks as { card: CardJson }).card)).toEqual([
      { verb: VERBS.rotaGenerate, title: "Make the rota", data: { month: "2027-02" } },
    ]);
    expect(
      await world.store.get("duty-rota", rotaId("demo", "2027-02"), rotaPk("demo")),
    ).toBeUndefined();
    // The chair cannot press it; the manager can.
    const forgedMake = await world.act(DEMO_IDS.chair, VERBS.rotaGenerate, { month: "2027-02" });
    expect(JSON.stringify(forgedMake)).toContain("You can't do this");
    const card = await world.act(DEMO_IDS.teamManager, VERBS.rotaGenerate, { month: "2027-02" });
    expect(JSON.stringify(card)).toContain("Duty chair rota: February 2027");
    const rota = await rotaOf(world, "2027-02");
    expect(rota.days).toHaveLength(20);
    const counts = dutyCounts(rota.days, CHAIRS);
    expect(Math.max(...counts.values()) - Math.min(...counts.values())).toBeLessThanOrEqual(1);
    expect(rota.days.find((d) => d.date === "2027-02-08")?.chairId).not.toBe(OLU);

    const tiaDay = rota.days.find(
      (d) => d.chairId !== OLU && d.date !== "2027-02-08" && d.chairId === TIA,
    )!;
    const onThe8th = rota.days.find((d) => d.date === "2027-02-08")!;
    const oluDay = rota.days.find((d) => d.chairId === OLU)!;
    // Olu asks to give a day for the 8th, when Olu is training: refused.
    const refused = await world.act(OLU, VERBS.rotaSwap, {
      month: "2027-02",
      firstDate: oluDay.date,
      secondDate: onThe8th.date,
    });
    expect(JSON.stringify(refused)).toMatch(
      /unavailable on 2027-02-08: that day would be left without a duty chair/,
    );
    // A weekend is not on the rota: refused.
    const weekend = await world.act(TIA, VERBS.rotaSwap, {
      month: "2027-02",
      firstDate: tiaDay.date,
      secondDate: "2027-02-06",
    });
    expect(JSON.stringify(weekend)).toContain("is not a working day on the 2027-02 rota");
    // A forged swap (a social worker) is refused and audited.
    const forged = await world.act(DEMO_IDS.socialWorker, VERBS.rotaSwap, {
      month: "2027-02",
      firstDate: tiaDay.date,
      secondDate: oluDay.date,
    });
    expect(JSON.stringify(forged)).toContain(
      "only a chair or the chairs' team manager can do this",
    );
    const after = await rotaOf(world, "2027-02");
    expect(after.days).toEqual(rota.days);
    expect(after.swaps).toEqual([]);
    expect(after.etag).toBe(rota.etag);

    // A good swap: Tia asks, Olu accepts, the two days change hands.
    await world.act(TIA, VERBS.rotaSwap, {
      month: "2027-02",
      firstDate: tiaDay.date,
      secondDate: oluDay.date,
    });
    const request = cardsTo(world, OLU, /swap duty days/);
    expect(request).toHaveLength(1);
    const swapId = (await rotaOf(world, "2027-02")).swaps[0]!.id;
    const notTheirs = await world.act(DEMO_IDS.chair, VERBS.rotaSwapAccept, {
      month: "2027-02",
      swapId,
    });
    expect(JSON.stringify(notTheirs)).toContain("only the chair asked to swap");
    await world.act(OLU, VERBS.rotaSwapAccept, { month: "2027-02", swapId });
    const swapped = await rotaOf(world, "2027-02");
    expect(swapped.days.find((d) => d.date === tiaDay.date)?.chairId).toBe(OLU);
    expect(swapped.days.find((d) => d.date === oluDay.date)?.chairId).toBe(TIA);
  });

  async function bookedMeeting(): Promise<{ meetingId: string; date: string; duty: string }> {
    await world.act(DEMO_IDS.teamManager, VERBS.rotaGenerate, { month: "2027-01" });
    const meetingId = await requestIcpc(world, "2027-01-04");
    const offer = await offerOf(world, meetingId);
    expect(offer.chairId).toBe(DEMO_IDS.chair);
    const slot = offer.slots.find((s) => s.withinLimit)!;
    await world.act(DEMO_IDS.clerk, VERBS.book, {
      caseId: CASE_ID,
      meetingId,
      slotId: slot.id,
      inPerson: "false",
    });
    await world.runDue();
    const date = slot.start.slice(0, 10);
    const rota = await rotaOf(world, "2027-01");
    const duty = rota.days.find((d) => d.date === date)!.chairId;
    // Duty days are unavailable for booking: the chair is never on duty that day.
    expect(duty).not.toBe(DEMO_IDS.chair);
    return { meetingId, date, duty };
  }

  it("a sick chair's meeting goes to the duty chair", async () => {
    const { meetingId, date, duty } = await bookedMeeting();
    await world.act(DEMO_IDS.teamManager, VERBS.reportSick, { chairId: DEMO_IDS.chair, date });
    await world.runDue();
    expect(cardsTo(world, duty, /Please cover the ICPC for case C-1001/)).toHaveLength(1);
    // Anyone else answering is refused.
    const forged = await world.act(DEMO_IDS.chair, VERBS.coverAccept, {
      caseId: CASE_ID,
      meetingId,
    });
    expect(JSON.stringify(forged)).toContain("only the chair this cover was offered to");
    await world.act(duty, VERBS.coverAccept, { caseId: CASE_ID, meetingId });
    await world.runDue();
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.chair?.entraObjectId).toBe(duty);
    expect(cardsTo(world, DEMO_IDS.clerk, /New chair for the ICPC/)).toHaveLength(1);
    expect(cardsTo(world, DEMO_IDS.socialWorker, /New chair for the ICPC/)).toHaveLength(1);
    expect(world.failed).toEqual([]);
  });

  it("a conference of that day that cannot be read is never taken for nothing to cover", async () => {
    const { meetingId, date, duty } = await bookedMeeting();
    corrupt(world, meetingId, "$.status", "pencilled");
    const answer = await world.act(DEMO_IDS.teamManager, VERBS.reportSick, {
      chairId: DEMO_IDS.chair,
      date,
    });
    const text = answer.kind === "card" ? cardText(answer.card) : answer.text;
    expect(text).toContain("1 record could not be read for that day");
    expect(text).toContain("please check with the conference clerks");
    await world.runDue();
    expect(cardsTo(world, duty, /Please cover the ICPC/)).toHaveLength(0);
    const incidents = (await world.store.listAll("incident")).items;
    expect(incidents.map((i) => [i.kind, i.recordId])).toContainEqual([
      "unreadable-record",
      meetingId,
    ]);
  });

  it("when the duty chair declines, the team manager is asked to decide", async () => {
    const { meetingId, date, duty } = await bookedMeeting();
    await world.act(DEMO_IDS.chair, VERBS.reportSick, { chairId: DEMO_IDS.chair, date });
    await world.runDue();
    await world.act(duty, VERBS.coverDecline, { caseId: CASE_ID, meetingId });
    await world.runDue();
    const asked = cardsTo(
      world,
      DEMO_IDS.teamManager,
      /Decide: no chair to cover the ICPC for case C-1001/,
    );
    expect(asked).toHaveLength(1);
    expect(JSON.stringify(asked[0]!.card)).toContain("The duty chair cannot take it.");
    // Keep trying: the third chair is offered it.
    await world.act(DEMO_IDS.teamManager, VERBS.coverKeepTrying, { caseId: CASE_ID, meetingId });
    await world.runDue();
    const third = CHAIRS.find((c) => c !== duty && c !== DEMO_IDS.chair)!;
    expect(cardsTo(world, third, /Please cover the ICPC/)).toHaveLength(1);
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.chair?.entraObjectId).toBe(DEMO_IDS.chair);
    expect(world.failed).toEqual([]);
  });
});
