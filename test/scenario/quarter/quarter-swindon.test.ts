import {
  chases,
  itRunsTheCommonThread,
  claThread,
  expectNextReviewRequested,
  replayQuarter,
  rows,
  type Quarter,
} from "./story";
import { scheduleAgreement } from "./schedule-agreement";
import { VERBS } from "../../../cards/verbs";
import { DIRECTOR_EMAIL, Q } from "./staff";
import { accepted, press } from "./steps";

/**
 * The councils' other procedures: a quarter of Swindon's work. The common thread is in
 * story.ts (an ICPC over Easter whose invite list came late); below, what
 * Swindon adds and what docs/rules.md says must happen, counted by hand.
 */
const POLICY = "swindon";

// Swindon rules 1-4: reminder at 09:00 and due at 17:00 on the 5th working day
// after the strategy discussion (Mon 22 Mar), to the TM; the escalation at
// 09:00 on the 6th (Tue 23 Mar) to TM and SM, as the list is still missing;
// reports.icpc 2 days before (Sun 4 Apr, so Fri 2 Apr 17:00 BST) to the SW;
// the chair's brief the working day before (Mon 5 Apr 09:00 BST).
// notice.partners (6 working days before: Thu 25 Mar) was done by the
// invitations that went when the list came.
const ICPC_SENDS: [string, string, string][] = [
  ["2027-03-22T09:00:00.000Z", Q.teamManager, "Reminder"],
  ["2027-03-22T17:00:00.000Z", Q.teamManager, "Reminder"],
  ["2027-03-23T09:00:00.000Z", Q.teamManager, "Escalation"],
  ["2027-03-23T09:00:00.000Z", Q.serviceManager, "Escalation"],
  ["2027-04-02T16:00:00.000Z", Q.socialWorker, "Reminder"],
  ["2027-04-05T08:00:00.000Z", Q.chair, "Brief"],
];

// Swindon rules 18-21 (docs/rules.md `swindon`): Mondays at 09:00, or the next working
// day (Tue 30 Mar after Easter Monday, Tue 4 May after the May bank
// holiday); the month-ahead list on the 1st (Sat 1 May → Tue 4 May).
const MONDAYS = [
  "2027-03-01T09:00:00.000Z",
  "2027-03-08T09:00:00.000Z",
  "2027-03-15T09:00:00.000Z",
  "2027-03-22T09:00:00.000Z",
  "2027-03-30T08:00:00.000Z",
  "2027-04-05T08:00:00.000Z",
  "2027-04-12T08:00:00.000Z",
  "2027-04-19T08:00:00.000Z",
  "2027-04-26T08:00:00.000Z",
  "2027-05-04T08:00:00.000Z",
  "2027-05-10T08:00:00.000Z",
  "2027-05-17T08:00:00.000Z",
  "2027-05-24T08:00:00.000Z",
];
const FIRSTS = ["2027-03-01T09:00:00.000Z", "2027-04-01T08:00:00.000Z", "2027-05-04T08:00:00.000Z"];

