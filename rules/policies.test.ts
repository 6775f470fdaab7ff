import type { MeetingKind } from "../model/meeting-kind";
import { parseIsoDate } from "./calendar/day-number";
import { parseLocalDateTime } from "./local-date-time";
import { POLICY_IDS, resolvePolicy } from "./policy-registry";
import { timeline, type TimelineAnchors } from "./timeline";

/**
 * Every rule of every policy, table-driven. Expected instants were counted by
 * hand from the calendar (not copied from the code's output); each case says
 * what it exercises. Each case lists the whole timeline, so a rule that goes
 * missing or appears where it should not fails too.
 *
 * England public holidays used: 2022: 2-3 Jun (jubilee), 29 Aug, 19 Sep
 * (funeral); 2023: 1 May, 8 May (coronation); 2024: 29 Mar, 1 Apr; 2026: 31
 * Aug, 25 Dec, 28 Dec (Boxing Day substitute); 2027: 1 Jan, 26 Mar, 29 Mar,
 * 3 May, 31 May, 27-28 Dec; 2028: 3 Jan (substitute). BST: 2024-03-31,
 * 2026-10-25 (ends), 2027-03-28 (starts).
 */
interface Case {
  readonly name: string;
  readonly policy: string;
  readonly meeting: MeetingKind;
  readonly at?: string;
  readonly strategy?: string;
  readonly previous?: string;
  readonly lookedAfter?: string;
  readonly review?: number;
  readonly inPerson?: boolean;
  readonly expected: Readonly<Record<string, string>>;
}

