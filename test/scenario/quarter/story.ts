import { milestoneOf } from "../../../workflow/timeline/milestones";
import type { Case } from "../../../model";
import { ensureJobsPlanned } from "../../../workflow/lists/plan-jobs";
import { makeWorld, type World } from "../world";
import { dumpLedger, ledgerOf, type Ledger } from "./ledger";
import { Q, quarterAuthority } from "./staff";
import { VERBS } from "../../../cards/verbs";
import {
  accepted,
  addCase,
  approveFromCard,
  bookOffered,
  press,
  recordClaMinutes,
  requestClaReview,
  submitClaInviteList,
  requestStandDown,
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
 * - ICPC for C-1002, stood down and rebooked: strategy discussion Mon 1
 *   Mar (icpc.latest Mon 22 Mar); booked on Tue 2 Mar for Thu 18 Mar 10:00;
 *   invite list on Wed 3 Mar; on Tue 16 Mar the clerk asks to stand it
 *   down (no interpreter); the approvers the policy names approve at 11:00
 *   (and 12:00 for a second); at 14:00 the clerk tries a slot past the
 *   original limit (refused without the SM's agreement), then books the
 *   rebooking for Mon 22 Mar 14:00, inside it; no plan on the day.
 * - RCPC for C-1003, whose last conference was Fri 20 Nov 2026
 *   (rcpc.next.latest: within 6 months, Thu 20 May 2027): requested Mon 19
 *   Apr, booked on Tue 20 Apr for Tue 11 May 10:00 BST, the invite list in
 *   on Wed 21 Apr, the plan continued on the day.
 * - The chairs (West Sussex's procedure; every council has a chair fall ill): on
 *   Mon 26 Apr the clerk makes May's duty rota; the duty chair adds a
 *   training day on Fri 14 May; the RCPC's chair asks to swap his duty day
 *   of 14 May for the duty chair's 13 May, which would leave 14 May without
 *   a duty chair (refused). On Tue 11 May at 08:30 BST the clerk reports
 *   the RCPC's chair off sick; the duty chair accepts the cover at 08:45
 *   and chairs the RCPC.
 */
/**
 * Who must approve a stand-down, by policy (docs/rules.md, stand-down): Leicestershire a
 * safeguarding manager; Swindon the operational SM and the QA & Review SM
 * jointly; elsewhere the case's SM (Convene's decision, see
 * workflow/stand-down/approvals.ts).
 */
export const STAND_DOWN_APPROVERS: Record<string, string[]> = {
  swindon: [Q.serviceManager, Q.qaManager],
  leicestershire: [Q.safeguardingManager],
};

export const QUARTER = { start: "2027-03-01T08:00:00.000Z", end: "2027-05-31T22:00:00.000Z" };
export const C1001 = "case-C-1001";
export const ICPC_A = `${C1001}.icpc.2027-03-15`;
export const C1002 = "case-C-1002";
export const ICPC_B = `${C1002}.icpc.2027-03-01`;
export const ICPC_B_REBOOKED = `${ICPC_B}.rebooked`;
export const C1003 = "case-C-1003";
export const RCPC_AT = "2027-05-11T09:00:00.000Z";

export interface Quarter {
  world: World;
  ledger: Ledger;
  /** What the steps saw on the way, for the tests to assert. */
  seen: Record<string, unknown>;
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
    seen: {},
    caseOf: (id) => {
      const kase = world.cases.find((c) => c.id === id);
      if (kase === undefined) throw new Error(`no case ${id}`);
      return kase;
    },
  };
  const c1003 = await addCase(world, "C-1003", [
    // On a plan since her ICPC of Fri 20 Nov 2026.
    { name: "Dee Review", dob: "2018-03-03", planHistory: [{ start: "2026-11-20" }] },
  ]);
  let rcpc = "";
  await extra.setUp?.(q);
  await ensureJobsPlanned(world.deps, world.clock());
  const c1001 = q.caseOf(C1001);
  const c1002 = q.caseOf(C1002);
  const approvers = STAND_DOWN_APPROVERS[policy] ?? [Q.serviceManager];
  const common: [string, (q: Quarter) => Promise<void>][] = [
    [
      "2027-03-01T14:00:00.000Z",
      async () => {
        await requestIcpc(world, c1002, { strategy: "2027-03-01", at: "2027-03-01T14:00:00.000Z" });
      },
    ],
    [
      "2027-03-02T09:30:00.000Z",
      () =>
        bookOffered(world, c1002, ICPC_B, {
          slotStart: "2027-03-18T10:00:00.000Z",
          at: "2027-03-02T09:30:00.000Z",
        }),
    ],
    [
      "2027-03-03T11:00:00.000Z",
      () => submitInviteList(world, c1002, ICPC_B, "2027-03-03T11:00:00.000Z"),
    ],
    [
      "2027-03-16T10:00:00.000Z",
      async () => {
        accepted(
          await requestStandDown(world, c1002, ICPC_B, {
            reason: "no-interpreter",
            rationale:
              "No Polish interpreter can be found for Thursday; the mother must follow the meeting",
          }),
          "stand-down request",
        );
        await world.runDue();
      },
    ],
    ...approvers.map((approver, i): [string, (q: Quarter) => Promise<void>] => [
      `2027-03-16T1${1 + i}:00:00.000Z`,
      async () => {
        q.seen[`statusBeforeApproval${i}`] = (await world.store.get("meeting", ICPC_B, C1002))
          ?.status;
        accepted(await approveFromCard(world, approver, ICPC_B), "approval");
        await world.runDue();
      },
    ]),
    [
      "2027-03-16T14:00:00.000Z",
      async () => {
        const rebooked = await world.store.get("meeting", ICPC_B_REBOOKED, C1002);
        const late = rebooked?.offer?.slots.find((s) => !s.withinLimit);
        if (late === undefined) throw new Error("the rebooking offer has no slot past the limit");
        q.seen.lateBooking = await world.act(
          Q.clerk,
          VERBS.book,
          { caseId: C1002, meetingId: ICPC_B_REBOOKED, slotId: late.id, inPerson: "false" },
          "clerk-card-late",
        );
        q.seen.afterLateBooking = await world.store.get("meeting", ICPC_B_REBOOKED, C1002);
        await bookOffered(world, c1002, ICPC_B_REBOOKED, {
          slotStart: "2027-03-22T14:00:00.000Z",
          at: "2027-03-16T14:00:00.000Z",
        });
      },
    ],
    [
      "2027-03-22T15:30:00.000Z",
      () =>
        recordOutcome(world, c1002, ICPC_B_REBOOKED, {
          at: "2027-03-22T15:30:00.000Z",
          meetingDate: "2027-03-22",
          nextRcpcLimit: "2027-06-22",
          plan: false,
        }),
    ],
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
      "2027-04-19T10:00:00.000Z",
      async () => {
        rcpc = await requestRcpc(world, c1003, {
          previous: "2026-11-20",
          at: "2027-04-19T10:00:00.000Z",
        });
      },
    ],
    [
      "2027-04-20T09:30:00.000Z",
      () => bookOffered(world, c1003, rcpc, { slotStart: RCPC_AT, at: "2027-04-20T09:30:00.000Z" }),
    ],
    [
      "2027-04-21T09:00:00.000Z",
      () => submitInviteList(world, c1003, rcpc, "2027-04-21T09:00:00.000Z"),
    ],
    [
      "2027-04-26T09:00:00.000Z",
      async () => {
        accepted(await world.act(Q.clerk, VERBS.rotaGenerate, { month: "2027-05" }), "rota");
        accepted(
          await world.act(Q.dutyChair, VERBS.chairUnavailableAdd, {
            kind: "training",
            startDate: "2027-05-14",
            startTime: "09:00",
            endDate: "2027-05-14",
            endTime: "17:00",
          }),
          "training day",
        );
        const before = await rotaOf(world, "2027-05");
        q.seen.refusedSwap = await world.act(Q.chair, VERBS.rotaSwap, {
          month: "2027-05",
          firstDate: "2027-05-14",
          secondDate: "2027-05-13",
        });
        q.seen.rotaUnchanged = (await rotaOf(world, "2027-05"))?.etag === before?.etag;
      },
    ],
    [
      "2027-05-11T07:30:00.000Z",
      async () => {
        accepted(
          await world.act(Q.clerk, VERBS.reportSick, { chairId: Q.chair, date: "2027-05-11" }),
          "sick report",
        );
        await world.runDue();
      },
    ],
    [
      "2027-05-11T07:45:00.000Z",
      async () => {
        accepted(
          await press(
            world,
            Q.dutyChair,
            "Please cover the RCPC for case C-1003",
            VERBS.coverAccept,
          ),
          "cover",
        );
      },
    ],
    [
      "2027-05-11T11:00:00.000Z",
      () =>
        recordOutcome(world, c1003, rcpc, {
          chair: Q.dutyChair,
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
  dumpLedger(policy, ledger);
  return q;
}

export async function rotaOf(world: World, month: string) {
  const a = world.deps.authority.id;
  return world.store.get("duty-rota", `rota:${a}:${month}`, `rota:${a}`);
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
): Promise<{ chased: string[]; timeline: Set<string>; chaseable: { rule: string; at: string }[] }> {
  const { convene } = await import("../../../cli/__tests__/run-cli");
  const out = await convene("timeline", ...timelineArgs, "--json");
  if (out.code !== 0) throw new Error(out.stderr);
  const entries = (
    JSON.parse(out.stdout) as { entries: { at: string; kind: string; rule: string }[] }
  ).entries;
  const timeline = new Set(entries.map((e) => new Date(e.at).toISOString()));
  // Limits and targets are watched, not chased on their own.
  const chaseable = entries
    .filter((e) => e.kind !== "limit" && e.kind !== "target")
    .map((e) => ({ rule: e.rule, at: new Date(e.at).toISOString() }));
  return {
    chased: chases(ledger, reference).map((c) => c.split("|")[0]!),
    timeline,
    chaseable,
  };
}

/**
 * How many reminders and escalations the common RCPC must at least send
 * under each policy: the RCPC rules whose work the story leaves undone by
 * their time (counted from the replay). West Sussex's and chair-consultation's
 * RCPC rules are all done in time, so none: expectRcpcOnTime checks that
 * against the stored milestones rather than taking it on trust.
 */
const RCPC_CHASES_AT_LEAST: Record<string, number> = {
  swindon: 1,
  "virtual-conference": 1,
  leicestershire: 5,
  "west-sussex": 0,
  "chair-consultation": 0,
};

/** The common RCPC: held with its outcome, every chase at a time its timeline gives. */
export async function expectRcpcOnTime(q: Quarter, policy: string): Promise<void> {
  const { chased, timeline, chaseable } = await chaseTimesOf("C-1003", q.ledger, [
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
  // The brief goes to the RCPC's chair the working day before at 09:00
  // (plan-brief.ts), or at virtual-conference's chair.pre-discussion; the chair who covers
  // him on the day gets it when they accept.
  expect(briefs.map((b) => b.split("|")[1])).toEqual([Q.chair, Q.dutyChair]);
  expect(briefs[1]).toBe(`2027-05-11T07:45:00.000Z|${Q.dutyChair}|Brief`);
  const reminders = chased.filter((_, i) => !chases(q.ledger, "C-1003")[i]!.endsWith("|Brief"));
  // A lower bound as well as an upper one: with every RCPC reminder
  // suppressed, "only at the timeline's times" would still hold.
  const atLeast = RCPC_CHASES_AT_LEAST[policy];
  expect(atLeast).toBeDefined();
  expect(reminders.length).toBeGreaterThanOrEqual(atLeast!);
  for (const at of reminders) expect([...timeline]).toContain(at);
  const rcpc = (await q.world.store.meetingsOfCase(C1003)).items.find(
    (m) => m.kind === "RCPC" && m.anchors.previous === "2026-11-20",
  );
  // A bound of none is earned, not assumed: every rule on the RCPC's
  // timeline that could chase anyone watches a milestone the story
  // recorded before the rule's time.
  if (atLeast === 0) {
    for (const entry of chaseable) {
      const milestone = milestoneOf(entry.rule);
      expect({ rule: entry.rule, milestone }).toEqual({
        rule: entry.rule,
        milestone: expect.any(String),
      });
      const done = rcpc?.milestones[milestone!]?.at;
      expect({ rule: entry.rule, doneBy: done !== undefined && done <= entry.at }).toEqual({
        rule: entry.rule,
        doneBy: true,
      });
    }
  }
  expect(rcpc?.start).toBe(RCPC_AT);
  expect(rcpc?.status).toBe("outcome-recorded");
  expect(rcpc?.chair?.entraObjectId).toBe(Q.dutyChair);
  expect(rcpc?.outcome?.recordedBy).toBe(Q.dutyChair);
}

/**
 * C-1002's stand-down and rebooking (docs/rules.md, stand-down): approved by
 * exactly the people the policy names, nothing changed before the last
 * approval, the Outlook event cancelled, the family told once by email, a
 * slot past the original limit refused without the SM's agreement, and the
 * rebooking held inside the limit.
 */
export async function expectStandDownAndRebooking(q: Quarter, policy: string): Promise<void> {
  const approvers = STAND_DOWN_APPROVERS[policy] ?? [Q.serviceManager];
  const asked = q.ledger.cards.filter((c) =>
    c.preview.startsWith("Approval needed: stand down the ICPC for case C-1002"),
  );
  expect(asked.map((c) => `${c.at} ${c.to}`).sort()).toEqual(
    approvers.map((a) => `2027-03-16T10:00:00.000Z ${a}`).sort(),
  );
  for (let i = 0; i < approvers.length; i++)
    expect(q.seen[`statusBeforeApproval${i}`]).toBe("invited");
  const original = await q.world.store.get("meeting", ICPC_B, C1002);
  expect(original?.status).toBe("stood-down");
  expect(original?.standDown?.reason).toBe("no-interpreter");
  expect(original?.standDown?.rationale).toContain("interpreter");
  expect([...(original?.standDown?.approvedBy ?? [])].sort()).toEqual([...approvers].sort());
  expect(original?.rebookedAs).toBe(ICPC_B_REBOOKED);
  const event = [...q.world.graph!.state.events.values()].find(
    (e) => e.id === original?.outlookEventId,
  );
  expect(event?.cancelled).toBe(true);
  const family = q.ledger.emails.filter((e) => e.to === "parent.c-1002@home.example");
  expect(family.filter((e) => e.subject.includes("Not going ahead")).map((e) => e.at)).toEqual([
    `2027-03-16T1${approvers.length}:00:00.000Z`,
  ]);
  // The late slot through the ordinary Book button: shown again with the
  // reason, and the rebooking left as it was (only "Book past the limit",
  // with the SM's approval, can take it).
  expect(JSON.stringify(q.seen.lateBooking)).toContain(
    "Choose one of the slots offered inside the limit",
  );
  const untouched = q.seen.afterLateBooking as { status: string; start?: string };
  expect(untouched.status).toBe("requested");
  expect(untouched.start).toBeUndefined();
  const rebooked = await q.world.store.get("meeting", ICPC_B_REBOOKED, C1002);
  expect(rebooked?.rebookedFrom).toBe(ICPC_B);
  expect(rebooked?.start).toBe("2027-03-22T14:00:00.000Z");
  expect(rebooked?.outOfTimescale).toBeUndefined();
  expect(rebooked?.status).toBe("outcome-recorded");
}

/**
 * West Sussex's chairs: May's rota fair (19 working days: 10 and 9, the RCPC's
 * chair first as May is an even month's offset), the refused swap changed
 * nothing, and the sick chair's RCPC went to the duty chair, who is now in
 * the Outlook invitation; the clerk and the SW were told once.
 */
export async function expectRotaAndSickCover(q: Quarter): Promise<void> {
  const rota = await rotaOf(q.world, "2027-05");
  const days = new Map((rota?.days ?? []).map((d) => [d.date, d.chairId]));
  expect(days.size).toBe(19);
  const count = (id: string) => [...days.values()].filter((c) => c === id).length;
  expect([count(Q.chair), count(Q.dutyChair)].sort((a, b) => a - b)).toEqual([9, 10]);
  expect(days.get("2027-05-11")).toBe(Q.dutyChair);
  expect(days.get("2027-05-14")).toBe(Q.chair);
  expect(JSON.stringify(q.seen.refusedSwap)).toMatch(/You can't do this|Not done/);
  expect(q.seen.rotaUnchanged).toBe(true);
  const offered = q.ledger.cards.filter((c) => c.preview.startsWith("Please cover the RCPC"));
  expect(offered.map((c) => `${c.at} ${c.to}`)).toEqual([
    `2027-05-11T07:30:00.000Z ${Q.dutyChair}`,
  ]);
  const told = q.ledger.cards.filter((c) => c.preview.startsWith("New chair for the RCPC"));
  expect(told.map((c) => `${c.at} ${c.to}`).sort()).toEqual(
    [`2027-05-11T07:45:00.000Z ${Q.clerk}`, `2027-05-11T07:45:00.000Z ${Q.socialWorker}`].sort(),
  );
  const rcpc = (await q.world.store.meetingsOfCase(C1003)).items.find(
    (m) => m.anchors.previous === "2026-11-20",
  );
  const event = [...q.world.graph!.state.events.values()].find(
    (e) => e.id === rcpc?.outlookEventId,
  );
  expect(JSON.stringify(event?.patches ?? [])).toContain("drew.duty@quarter-council.example");
}

/**
 * The CLA review thread of the seeds that run them (Swindon, virtual-conference): C-1004's
 * child has been looked after since Fri 18 Dec 2026 and had a first review
 * on Wed 20 Jan 2027, so the second is due within 3 months
 * (cla.second.latest: Tue 20 Apr 2027). The SW asks for it on Mon 1 Mar;
 * the clerk books Thu 15 Apr 10:00 BST the same morning; the SW's invite
 * list comes on Tue 30 Mar (after Easter); the IRO records the minutes at
 * 12:00 on the day.
 */
export const C1004 = "case-C-1004";
export const CLA_AT = "2027-04-15T09:00:00.000Z";
export const CLA_REVIEW = `${C1004}.cla.2.2027-01-20`;

export function claThread(): {
  setUp: (q: Quarter) => Promise<void>;
  steps: [string, (q: Quarter) => Promise<void>][];
} {
  return {
    setUp: async ({ world }) => {
      await addCase(world, "C-1004", [
        { name: "Robin Looked-After", dob: "2012-03-04", lookedAfterSince: "2026-12-18" },
      ]);
    },
    steps: [
      [
        "2027-03-01T10:00:00.000Z",
        async (q) => {
          await requestClaReview(q.world, q.caseOf(C1004), {
            reviewNumber: 2,
            previous: "2027-01-20",
          });
        },
      ],
      [
        "2027-03-01T11:00:00.000Z",
        (q) =>
          bookOffered(q.world, q.caseOf(C1004), CLA_REVIEW, {
            slotStart: CLA_AT,
            at: "2027-03-01T11:00:00.000Z",
          }),
      ],
      [
        "2027-03-30T10:00:00.000Z",
        (q) => submitClaInviteList(q.world, q.caseOf(C1004), CLA_REVIEW),
      ],
      [
        "2027-04-15T11:00:00.000Z",
        (q) => recordClaMinutes(q.world, q.caseOf(C1004), CLA_REVIEW, Q.iro),
      ],
    ],
  };
}

/** The review was held with the IRO as chair and the third review requested once, within 6 months. */
export async function expectNextReviewRequested(q: Quarter): Promise<void> {
  const reviews = (await q.world.store.meetingsOfCase(C1004)).items.filter((m) => m.kind === "CLA");
  const second = reviews.find((m) => m.id === CLA_REVIEW);
  expect(second?.chair?.entraObjectId).toBe(Q.iro);
  expect(second?.start).toBe(CLA_AT);
  const third = reviews.filter((m) => m.reviewNumber === 3);
  expect(third).toHaveLength(1);
  expect(third[0]?.anchors.previous).toBe("2027-04-15");
  const offers = q.ledger.cards.filter(
    (c) => c.to === Q.clerk && c.preview === "Please book the CLA for case C-1004",
  );
  expect(offers.map((c) => c.at)).toEqual(["2027-03-01T10:00:00.000Z", "2027-04-15T11:00:00.000Z"]);
  expect(offers[1]?.text).toContain("Fri 15 Oct 2027");
}

/** Every child of the quarter, by any part of their name. */
const CHILD_NAMES = /Alex|Billie|Charlie|Sample|Dee Review|Robin|Looked-After|Eden|Need\b/;

/**
 * Privacy (docs/architecture.md): no notification preview, email subject, attachment
 * file name or log line names a child. (The chair's brief names the index
 * child by first name, and the health mailbox's register CSV names
 * children: both by design, and neither is checked here.)
 */
export function expectNoChildNamed(q: Quarter): void {
  for (const c of q.ledger.cards) expect(c.preview).not.toMatch(CHILD_NAMES);
  for (const e of q.ledger.emails) {
    expect(e.subject).not.toMatch(CHILD_NAMES);
    for (const name of e.attachments) expect(name).not.toMatch(CHILD_NAMES);
  }
  expect(JSON.stringify(q.world.logger.lines)).not.toMatch(CHILD_NAMES);
}

/** What every seed's quarter must show of the common thread (story.ts). */
export function itRunsTheCommonThread(policy: string, quarter: () => Quarter): void {
  it("held the RCPC of C-1003 in time, chased only at the times `npx convene timeline` gives", async () => {
    await expectRcpcOnTime(quarter(), policy);
  });

  it("stood C-1002's ICPC down with the approval the policy needs and rebooked it inside its limit", async () => {
    await expectStandDownAndRebooking(quarter(), policy);
  });

  it("made a fair duty rota, refused a swap that left a day uncovered, and covered a sick chair", async () => {
    await expectRotaAndSickCover(quarter());
  });

  it("never named a child in a preview, an email subject, a file name or a log line", () => {
    expectNoChildNamed(quarter());
  });

  it("ran without a failed task and sent nothing twice", () => {
    expect(quarter().world.failed).toEqual([]);
    expect(quarter().ledger.duplicates()).toEqual([]);
  });
}
