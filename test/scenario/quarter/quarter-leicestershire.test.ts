import { VERBS } from "../../../cards/verbs";
import { press } from "./steps";
import {
  C1001,
  ICPC_A,
  chases,
  itRunsTheCommonThread,
  replayQuarter,
  rows,
  type Quarter,
} from "./story";
import { scheduleAgreement } from "./schedule-agreement";
import { Q } from "./staff";

/**
 * The councils' other procedures: a quarter of Leicestershire's work. The common thread
 * is in story.ts (an ICPC over Easter whose invite list, with its police
 * check, came late on Thu 25 Mar); below, what docs/rules.md `leicestershire`
 * says must then happen, counted by hand.
 */
const POLICY = "leicestershire";

// Leicestershire: icpc.alert-manager and icpc.request were done by the request on the
// strategy day. police-checks.request.best (Tue 23 Mar 16:00) to the SW and
// police-checks.request (16:00 on the 7th working day, Wed 24 Mar) to SW
// and clerk: the list only came on the 25th; notice.participants (7
// working days before Tue 6 Apr: Wed 24 Mar 17:00) to the clerk, as no
// invitation had gone; report.family and report.chair-clerk 24 hours before
// (Mon 5 Apr 10:00 BST) to the SW; the chair's brief (Mon 5 Apr 09:00 BST);
// sw.join-early 15 minutes before a virtual meeting (09:45 BST). After the
// plan, nobody is chased: the chair signed the plan off on Thu 8 Apr
// (plan.sign-off was due Tue 13 Apr) and checked the record on Tue 20 Apr,
// and the clerk distributed it on Wed 21 Apr (record.available was due
// Tue 27 Apr).
const ICPC_SENDS: [string, string, string][] = [
  ["2027-03-23T16:00:00.000Z", Q.socialWorker, "Reminder"],
  ["2027-03-24T16:00:00.000Z", Q.socialWorker, "Reminder"],
  ["2027-03-24T16:00:00.000Z", Q.clerk, "Reminder"],
  ["2027-03-24T17:00:00.000Z", Q.clerk, "Reminder"],
  ["2027-04-05T08:00:00.000Z", Q.chair, "Brief"],
  ["2027-04-05T09:00:00.000Z", Q.socialWorker, "Reminder"],
  ["2027-04-05T09:00:00.000Z", Q.socialWorker, "Reminder"],
  ["2027-04-06T08:45:00.000Z", Q.socialWorker, "Reminder"],
];

describe("a quarter of Leicestershire's work, March to May 2027", () => {
  let q: Quarter;

  beforeAll(async () => {
    q = await replayQuarter(POLICY, {
      steps: [
        [
          "2027-04-08T10:00:00.000Z",
          async ({ world }) => {
            await press(
              world,
              Q.chair,
              "Decisions sent: ICPC for case C-1001",
              VERBS.planSignedOff,
            );
          },
        ],
        [
          "2027-04-20T10:00:00.000Z",
          async ({ world }) => {
            await press(
              world,
              Q.chair,
              "Decisions sent: ICPC for case C-1001",
              VERBS.recordAvailable,
            );
          },
        ],
        [
          "2027-04-21T10:00:00.000Z",
          async ({ world }) => {
            await press(
              world,
              Q.clerk,
              "Record to distribute: ICPC for case C-1001",
              VERBS.recordDistributed,
            );
          },
        ],
      ],
    });
  }, 180_000);
  afterAll(async () => {
    await q.world.close();
  });

  itRunsTheCommonThread(POLICY, () => q);

  it("chased the ICPC's police checks, notice, reports, sign-off and record once each, at docs/rules.md's times", () => {
    expect(chases(q.ledger, "C-1001")).toEqual(rows(ICPC_SENDS));
  });

  it("tracked the plan's sign-off and the record's distribution (Leicestershire, West Sussex) from the chair's and clerk's cards", async () => {
    const icpc = await q.world.store.get("meeting", ICPC_A, C1001);
    expect(icpc?.milestones["plan.signed-off"]?.at).toBe("2027-04-08T10:00:00.000Z");
    expect(icpc?.milestones["record.distributed"]?.at).toBe("2027-04-21T10:00:00.000Z");
    expect(icpc?.milestones["record.distributed"]?.by).toBe(Q.clerk);
  });

  it("sent each police check request once, to the police mailbox, with its reason, the day its list came", () => {
    const police = q.ledger.emails.filter(
      (e) => e.to === q.world.deps.authority.policeChecksMailbox,
    );
    // C-1002's list (Wed 3 Mar: the rebooking keeps the checks already
    // requested), the ICPC's (Thu 25 Mar) and the RCPC's (Wed 21 Apr).
    expect(police.map((e) => e.at)).toEqual([
      "2027-03-03T11:00:00.000Z",
      "2027-03-25T11:00:00.000Z",
      "2027-04-21T09:00:00.000Z",
    ]);
    expect(police[0]!.body).toContain("previous call-outs");
  });

  it("has no recurring job, and the scheduler ran none", async () => {
    const { listed, ran } = await scheduleAgreement(q.world, POLICY, "2027-03-01", "2027-05-31");
    expect(listed).toEqual([]);
    expect(ran).toEqual([]);
  });
});