const CASES: readonly Case[] = [
  {
    name: "leicestershire ICPC over Christmas 2026 (the issue's example)",
    policy: "leicestershire",
    meeting: "ICPC",
    strategy: "2026-12-14",
    at: "2027-01-07T10:00",
    expected: {
      "icpc.alert-manager": "2026-12-18T17:00:00+00:00",
      "icpc.request": "2026-12-21T17:00:00+00:00",
      "police-checks.request.best": "2026-12-22T16:00:00+00:00",
      "police-checks.request": "2026-12-23T16:00:00+00:00",
      // 7 working days before 7 Jan skip 1 Jan, 28 Dec and 25 Dec.
      "notice.participants": "2026-12-24T17:00:00+00:00",
      "report.chair-clerk": "2027-01-06T10:00:00+00:00",
      "report.family": "2027-01-06T10:00:00+00:00",
      "sw.join-early": "2027-01-07T09:45:00+00:00",
      // 15 working days skip 25 Dec, 28 Dec (substitute) and 1 Jan.
      "icpc.latest": "2027-01-07T17:00:00+00:00",
      "plan.sign-off": "2027-01-14T17:00:00+00:00",
      "core-group.first.latest": "2027-01-21T17:00:00+00:00",
      "record.available": "2027-01-28T17:00:00+00:00",
      "rcpc.first.latest": "2027-04-07T17:00:00+01:00",
    },
  },
  {
    name: "leicestershire RCPC in person, across Easter 2027 and the start of BST",
    policy: "leicestershire",
    meeting: "RCPC",
    previous: "2026-10-01",
    at: "2027-04-01T10:00",
    inPerson: true,
    expected: {
      // 7 working days before Thu 1 Apr skip Easter Monday and Good Friday.
      "police-checks.request.best": "2027-03-18T16:00:00+00:00",
      "police-checks.request": "2027-03-19T16:00:00+00:00",
      "notice.participants": "2027-03-19T17:00:00+00:00",
      // 3 days before is Easter Monday: back past the weekend and Good Friday.
      "report.family.best": "2027-03-25T17:00:00+00:00",
      "report.chair-clerk": "2027-03-31T10:00:00+01:00",
      "report.family": "2027-03-31T10:00:00+01:00",
      "sw.join-early": "2027-04-01T09:30:00+01:00",
      "rcpc.next.latest": "2027-04-01T17:00:00+01:00",
      "plan.sign-off": "2027-04-08T17:00:00+01:00",
      "record.available": "2027-04-22T17:00:00+01:00",
    },
  },
  {
    name: "swindon ICPC around the one-off bank holiday of 19 Sep 2022",
    policy: "swindon",
    meeting: "ICPC",
    strategy: "2022-09-12",
    at: "2022-10-03T10:00",
    expected: {
      "invite-list.reminder": "2022-09-20T09:00:00+01:00",
      "invite-list.due": "2022-09-20T17:00:00+01:00",
      "invite-list.escalate": "2022-09-21T09:00:00+01:00",
      "notice.partners": "2022-09-23T17:00:00+01:00",
      // 2 days before Mon 3 Oct is Saturday: back to Friday.
      "reports.icpc": "2022-09-30T17:00:00+01:00",
      "icpc.latest": "2022-10-04T17:00:00+01:00",
      "core-group.first.latest": "2022-10-17T17:00:00+01:00",
      "rcpc.first.latest": "2023-01-03T17:00:00+00:00",
    },
  },
  {
    name: "swindon ICPC around the coronation bank holiday of 8 May 2023",
    policy: "swindon",
    meeting: "ICPC",
    strategy: "2023-04-25",
    at: "2023-05-10T10:00",
    expected: {
      "notice.partners": "2023-04-28T17:00:00+01:00",
      "invite-list.reminder": "2023-05-03T09:00:00+01:00",
      "invite-list.due": "2023-05-03T17:00:00+01:00",
      "invite-list.escalate": "2023-05-04T09:00:00+01:00",
      // 2 days before Wed 10 May is the coronation holiday: back to Fri 5 May.
      "reports.icpc": "2023-05-05T17:00:00+01:00",
      "icpc.latest": "2023-05-18T17:00:00+01:00",
      "core-group.first.latest": "2023-05-24T17:00:00+01:00",
      "rcpc.first.latest": "2023-08-10T17:00:00+01:00",
    },
  },
  {
    name: "swindon RCPC counting back over 8 May and 1 May 2023",
    policy: "swindon",
    meeting: "RCPC",
    previous: "2022-11-10",
    at: "2023-05-10T14:00",
    expected: {
      "invite.rcpc": "2023-04-27T17:00:00+01:00",
      "notice.partners": "2023-04-28T17:00:00+01:00",
      "reports.rcpc": "2023-05-05T17:00:00+01:00",
      "rcpc.next.latest": "2023-05-10T17:00:00+01:00",
    },
  },
  {
    name: "swindon CLA review 2 with calendar days landing on Christmas 2026",
    policy: "swindon",
    meeting: "CLA",
    review: 2,
    previous: "2026-10-13",
    at: "2027-01-13T10:00",
    expected: {
      "cla.invite-list.request": "2026-12-09T09:00:00+00:00",
      "cla.invite-list.escalate": "2026-12-24T09:00:00+00:00",
      // 16 days before is Mon 28 Dec (substitute day): back past 25 Dec.
      "cla.invite-list.due": "2026-12-24T17:00:00+00:00",
      "cla.invites.send": "2026-12-29T17:00:00+00:00",
      "cla.second.latest": "2027-01-13T17:00:00+00:00",
    },
  },
  {
    name: "swindon CLA review 3: 31 Aug + 6 months clamps to 28 Feb, a Sunday",
    policy: "swindon",
    meeting: "CLA",
    review: 3,
    previous: "2026-08-31",
    at: "2027-02-24T10:00",
    expected: {
      "cla.invite-list.request": "2027-01-20T09:00:00+00:00",
      "cla.invite-list.escalate": "2027-02-04T09:00:00+00:00",
      "cla.invite-list.due": "2027-02-08T17:00:00+00:00",
      "cla.invites.send": "2027-02-09T17:00:00+00:00",
      "cla.next.latest": "2027-02-26T17:00:00+00:00",
    },
  },
  {
    name: "virtual-conference ICPC over the spring bank holiday 2027, in BST",
    policy: "virtual-conference",
    meeting: "ICPC",
    strategy: "2027-05-17",
    at: "2027-06-07T10:00",
    expected: {
      "invite-list.due": "2027-05-21T17:00:00+01:00",
      "notice.participants": "2027-05-21T17:00:00+01:00",
      "family.report-sharing": "2027-05-26T17:00:00+01:00",
      "report.family-walkthrough": "2027-05-28T17:00:00+01:00",
      "reports.partners": "2027-05-28T17:00:00+01:00",
      "chair.pre-discussion": "2027-06-02T17:00:00+01:00",
      "decisions.distribute": "2027-06-07T17:00:00+01:00",
      "icpc.latest": "2027-06-08T17:00:00+01:00",
      "core-group.first.latest": "2027-06-21T17:00:00+01:00",
      "rcpc.first.latest": "2027-09-07T17:00:00+01:00",
    },
  },
  {
    name: "virtual-conference RCPC the day after BST ends (25 Oct 2026)",
    policy: "virtual-conference",
    meeting: "RCPC",
    previous: "2026-04-30",
    at: "2026-10-26T10:00",
    expected: {
      "invite-list.due": "2026-10-12T17:00:00+01:00",
      "notice.participants": "2026-10-12T17:00:00+01:00",
      "family.report-sharing": "2026-10-15T17:00:00+01:00",
      "report.family-walkthrough": "2026-10-19T17:00:00+01:00",
      "reports.partners": "2026-10-19T17:00:00+01:00",
      "chair.pre-discussion": "2026-10-21T17:00:00+01:00",
      "decisions.distribute": "2026-10-26T17:00:00+00:00",
      "rcpc.next.latest": "2026-10-30T17:00:00+00:00",
    },
  },
  {
    name: "virtual-conference CLA review 1 across Easter 2027 and the BST change",
    policy: "virtual-conference",
    meeting: "CLA",
    lookedAfter: "2027-03-08",
    at: "2027-04-02T10:00",
    expected: {
      "cla.report-and-invite-list": "2027-03-24T17:00:00+00:00",
      "cla.minutes": "2027-04-02T17:00:00+01:00",
      "cla.first.latest": "2027-04-07T17:00:00+01:00",
    },
  },
  {
    name: "west-sussex ICPC the day before Good Friday 2024",
    policy: "west-sussex",
    meeting: "ICPC",
    strategy: "2024-03-11",
    at: "2024-03-28T10:00",
    expected: {
      "register.update": "2024-03-28T17:00:00+00:00",
      "icpc.latest": "2024-04-03T17:00:00+01:00",
      "core-group.first.latest": "2024-04-15T17:00:00+01:00",
      "rcpc.first.latest": "2024-06-28T17:00:00+01:00",
    },
  },
  {
    name: "west-sussex RCPC",
    policy: "west-sussex",
    meeting: "RCPC",
    previous: "2024-03-28",
    at: "2024-09-26T10:00",
    expected: {
      "register.update": "2024-09-26T17:00:00+01:00",
      "rcpc.next.latest": "2024-09-27T17:00:00+01:00",
    },
  },
  {
    name: "chair-consultation ICPC over the 2022 jubilee holidays (strategy only)",
    policy: "chair-consultation",
    meeting: "ICPC",
    strategy: "2022-05-25",
    expected: { "icpc.latest": "2022-06-17T17:00:00+01:00" },
  },
  {
    name: "england RCPC: 31 Aug + 6 months = 29 Feb in a leap year",
    policy: "england",
    meeting: "RCPC",
    previous: "2027-08-31",
    expected: { "rcpc.next.latest": "2028-02-29T17:00:00+00:00" },
  },
  {
    name: "england CLA review 2: 30 Nov + 3 months = 29 Feb 2028",
    policy: "england",
    meeting: "CLA",
    review: 2,
    previous: "2027-11-30",
    expected: { "cla.second.latest": "2028-02-29T17:00:00+00:00" },
  },
  {
    name: "england CLA review 1 over Christmas 2027 and the 3 Jan 2028 substitute day",
    policy: "england",
    meeting: "CLA",
    lookedAfter: "2027-12-10",
    expected: { "cla.first.latest": "2028-01-12T17:00:00+00:00" },
  },
  {
    name: "england ICPC: ICPC-anchored limits",
    policy: "england",
    meeting: "ICPC",
    at: "2026-11-30T10:00",
    expected: {
      "core-group.first.latest": "2026-12-14T17:00:00+00:00",
      // 28 Feb 2027 is a Sunday: back to Friday 26 Feb.
      "rcpc.first.latest": "2027-02-26T17:00:00+00:00",
    },
  },
];

