import type { Case } from "../../../model";
import { ensureJobsPlanned } from "../../../workflow/jobs/plan-jobs";
import { makeWorld, type World } from "../world";
import { ledgerOf, type Ledger } from "./ledger";
import { quarterAuthority } from "./staff";
import {
  addCase,
  bookOffered,
  recordOutcome,
  requestIcpc,
  requestRcpc,
  submitInviteList,
} from "./steps";

/**
 * The quarter every seed's scenario replays, 1 March to 31 May 2027, with a
 * fake clock. Easter is in it (Good Friday 26 March, Easter Monday 29
 * March; the clocks go forward on Sunday 28 March), and so are the early
 * May and spring bank holidays (3 and 31 May). 09:00 local is 09:00Z until
 * 28 March and 08:00Z after; 17:00 local is 17:00Z, then 16:00Z.
 *
 * The common thread (each seed adds its own work on top):
 * - ICPC for C-1001 over Easter, with a missed deadline: strategy
 *   discussion Mon 15 Mar; the SW requests the ICPC at 14:00; the clerk
 *   books Tue 6 Apr 10:00 on Tue 16 Mar (icpc.latest is Wed 7 Apr: 15
 *   working days, skipping Good Friday and Easter Monday); the SW sends the
 *   invite list and the family's access needs late, on Thu 25 Mar 11:00;
 *   nobody reports the reports' status; the chair records a plan at 12:00
 *   on the day.
 * - RCPC for C-1003, whose last conference was Fri 20 Nov 2026
 *   (rcpc.next.latest: within 6 months, Thu 20 May 2027): requested Mon 26
 *   Apr, booked on Tue 27 Apr for Tue 11 May 10:00 BST, the invite list in
 *   on Wed 28 Apr, the plan continued on the day.
 */
export const QUARTER = { start: "2027-03-01T08:00:00.000Z", end: "2027-05-31T22:00:00.000Z" };
export const C1001 = "case-C-1001";
export const ICPC_A = `${C1001}.icpc.2027-03-15`;
export const C1003 = "case-C-1003";
export const RCPC_AT = "2027-05-11T09:00:00.000Z";

export interface Quarter {
  world: World;
  ledger: Ledger;
  caseOf(id: string): Case;
}

/**
 * Opens the world at the quarter's start with the daily job planning on,
 * runs the common thread with `extra` steps interleaved by the seed's test
 * (each step moves the clock forward only), then runs to the quarter's end.
 */
export async function replayQuarter(
  policy: string,
  extra: {
    /** Called before anything happens: create a seed's own cases. */
    setUp?: (q: Quarter) => Promise<void>;
    /** Steps by instant; run in time order with the common thread. */
    steps?: [at: string, run: (q: Quarter) => Promise<void>][];
  } = {},
): Promise<Quarter> {
  const world = await makeWorld({
    policy,
    start: QUARTER.start,
    authority: quarterAuthority(policy),
  });
  const ledger = ledgerOf(world);
  const q: Quarter = {
    world,
    ledger,
    caseOf: (id) => {
      const kase = world.cases.find((c) => c.id === id);
      if (kase === undefined) throw new Error(`no case ${id}`);
      return kase;
    },
  };
  const c1003 = await addCase(world, "C-1003", [{ name: "Dee Review", dob: "2018-03-03" }]);
  let rcpc = "";
  await extra.setUp?.(q);
  await ensureJobsPlanned(world.deps, world.clock());
  const c1001 = q.caseOf(C1001);
  const common: [string, (q: Quarter) => Promise<void>][] = [
    [
      "2027-03-15T14:00:00.000Z",
      async () => {
        await requestIcpc(world, c1001, { strategy: "2027-03-15", at: "2027-03-15T14:00:00.000Z" });
      },
    ],
    [
      "2027-03-16T09:30:00.000Z",
      () =>
        bookOffered(world, c1001, ICPC_A, {
          slotStart: "2027-04-06T09:00:00.000Z",
          at: "2027-03-16T09:30:00.000Z",
        }),
    ],
    [
      "2027-03-25T11:00:00.000Z",
      () => submitInviteList(world, c1001, ICPC_A, "2027-03-25T11:00:00.000Z"),
    ],
    [
      "2027-04-06T11:00:00.000Z",
      () =>
        recordOutcome(world, c1001, ICPC_A, {
          at: "2027-04-06T11:00:00.000Z",
          meetingDate: "2027-04-06",
          nextRcpcLimit: "2027-07-06",
          plan: true,
          nextRcpcDate: "2027-06-29",
          coreGroupLimit: "2027-04-20",
          coreGroupDate: "2027-04-19",
        }),
    ],
    [
      "2027-04-26T10:00:00.000Z",
      async () => {
        rcpc = await requestRcpc(world, c1003, {
          previous: "2026-11-20",
          at: "2027-04-26T10:00:00.000Z",
        });
      },
    ],
    [
      "2027-04-27T09:30:00.000Z",
      () => bookOffered(world, c1003, rcpc, { slotStart: RCPC_AT, at: "2027-04-27T09:30:00.000Z" }),
    ],
    [
      "2027-04-28T09:00:00.000Z",
      () => submitInviteList(world, c1003, rcpc, "2027-04-28T09:00:00.000Z"),
    ],
    [
      "2027-05-11T11:00:00.000Z",
      () =>
        recordOutcome(world, c1003, rcpc, {
          at: "2027-05-11T11:00:00.000Z",
          meetingDate: "2027-05-11",
          nextRcpcLimit: "2027-11-11",
          plan: true,
          nextRcpcDate: "2027-11-02",
          coreGroupDate: "2027-05-18",
        }),
    ],
  ];
  const all = [...common, ...(extra.steps ?? [])].sort(
    (a, b) => Date.parse(a[0]) - Date.parse(b[0]),
  );
  for (const [at, run] of all) {
    await world.advanceTo(at);
    await run(q);
  }
  await world.advanceTo(QUARTER.end);
  return q;
}

