import fc from "fast-check";
import type { Meeting } from "../../model";
import { resolvePolicy } from "../../rules";
import { timeliness, type CountedMeeting } from "./timeliness";

/**
 * Outlook replies and the quoracy forecast: a generated year of 400 ICPCs with known dates; the figures must
 * match a count made here independently, day by day, with England's 2027
 * bank holidays written out by hand (gov.uk): no rules/ calendar involved.
 */
const HOLIDAYS_2027 = new Set([
  "2027-01-01",
  "2027-03-26",
  "2027-03-29",
  "2027-05-03",
  "2027-05-31",
  "2027-08-30",
  "2027-12-27",
  "2027-12-28",
]);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const isWorking = (ms: number) => {
  const wd = new Date(ms).getUTCDay();
  return wd !== 0 && wd !== 6 && !HOLIDAYS_2027.has(iso(ms));
};
/** Working days after the strategy day up to and including the held day. */
const workingDaysBetween = (fromMs: number, toMs: number) => {
  let n = 0;
  for (let d = fromMs + DAY; d <= toMs; d += DAY) if (isWorking(d)) n += 1;
  return n;
};

const TEAMS = ["aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"];
const CHAIRS = ["cccccccc-cccc-4ccc-8ccc-cccccccccccc", "dddddddd-dddd-4ddd-8ddd-dddddddddddd"];

function icpc(
  i: number,
  strategyMs: number,
  heldMs: number,
  status: Meeting["status"],
  extra: Partial<Meeting> = {},
): Meeting {
  // 10:00 in winter is 10:00Z; in summer 09:00Z. The day is what counts.
  const start = new Date(heldMs + 9 * 3_600_000).toISOString();
  return {
    id: `m-${i}`,
    type: "meeting",
    pk: `case-${i}`,
    caseId: `case-${i}`,
    kind: "ICPC",
    status,
    anchors: { strategy: iso(strategyMs) },
    milestones: {},
    inPerson: false,
    start,
    end: start,
    chair: { entraObjectId: CHAIRS[i % 2]!, email: "c@x.example", name: "Chair" },
    createdAt: "2027-01-01T00:00:00.000Z",
    ...extra,
  };
}

describe("timeliness, counted the national way", () => {
  it("matches an independent day-by-day count over a generated year of 400 ICPCs", () => {
    const policy = resolvePolicy("england");
    const rnd = fc.sample(
      fc.record({
        startDay: fc.integer({ min: 0, max: 330 }),
        after: fc.integer({ min: 3, max: 30 }),
        kind: fc.integer({ min: 0, max: 9 }),
      }),
      { seed: 2027, numRuns: 400 },
    );
    const jan4 = Date.UTC(2027, 0, 4);
    const meetings: CountedMeeting[] = [];
    const expected = {
      counted: 0,
      onTime: 0,
      months: new Map<string, [number, number]>(),
      teams: new Map<string, [number, number]>(),
    };
    rnd.forEach((r, i) => {
      // Strategy discussions on working days, as they are held.
      let s = jan4 + r.startDay * DAY;
      while (!isWorking(s)) s += DAY;
      let held = s;
      for (let k = 0; k < r.after;) {
        held += DAY;
        if (isWorking(held)) k += 1;
      }
      const team = TEAMS[i % 2]!;
      // One in ten stood down and never held: not a conference, not counted.
      if (r.kind === 0) {
        meetings.push({
          meeting: icpc(i, s, held, "stood-down", {
            standDown: {
              reason: "no-longer-needed",
              rationale: "child moved away",
              approvedBy: [TEAMS[0]!],
              at: new Date(s).toISOString(),
            },
          }),
          teamManagerId: team,
          childCount: 1,
        });
        return;
      }
      // One in ten booked late with approval: still late.
      const extra: Partial<Meeting> =
        r.kind === 1
          ? {
              outOfTimescale: {
                approvedBy: TEAMS[1]!,
                approvedAt: new Date(s).toISOString(),
                reason: "no chair",
              },
            }
          : {};
      // Sibling groups: the census counts each child the ICPC was about.
      const children = 1 + (i % 3);
      meetings.push({
        meeting: icpc(i, s, held, "outcome-recorded", extra),
        teamManagerId: team,
        childCount: children,
      });
      if (held >= Date.UTC(2028, 0, 1)) return; // outside the year counted
      const ok = workingDaysBetween(s, held) <= 15;
      expected.counted += children;
      if (ok) expected.onTime += children;
      const month = iso(held).slice(0, 7);
      const m = expected.months.get(month) ?? [0, 0];
      expected.months.set(month, [m[0] + children, m[1] + (ok ? children : 0)]);
      const t = expected.teams.get(team) ?? [0, 0];
      expected.teams.set(team, [t[0] + children, t[1] + (ok ? children : 0)]);
    });

    const figures = timeliness(policy, meetings, {
      from: new Date(Date.UTC(2027, 0, 1)),
      to: new Date(Date.UTC(2028, 0, 1)),
    });
    expect(figures.icpc.overall.counted).toBe(expected.counted);
    expect(figures.icpc.overall.onTime).toBe(expected.onTime);
    expect(expected.onTime).toBeGreaterThan(0);
    expect(expected.onTime).toBeLessThan(expected.counted);
    for (const [month, [counted, onTime]] of expected.months) {
      expect([
        month,
        figures.icpc.byMonth[month]?.counted,
        figures.icpc.byMonth[month]?.onTime,
      ]).toEqual([month, counted, onTime]);
    }
    for (const [team, [counted, onTime]] of expected.teams) {
      expect(figures.icpc.byTeam[team]).toEqual(expect.objectContaining({ counted, onTime }));
    }
    expect(figures.icpc.overall.percent).toBe(
      Math.round((expected.onTime / expected.counted) * 1000) / 10,
    );
  });

  it("counts a meeting on its 15th working day as on time and on its 16th as late", () => {
    const policy = resolvePolicy("england");
    // Strategy Mon 11 Jan 2027: the 15th working day after is Mon 1 Feb.
    const s = Date.UTC(2027, 0, 11);
    const figures = timeliness(
      policy,
      [
        {
          meeting: icpc(1, s, Date.UTC(2027, 1, 1), "outcome-recorded"),
          teamManagerId: TEAMS[0]!,
          childCount: 1,
        },
        {
          meeting: icpc(2, s, Date.UTC(2027, 1, 2), "outcome-recorded"),
          teamManagerId: TEAMS[0]!,
          childCount: 1,
        },
        // Booked for after "now": not held yet, not counted.
        {
          meeting: icpc(3, s, Date.UTC(2027, 1, 20), "booked"),
          teamManagerId: TEAMS[0]!,
          childCount: 1,
        },
        // Booked, its start passed, no outcome recorded yet: held, counted.
        {
          meeting: icpc(4, s, Date.UTC(2027, 0, 20), "booked"),
          teamManagerId: TEAMS[0]!,
          childCount: 1,
        },
      ],
      {
        from: new Date(Date.UTC(2027, 0, 1)),
        to: new Date(Date.UTC(2027, 2, 1)),
        now: new Date(Date.UTC(2027, 1, 10)),
      },
    );
    expect(figures.icpc.overall).toEqual({ counted: 3, onTime: 2, percent: 66.7 });
  });
});
