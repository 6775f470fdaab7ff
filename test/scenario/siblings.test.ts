import { VERBS } from "../../cards/verbs";
import type { Case, Meeting } from "../../model";
import { outcomeCard } from "../../workflow/after-meeting/outcome";
import { gatherIndicators } from "../../workflow/lists/indicator-rows";
import { gatherRegisterChanges } from "../../workflow/lists/notify-health";
import { convene } from "../../cli/__tests__/run-cli";
import { cardText } from "../fakes/recording-notifier";
import { decisionsFor } from "./journey";
import { accepted, addCase } from "./quarter/steps";
import { Q, quarterAuthority } from "./quarter/staff";
import { makeWorld, type World } from "./world";
import { formatIsoDate, parseIsoDate } from "../../rules";

/**
 * Decisions are per child. A case of three siblings; the ICPC is about two
 * of them (the social worker's choice on the request card); one gets a plan
 * (emotional abuse), the other does not. Then the first review ends the
 * plan. The register, the hospitals' list, the supervision indicators and
 * the figures follow each child, and the third sibling is never touched.
 * West Sussex: the policy with the daily health list and the indicators.
 */
const POLICY = "west-sussex";

describe("three siblings, an ICPC about two of them", () => {
  let world: World;
  let kase: Case;
  let icpc: Meeting;
  let rcpc: Meeting;
  const [ALEX, BILLIE, CASEY] = ["case-S-1-child-1", "case-S-1-child-2", "case-S-1-child-3"];
  const saved = { ...process.env };

  /** The clerk books the first slot offered inside the limit. */
  async function bookFirst(meetingId: string): Promise<Meeting> {
    await world.runDue();
    const offered = await world.store.get("meeting", meetingId, kase.id);
    const slot = offered?.offer?.slots.find((s) => s.withinLimit);
    if (slot === undefined) throw new Error(`no slot offered for ${meetingId}`);
    accepted(
      await world.act(Q.clerk, VERBS.book, {
        caseId: kase.id,
        meetingId,
        slotId: slot.id,
        inPerson: "false",
      }),
      "booking",
    );
    await world.runDue();
    return (await world.store.get("meeting", meetingId, kase.id)) as Meeting;
  }

  const londonDay = (iso: string) =>
    new Date(iso).toLocaleDateString("en-CA", { timeZone: "Europe/London" });
  const plusDays = (day: string, n: number) =>
    new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
  /** The day, or the next working day after it (the next RCPC is booked on one). */
  const workingDayFrom = (day: string) => {
    const cal = world.deps.policy.calendar;
    return formatIsoDate(cal.workingDayOnOrAfter(parseIsoDate(day)));
  };

  /** The chair records each child's decision two hours after the start. */
  async function recordOutcome(
    meeting: Meeting,
    decisions: Record<string, string>,
    plan: boolean,
  ): Promise<string> {
    const start = meeting.start as string;
    await world.advanceTo(new Date(Date.parse(start) + 2 * 3_600_000).toISOString());
    const day = londonDay(start);
    const response = await world.act(Q.chair, VERBS.recordOutcome, {
      caseId: kase.id,
      meetingId: meeting.id,
      meetingDate: day,
      nextRcpcLimit: plusDays(day, 80),
      coreGroupLimit: plusDays(day, 9),
      ...decisions,
      ...(plan
        ? {
            nextRcpcDate: workingDayFrom(plusDays(day, 60)),
            nextRcpcTime: "10:00",
            coreGroupDate: plusDays(day, 7),
          }
        : {}),
    });
    accepted(response, "outcome");
    await world.runDue();
    return cardText((response as { card: Record<string, unknown> }).card);
  }

  beforeAll(async () => {
    world = await makeWorld({
      policy: POLICY,
      start: "2027-01-11T09:00:00.000Z",
      authority: quarterAuthority(POLICY),
    });
    kase = await addCase(world, "S-1", [
      { name: "Alex Sibling", dob: "2016-05-01" },
      { name: "Billie Sibling", dob: "2018-02-03" },
      { name: "Casey Sibling", dob: "2020-07-04" },
    ]);
    // The request is about Alex and Billie, Billie the index child; the
    // strategy discussion at which the section 47 enquiry started was today.
    await world.advanceTo("2027-01-11T14:00:00.000Z");
    accepted(
      await world.act(Q.socialWorker, VERBS.requestConference, {
        caseId: kase.id,
        meetingKind: "ICPC",
        childIds: `${ALEX},${BILLIE}`,
        indexChildId: BILLIE,
        strategyDate: "2027-01-11",
      }),
      "request",
    );
    await world.advanceTo("2027-01-12T09:30:00.000Z");
    icpc = await bookFirst(`${kase.id}.icpc.2027-01-11`);
    expect(icpc.childIds).toEqual([ALEX, BILLIE]);
    expect(icpc.indexChildId).toBe(BILLIE);
  }, 120_000);
  afterAll(async () => {
    process.env = saved;
    await world.close();
  });

  it("asks the chair for a decision for each of the two children, and no other", async () => {
    await world.advanceTo(new Date(Date.parse(icpc.start as string) + 3_600_000).toISOString());
    // A decision for Alex only: Billie's is asked for, nothing is stored.
    const partial = await world.act(Q.chair, VERBS.recordOutcome, {
      caseId: kase.id,
      meetingId: icpc.id,
      meetingDate: londonDay(icpc.start as string),
      nextRcpcLimit: plusDays(londonDay(icpc.start as string), 80),
      ...decisionsFor([ALEX], false),
    });
    const text = cardText((partial as { card: Record<string, unknown> }).card);
    expect(text).toContain("Alex");
    expect(text).toContain("Billie (index child)");
    expect(text).not.toContain("Casey");
    expect(text).toContain("Say whether this child is to be subject to a plan");
    expect((await world.store.get("meeting", icpc.id, kase.id))?.outcome).toBeUndefined();
  });

  it("one plan (emotional abuse), one not: one register entry, one child on the hospitals' list, the third untouched", async () => {
    const done = await recordOutcome(
      icpc,
      { ...decisionsFor([ALEX], true, "emotional-abuse"), ...decisionsFor([BILLIE], false) },
      true,
    );
    expect(done).toContain("1 of 2 on a plan");
    const stored = (await world.store.get("meeting", icpc.id, kase.id)) as Meeting;
    expect(stored.outcome?.children).toEqual([
      { childId: ALEX, decision: "plan", category: "emotional-abuse" },
      { childId: BILLIE, decision: "no-plan" },
    ]);
    const entries = (await world.store.listAll("register-entry")).items;
    expect(entries.map((e) => [e.childId, e.change, e.category])).toEqual([
      [ALEX, "added", "emotional-abuse"],
    ]);
    const { rows: health } = await gatherRegisterChanges(
      world.deps,
      new Date(`${londonDay(icpc.start as string)}T17:00:00.000Z`),
    );
    expect(health.map((r) => [r.childName, r.change])).toEqual([["Alex Sibling", "added"]]);
    const children = (await world.store.get("case", kase.id, kase.id))?.children ?? [];
    const day = londonDay(icpc.start as string);
    expect(children.map((c) => [c.id, c.planHistory])).toEqual([
      [ALEX, [{ start: day }]],
      [BILLIE, undefined],
      [CASEY, undefined],
    ]);
  });

  it("`convene stats --json` counts two children for that ICPC, one of them on a plan", async () => {
    process.env.DATA_DIR = world.dir;
    process.env.DEMO_POLICY = POLICY;
    delete process.env.COSMOS_ENDPOINT;
    const { code, stdout } = await convene(
      "stats",
      "--from",
      "2027-01-01",
      "--to",
      "2027-03-31",
      "--json",
    );
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.icpcConferences).toEqual([
      expect.objectContaining({ meetingId: icpc.id, children: 2, onPlan: 1, onTime: true }),
    ]);
    expect(out.icpc.overall).toEqual({ counted: 2, onTime: 2, percent: 100 });
  });

  it("the review is about the child on a plan; the plan ends: the register and the indicators follow", async () => {
    const day = londonDay(icpc.start as string);
    const rcpcId = `${kase.id}.rcpc.${day}`;
    await world.runDue();
    const requested = (await world.store.get("meeting", rcpcId, kase.id)) as Meeting;
    expect(requested.childIds).toEqual([ALEX]);
    expect(requested.indexChildId).toBe(ALEX);
    // Booked at the ICPC, at the date and time the chair chose: no clerk's offer.
    expect(["booked", "invited"]).toContain(requested.status);
    expect(requested.offer).toBeUndefined();
    rcpc = requested;
    // At the review the chair is asked whether Alex's plan continues or ends.
    await world.advanceTo(new Date(Date.parse(rcpc.start as string) + 3_600_000).toISOString());
    const now = (await world.store.get("case", kase.id, kase.id)) as Case;
    const card = cardText(outcomeCard(world.deps, now, rcpc) as Record<string, unknown>);
    expect(card).toContain("The plan continues");
    expect(card).toContain("The plan ends");
    expect(card).not.toContain("Billie");

    await recordOutcome(rcpc, decisionsFor([ALEX], false), false);
    const entries = (await world.store.listAll("register-entry")).items;
    expect(entries.map((e) => [e.childId, e.change, e.firstRcpc])).toEqual([
      [ALEX, "added", undefined],
      [ALEX, "removed", true],
    ]);
    const reviewDay = londonDay(rcpc.start as string);
    const { rows: health } = await gatherRegisterChanges(
      world.deps,
      new Date(`${reviewDay}T17:00:00.000Z`),
    );
    expect(health.map((r) => [r.childName, r.change])).toEqual([["Alex Sibling", "removed"]]);
    const children = (await world.store.get("case", kase.id, kase.id))?.children ?? [];
    expect(children.map((c) => [c.id, c.planHistory])).toEqual([
      [ALEX, [{ start: day, end: reviewDay }]],
      [BILLIE, undefined],
      [CASEY, undefined],
    ]);
    // The supervision indicators of the month after: Alex's plan ended at
    // its first review, one child of the case; nothing for the siblings.
    const [y, m] = reviewDay.split("-").map(Number) as [number, number];
    const nextMonth = new Date(Date.UTC(y, m, 1, 12));
    const today = world.deps.policy.calendar.toLocal(nextMonth.getTime()).day;
    const chairs = await gatherIndicators(world.deps, today);
    const rows = chairs.flatMap((c) => c.endedAtFirstRcpc);
    expect(rows).toEqual([
      expect.objectContaining({ caseId: kase.id, planStart: day, planEnd: reviewDay, children: 1 }),
    ]);
    expect(chairs.flatMap((c) => [...c.longPlans, ...c.repeatPlans])).toEqual([]);
  });
});
