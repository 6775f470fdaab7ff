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
 * Issue 6: a quarter of West Sussex's work (seed 003), a procedure about
 * people more than dates. The common thread is in story.ts (an ICPC on
 * Tue 6 Apr over Easter whose invite list came late); below, what RULES.md
 * `west-sussex` says must happen, by hand.
 */
const POLICY = "west-sussex";

// 003 has no reminder of its own before the meeting: the chair's brief the
// working day before (Mon 5 Apr 09:00 BST); register.update on the day was
// done by the outcome at 12:00.
const ICPC_SENDS: [string, string, string][] = [["2027-04-05T08:00:00.000Z", Q.chair, "Brief"]];

describe("a quarter of West Sussex's work (003), March to May 2027", () => {
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
    // register.notify-health on each of the quarter's 62 working days (21 in March after Good Friday and Easter Monday,
    // 22 in April, 19 in May after the two bank holidays), and
    // indicator.review on the first working day of each month.
    expect(listed.filter((l) => l.startsWith("register.notify-health"))).toHaveLength(62);
    expect(listed.filter((l) => l.startsWith("indicator.review"))).toHaveLength(3);
  });
});