/** Cards about one case that remind, escalate or brief: [at, to, kind]. */
export function chases(ledger: Ledger, reference: string): string[] {
  return ledger.cards
    .filter((c) => c.preview.includes(reference))
    .filter((c) => /^(Reminder|Escalation|Brief)/.test(c.preview))
    .map(
      (c) => `${c.at}|${c.to}|${c.preview.startsWith("Brief") ? "Brief" : c.preview.split(":")[0]}`,
    )
    .sort();
}

export const rows = (r: [string, string, string][]): string[] => r.map((x) => x.join("|")).sort();

/**
 * Every chase about a case happened at an instant `npx convene timeline`
 * gives for its meeting (the command and the scheduler agree), and each of
 * those instants that chased anyone did so once per person and rule.
 */
export async function chaseTimesOf(
  reference: string,
  ledger: Ledger,
  timelineArgs: string[],
): Promise<{ chased: string[]; timeline: Set<string> }> {
  const { convene } = await import("../../../cli/__tests__/run-cli");
  const out = await convene("timeline", ...timelineArgs, "--json");
  if (out.code !== 0) throw new Error(out.stderr);
  const entries = (JSON.parse(out.stdout) as { entries: { at: string }[] }).entries;
  const timeline = new Set(entries.map((e) => new Date(e.at).toISOString()));
  return { chased: chases(ledger, reference).map((c) => c.split("|")[0]!), timeline };
}

/** The common RCPC: held with its outcome, every chase at a time its timeline gives. */
export async function expectRcpcOnTime(q: Quarter, policy: string): Promise<void> {
  const { chased, timeline } = await chaseTimesOf("C-1003", q.ledger, [
    "--policy",
    policy,
    "--meeting",
    "RCPC",
    "--previous",
    "2026-11-20",
    "--at",
    "2027-05-11T10:00",
  ]);
  const briefs = chases(q.ledger, "C-1003").filter((c) => c.endsWith("|Brief"));
  // The brief goes the working day before at 09:00 (plan-brief.ts), or at
  // 001's chair.pre-discussion, which is a timeline entry.
  expect(briefs.length).toBe(1);
  for (const at of chased.filter((_, i) => !chases(q.ledger, "C-1003")[i]!.endsWith("|Brief")))
    expect([...timeline]).toContain(at);
  const rcpc = (await q.world.store.meetingsOfCase(C1003)).items.find(
    (m) => m.kind === "RCPC" && m.anchors.previous === "2026-11-20",
  );
  expect(rcpc?.start).toBe(RCPC_AT);
  expect(rcpc?.status).toBe("outcome-recorded");
}
