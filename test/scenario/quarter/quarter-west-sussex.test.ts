import {
  C1001,
  C1003,
  chases,
  itRunsTheCommonThread,
  replayQuarter,
  rows,
  type Quarter,
} from "./story";
import { scheduleAgreement } from "./schedule-agreement";
import { VERBS } from "../../../cards/verbs";
import { qaNoticeCounts } from "../../../workflow/after-meeting/qa-counts";
import { HEALTH_MAILBOX, Q, SW_TEAM } from "./staff";
import { accepted } from "./steps";

/**
 * The councils' other procedures: a quarter of West Sussex's work, a procedure about
 * people more than dates. The common thread is in story.ts (an ICPC on
 * Tue 6 Apr over Easter whose invite list came late); below, what docs/rules.md
 * `west-sussex` says must happen, by hand.
 */
const POLICY = "west-sussex";

// West Sussex has no reminder of its own before the meeting: the chair's brief the
// working day before (Mon 5 Apr 09:00 BST); register.update on the day was
// done by the outcome at 12:00.
const ICPC_SENDS: [string, string, string][] = [["2027-04-05T08:00:00.000Z", Q.chair, "Brief"]];

describe("a quarter of West Sussex's work, March to May 2027", () => {
  let q: Quarter;

  beforeAll(async () => {
    q = await replayQuarter(POLICY, {
      steps: [
        [
          "2027-04-07T10:00:00.000Z",
          async ({ world }) => {
            accepted(
              await world.act(Q.chair, VERBS.sendQaNotice, {
                caseId: C1001,
                kind: "good-practice",
                text: "A clear, well-evidenced report, shared with the family in good time",
              }),
              "good practice",
            );
            await world.runDue();
          },
        ],
        [
          "2027-05-12T10:00:00.000Z",
          async ({ world }) => {
            accepted(
              await world.act(Q.chair, VERBS.sendQaNotice, {
                caseId: C1003,
                kind: "dispute-resolution",
                text: "The core group has not met since the review",
              }),
              "dispute resolution",
            );
            await world.runDue();
          },
        ],
      ],
    });
  }, 180_000);
  afterAll(async () => {
    await q.world.close();
  });

  itRunsTheCommonThread(POLICY, () => q);

  it("briefed the chair once, the working day before", () => {
    expect(chases(q.ledger, "C-1001")).toEqual(rows(ICPC_SENDS));
  });

  it("emailed the day's CP register changes to the health mailbox at 17:00 every working day, with the children's names only there", () => {
    const health = q.ledger.emails.filter((e) => e.to === HEALTH_MAILBOX);
    expect(health).toHaveLength(62);
    // 17:00 local: 17:00Z in GMT, 16:00Z from 28 March.
    for (const e of health) expect(e.at).toMatch(/T1[67]:00:00\.000Z$/);
    const changed = health.filter((e) => !e.subject.endsWith(": 0"));
    // Only the ICPC of Tue 6 Apr changed the register: both children of
    // C-1001 went on it. C-1002's ICPC made no plan; C-1003's RCPC kept it.
    expect(changed.map((e) => `${e.at} ${e.subject}`)).toEqual([
      "2027-04-06T16:00:00.000Z CP register changes, Tue 6 Apr 2027: 2",
    ]);
    const csv = changed[0]!.texts[0]!;
    expect(csv).toContain("Alex Example");
    expect(csv).toContain("Billie Example");
    expect(csv).toContain("C-1001");
    // Nobody else is told children's names by email or preview.
    for (const e of q.ledger.emails.filter((x) => x.to !== HEALTH_MAILBOX))
      expect(e.texts.join("")).not.toMatch(/Alex|Billie/);
  });

  it("sent indicator.review on the first working day of each month to each chair and the CPA team manager", () => {
    const sent = q.ledger.cards.filter((c) => c.preview.startsWith("Indicator review"));
    const firsts = [
      "2027-03-01T09:00:00.000Z",
      "2027-04-01T08:00:00.000Z",
      "2027-05-04T08:00:00.000Z",
    ];
    expect(sent.map((c) => `${c.at} ${c.to}`).sort()).toEqual(
      firsts.flatMap((at) => [Q.chair, Q.dutyChair, Q.qaManager].map((to) => `${at} ${to}`)).sort(),
    );
  });

  it("sent the chair's QA notices to the people West Sussex names and counted them for the SW's team", async () => {
    const good = q.ledger.cards.filter((c) => c.preview.startsWith("Recognition of good practice"));
    expect(good.map((c) => `${c.at} ${c.to}`).sort()).toEqual(
      [Q.socialWorker, Q.teamManager, Q.serviceManager, Q.qaManager]
        .map((to) => `2027-04-07T10:00:00.000Z ${to}`)
        .sort(),
    );
    const alert = q.ledger.cards.filter((c) => c.preview.includes("dispute resolution"));
    expect(alert.map((c) => c.to).sort()).toEqual(
      [Q.socialWorker, Q.teamManager, Q.serviceManager].sort(),
    );
    expect(await qaNoticeCounts(q.world.store)).toEqual([
      { team: SW_TEAM, goodPractice: 1, disputeResolution: 1 },
    ]);
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