describe("a quarter of Swindon's work, March to May 2027", () => {
  let q: Quarter;

  beforeAll(async () => {
    const cla = claThread();
    q = await replayQuarter(POLICY, {
      ...cla,
      steps: [
        ...cla.steps,
        [
          // The TM answers the escalation of the ICPC's missing invite list
          // with why: the exception report carries it (Swindon rule 23).
          "2027-03-23T10:00:00.000Z",
          async ({ world }) => {
            accepted(
              await press(
                world,
                Q.teamManager,
                "Escalation: ICPC for case C-1001",
                VERBS.taskAcknowledge,
                {
                  lateReason: "SW off sick until Wednesday; the TM is finishing the list",
                },
              ),
              "acknowledge",
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

  it("ran the CLA review's sequence (Swindon): list asked for 5 weeks before, escalated at 20 days, invites and consultation forms at 15", async () => {
    // cla.invite-list.request 5 weeks before Thu 15 Apr (Thu 11 Mar 09:00)
    // to SW and TM; cla.invite-list.escalate 20 days before (Fri 26 Mar is
    // Good Friday, so Thu 25 Mar 09:00) to TM and SM, as the list only came
    // on Tue 30 Mar, before cla.invite-list.due (17:00 that day); the IRO's
    // brief the working day before (Wed 14 Apr 09:00 BST).
    expect(chases(q.ledger, "C-1004")).toEqual(
      rows([
        ["2027-03-11T09:00:00.000Z", Q.socialWorker, "Reminder"],
        ["2027-03-11T09:00:00.000Z", Q.teamManager, "Reminder"],
        ["2027-03-25T09:00:00.000Z", Q.teamManager, "Escalation"],
        ["2027-03-25T09:00:00.000Z", Q.serviceManager, "Escalation"],
        ["2027-04-14T08:00:00.000Z", Q.iro, "Brief"],
      ]),
    );
    // cla.invites.send, 15 days before (Wed 31 Mar, from 09:00 BST): each
    // family member's invitation with one consultation form, once; the staff
    // prefix "URGENT CLA/CP" is never on a family's email; no form names the child.
    const family = q.ledger.emails.filter(
      (e) => /@(carers|home)\.example$/.test(e.to) && e.to.includes("c-1004"),
    );
    expect(
      family.map((e) => `${e.at} ${e.to.split("@")[0]} ${e.attachments.length}`).sort(),
    ).toEqual([
      "2027-03-31T08:00:00.000Z carer.c-1004 1",
      "2027-03-31T08:00:00.000Z mother.c-1004 1",
      "2027-03-31T08:00:00.000Z young.c-1004 1",
    ]);
    for (const e of family) {
      expect(e.subject).not.toContain("URGENT");
      expect(e.subject.startsWith("Invitation: looked-after child review")).toBe(true);
      expect(e.attachments[0]).toContain("C-1004");
      expect(e.attachments[0]).not.toMatch(/Robin|Looked/);
    }
    await expectNextReviewRequested(q);
  });

  it("chased the ICPC's invite list, reports and brief once each, at docs/rules.md's times", () => {
    expect(chases(q.ledger, "C-1001")).toEqual(rows(ICPC_SENDS));
  });

  it("sent the weekly list to the SMs and the fortnight and month-ahead lists to every manager, on time", () => {
    const at = (prefix: string) =>
      q.ledger.cards.filter((c) => c.preview.startsWith(prefix)).map((c) => `${c.at} ${c.to}`);
    expect(at("Weekly list").sort()).toEqual(MONDAYS.map((d) => `${d} ${Q.serviceManager}`).sort());
    expect(at("Fortnight list").sort()).toEqual(
      MONDAYS.flatMap((d) => [`${d} ${Q.teamManager}`, `${d} ${Q.serviceManager}`]).sort(),
    );
    expect(at("Month ahead").sort()).toEqual(
      FIRSTS.flatMap((d) => [`${d} ${Q.teamManager}`, `${d} ${Q.serviceManager}`]).sort(),
    );
    // The week of the ICPC: the list names the case by reference only.
    const week = q.ledger.cards.find(
      (c) => c.preview.startsWith("Weekly list") && c.at === "2027-04-05T08:00:00.000Z",
    );
    expect(week?.text).toContain("C-1001");
    expect(week?.text).not.toMatch(/Alex|Billie/);
  });

  it("sent the exception report each Monday to the QA managers in Teams and to the Director by CSV email", () => {
    const cards = q.ledger.cards.filter((c) => /exception/i.test(c.preview));
    expect(cards.map((c) => `${c.at} ${c.to}`).sort()).toEqual(
      MONDAYS.map((d) => `${d} ${Q.qaManager}`).sort(),
    );
    const director = q.ledger.emails.filter(
      (e) => e.to === DIRECTOR_EMAIL && /xception/.test(e.subject),
    );
    expect(director.map((e) => e.at).sort()).toEqual([...MONDAYS].sort());
    expect(
      director.every((e) => e.attachments.length === 1 && e.attachments[0]!.endsWith(".csv")),
    ).toBe(true);
    // Tue 30 Mar: the ICPC's invite list came late (Thu 25 Mar, due Mon 22),
    // with the reason the TM gave on the escalation; in the card and the CSV.
    const after = cards.find((c) => c.at === "2027-03-30T08:00:00.000Z");
    expect(after?.text).toContain("C-1001");
    expect(after?.text).toContain("SW off sick until Wednesday");
    const csv = director.find((e) => e.at === "2027-03-30T08:00:00.000Z")?.texts[0];
    expect(csv).toMatch(/C-1001.*SW off sick until Wednesday/);
  });

  it("ran exactly the recurring jobs `npx convene schedule` lists for the quarter", async () => {
    const { listed, ran } = await scheduleAgreement(q.world, POLICY, "2027-03-01", "2027-05-31");
    expect(ran).toEqual(listed);
    expect(listed.length).toBeGreaterThan(40);
  });
});
