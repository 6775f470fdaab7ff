import {
  chases,
  expectRcpcOnTime,
  expectRotaAndSickCover,
  expectStandDownAndRebooking,
  replayQuarter,
  rows,
  type Quarter,
} from "./story";
import { scheduleAgreement } from "./schedule-agreement";
import { Q } from "./staff";

/**
 * Issue 6: a quarter of the chair-consultation procedure (seed 004). The
 * common thread is in story.ts (an ICPC on Tue 6 Apr over Easter whose
 * invite list came late); below, what RULES.md `chair-consultation` says
 * must happen, by hand.
 */
const POLICY = "chair-consultation";

// 004 adds no meeting rule: the chair's brief the working day before.
const ICPC_SENDS: [string, string, string][] = [["2027-04-05T08:00:00.000Z", Q.chair, "Brief"]];

describe("a quarter of the chair-consultation procedure (004), March to May 2027", () => {
  let q: Quarter;

  beforeAll(async () => {
    q = await replayQuarter(POLICY);
  }, 180_000);
  afterAll(async () => {
    await q.world.close();
  });

  it("held the RCPC of C-1003 in time, chased only at the times `npx convene timeline` gives", async () => {
    await expectRcpcOnTime(q, POLICY);
  });

  it("stood C-1002's ICPC down with the approval the policy needs and rebooked it inside its limit", async () => {
    await expectStandDownAndRebooking(q, POLICY);
  });

  it("made a fair duty rota, refused a swap that left a day uncovered, and covered a sick chair", async () => {
    await expectRotaAndSickCover(q);
  });

  it("ran without a failed task and sent nothing twice", () => {
    expect(q.world.failed).toEqual([]);
    expect(q.ledger.duplicates()).toEqual([]);
  });

  it("briefed the chair once, the working day before", () => {
    expect(chases(q.ledger, "C-1001")).toEqual(rows(ICPC_SENDS));
  });

  it("ran exactly the recurring jobs `npx convene schedule` lists for the quarter", async () => {
    const { listed, ran } = await scheduleAgreement(q.world, POLICY, "2027-03-01", "2027-05-31");
    expect(ran).toEqual(listed);
    // The monthly list on the first working day (1 Mar, 1 Apr, Tue 4 May)
    // and its completion deadline on the last (31 Mar, 30 Apr, 28 May).
    expect(listed).toEqual([
      "cin.case-mapping.complete @ 2027-03-31T16:00:00.000Z",
      "cin.case-mapping.complete @ 2027-04-30T16:00:00.000Z",
      "cin.case-mapping.complete @ 2027-05-28T16:00:00.000Z",
      "cin.case-mapping.monthly @ 2027-03-01T09:00:00.000Z",
      "cin.case-mapping.monthly @ 2027-04-01T08:00:00.000Z",
      "cin.case-mapping.monthly @ 2027-05-04T08:00:00.000Z",
    ]);
  });
});
