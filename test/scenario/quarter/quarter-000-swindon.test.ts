import { ensureJobsPlanned } from "../../../workflow/jobs/plan-jobs";
import { makeWorld, type World } from "../world";
import { ledgerOf, type Ledger } from "./ledger";
import { scheduleAgreement } from "./schedule-agreement";
import { DIRECTOR_EMAIL, Q, quarterAuthority } from "./staff";
import { bookOffered, recordOutcome, requestIcpc, submitInviteList } from "./steps";

/**
 * Issue 6: a quarter of Swindon's work (seed 000), 1 March to 31 May 2027,
 * with a fake clock. Easter falls in it (Good Friday 26 March, Easter
 * Monday 29 March; the clocks go forward on 28 March), and so do the early
 * May and spring bank holidays (3 and 31 May). Hand-counted times below are
 * UTC: 09:00 local is 09:00Z until 28 March and 08:00Z after.
 *
 * The story:
 * - ICPC for C-1001: strategy discussion Mon 15 Mar; the SW requests it at
 *   14:00; the clerk books Tue 6 Apr 10:00 on Tue 16 Mar (icpc.latest is
 *   Wed 7 Apr: 15 working days, skipping Good Friday and Easter Monday);
 *   the SW misses the invite list (due Mon 22 Mar) and submits it on
 *   Wed 24 Mar; the chair records a plan on the day.
 */
const POLICY = "swindon";
const C1001 = "case-C-1001";

type Row = [at: string, to: string, kind: string];

// 000 rules 1-4: reminder at 09:00 and due at 17:00 on the 5th working day
// after the strategy discussion (Mon 22 Mar), to the TM; the escalation at
// 09:00 on the 6th (Tue 23 Mar) to TM and SM, as the list is still missing;
// reports.icpc 2 days before (Sun 4 Apr, so Fri 2 Apr 17:00 BST) to the SW;
// the chair's brief the working day before (Mon 5 Apr 09:00 BST).
// notice.partners (6 working days before: Thu 25 Mar) was done by the
// invitations that went when the list came.
const ICPC_SENDS: Row[] = [
  ["2027-03-22T09:00:00.000Z", Q.teamManager, "Reminder"],
  ["2027-03-22T17:00:00.000Z", Q.teamManager, "Reminder"],
  ["2027-03-23T09:00:00.000Z", Q.teamManager, "Escalation"],
  ["2027-03-23T09:00:00.000Z", Q.serviceManager, "Escalation"],
  ["2027-04-02T16:00:00.000Z", Q.socialWorker, "Reminder"],
  ["2027-04-05T08:00:00.000Z", Q.chair, "Brief"],
];

// 000 rules 18-21 (RULES.md `swindon`): Mondays at 09:00, or the next working
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

describe("a quarter of Swindon's work (000), March to May 2027", () => {
  let world: World;
  let ledger: Ledger;

  beforeAll(async () => {
    world = await makeWorld({
      policy: POLICY,
      start: "2027-03-01T08:00:00.000Z",
      authority: quarterAuthority(POLICY),
    });
    ledger = ledgerOf(world);
    await ensureJobsPlanned(world.deps, world.clock());
    const c1001 = world.cases.find((c) => c.id === C1001)!;

    const icpc = await requestIcpc(world, c1001, {
      strategy: "2027-03-15",
      at: "2027-03-15T14:00:00.000Z",
    });
    await bookOffered(world, c1001, icpc, {
      slotStart: "2027-04-06T09:00:00.000Z",
      at: "2027-03-16T09:30:00.000Z",
    });
    await submitInviteList(world, c1001, icpc, "2027-03-24T11:00:00.000Z");
    await recordOutcome(world, c1001, icpc, {
      at: "2027-04-06T11:00:00.000Z",
      meetingDate: "2027-04-06",
      nextRcpcLimit: "2027-07-06",
      plan: true,
      nextRcpcDate: "2027-06-29",
      coreGroupLimit: "2027-04-20",
      coreGroupDate: "2027-04-19",
    });
    await world.advanceTo("2027-05-31T22:00:00.000Z");
  }, 120_000);
  afterAll(async () => {
    await world.close();
  });

  it("ran without a failed task and sent nothing twice", () => {
    expect(world.failed).toEqual([]);
    expect(ledger.duplicates()).toEqual([]);
  });

  it("chased the ICPC's invite list, reports and brief once each, at RULES.md's times", () => {
    const sends = ledger.cards
      .filter((c) => c.preview.includes("C-1001"))
      .filter((c) => /^(Reminder|Escalation|Brief)/.test(c.preview))
      .map((c) => [c.at, c.to, c.preview.startsWith("Brief") ? "Brief" : c.preview.split(":")[0]]);
    const key = (r: unknown[]) => r.join("|");
    expect(sends.map(key).sort()).toEqual(ICPC_SENDS.map(key).sort());
  });

  it("sent the weekly list to the SMs and the fortnight and month-ahead lists to every manager, on time", () => {
    const at = (prefix: string) =>
      ledger.cards.filter((c) => c.preview.startsWith(prefix)).map((c) => `${c.at} ${c.to}`);
    expect(at("Weekly list").sort()).toEqual(MONDAYS.map((d) => `${d} ${Q.serviceManager}`).sort());
    expect(at("Fortnight list").sort()).toEqual(
      MONDAYS.flatMap((d) => [`${d} ${Q.teamManager}`, `${d} ${Q.serviceManager}`]).sort(),
    );
    expect(at("Month ahead").sort()).toEqual(
      FIRSTS.flatMap((d) => [`${d} ${Q.teamManager}`, `${d} ${Q.serviceManager}`]).sort(),
    );
    // The week of the ICPC: the list names the case by reference only.
    const week = ledger.cards.find(
      (c) => c.preview.startsWith("Weekly list") && c.at === "2027-04-05T08:00:00.000Z",
    );
    expect(week?.text).toContain("C-1001");
    expect(week?.text).not.toMatch(/Alex|Billie/);
  });

  it("sent the exception report each Monday to the QA managers in Teams and to the Director by CSV email", () => {
    const cards = ledger.cards.filter((c) => /exception/i.test(c.preview));
    expect(cards.map((c) => `${c.at} ${c.to}`).sort()).toEqual(
      MONDAYS.map((d) => `${d} ${Q.qaManager}`).sort(),
    );
    const director = ledger.emails.filter((e) => e.to === DIRECTOR_EMAIL && /xception/.test(e.subject));
    expect(director.map((e) => e.at).sort()).toEqual([...MONDAYS].sort());
    expect(director.every((e) => e.attachments.length === 1 && e.attachments[0]!.endsWith(".csv"))).toBe(true);
    // Tue 30 Mar: the ICPC's invite list came two days late.
    const after = cards.find((c) => c.at === "2027-03-30T08:00:00.000Z");
    expect(after?.text).toContain("C-1001");
  });

  it("ran exactly the recurring jobs `npx convene schedule` lists for the quarter", async () => {
    const { listed, ran } = await scheduleAgreement(world, POLICY, "2027-03-01", "2027-05-31");
    expect(ran).toEqual(listed);
    expect(listed.length).toBeGreaterThan(40);
  });

  it("never named a child in a preview, an email subject or a log line", () => {
    for (const c of ledger.cards) expect(c.preview).not.toMatch(/Alex|Billie|Charlie/);
    for (const e of ledger.emails) expect(e.subject).not.toMatch(/Alex|Billie|Charlie/);
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/Alex|Billie|Charlie/);
  });
});