function anchorsOf(c: Case): TimelineAnchors {
  return {
    ...(c.at === undefined ? {} : { at: parseLocalDateTime(c.at) }),
    ...(c.strategy === undefined ? {} : { strategy: parseIsoDate(c.strategy) }),
    ...(c.previous === undefined ? {} : { previous: parseIsoDate(c.previous) }),
    ...(c.lookedAfter === undefined ? {} : { lookedAfter: parseIsoDate(c.lookedAfter) }),
    ...(c.review === undefined ? {} : { review: c.review }),
    ...(c.inPerson === undefined ? {} : { inPerson: c.inPerson }),
  };
}

describe.each(CASES)("$name", (c) => {
  const result = timeline(resolvePolicy(c.policy), c.meeting, anchorsOf(c));

  it("lists exactly the expected rules", () => {
    expect(result.entries.map((e) => e.rule).sort()).toEqual(Object.keys(c.expected).sort());
  });

  it.each(Object.entries(c.expected))("%s at %s", (rule, at) => {
    expect(result.entries.find((e) => e.rule === rule)?.at).toBe(at);
  });
});

describe("coverage of the table", () => {
  it("exercises every timeline rule of every policy for every meeting kind it applies to", () => {
    const covered = new Set(
      CASES.flatMap((c) =>
        Object.keys(c.expected).map((rule) => `${c.policy}:${c.meeting}:${rule}`),
      ),
    );
    const missing: string[] = [];
    for (const id of POLICY_IDS) {
      if (id === "england") continue;
      const policy = resolvePolicy(id);
      for (const [meeting, rules] of Object.entries(policy.rulesByMeeting)) {
        for (const rule of rules) {
          // england's own rules are covered through any policy extending it.
          const own = policy.rules.includes(rule) && !resolvePolicy("england").rules.includes(rule);
          const key = `${id}:${meeting}:${rule.id}`;
          if (own && !covered.has(key)) missing.push(key);
        }
      }
    }
    const englandRules = resolvePolicy("england").rules.map((r) => r.id);
    const coveredRuleIds = new Set([...covered].map((k) => k.split(":")[2]));
    expect(missing).toEqual([]);
    expect(englandRules.filter((r) => !coveredRuleIds.has(r))).toEqual([]);
  });
});
