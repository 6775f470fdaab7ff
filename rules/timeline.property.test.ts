import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { MEETING_KINDS } from "../model/meeting-kind";
import { addMonthsClamped, dayFromYmd, parseIsoDate } from "./calendar/day-number";
import { POLICY_IDS, resolvePolicy } from "./policy-registry";
import { timeline, type TimelineAnchors } from "./timeline";
import type { TimelineRule } from "./types";

/** Properties of whole timelines over random policies, meetings and dates. */
const anyDay = fc.integer({ min: dayFromYmd(2001, 1, 1), max: dayFromYmd(2098, 6, 30) });
const anyMinute = fc.integer({ min: 0, max: 1439 }).filter((m) => m < 60 || m >= 120); // never in the spring gap
const anyMeeting = fc.record({
  policy: fc.constantFrom(...POLICY_IDS),
  meeting: fc.constantFrom(...MEETING_KINDS),
  day: anyDay,
  minute: anyMinute,
  lead: fc.integer({ min: 1, max: 40 }),
  review: fc.integer({ min: 1, max: 6 }),
  inPerson: fc.boolean(),
});

type RandomMeeting = typeof anyMeeting extends fc.Arbitrary<infer T> ? T : never;

function anchorsFor(m: RandomMeeting): TimelineAnchors {
  const at = { day: m.day, minuteOfDay: m.minute };
  const before = m.day - m.lead;
  switch (m.meeting) {
    case "ICPC":
      return { at, strategy: before, inPerson: m.inPerson };
    case "RCPC":
      return { at, previous: before - 150, inPerson: m.inPerson };
    default:
      return m.review === 1
        ? { at, lookedAfter: before, review: 1 }
        : { at, previous: before - 90, review: m.review };
  }
}

const dayOfIso = (iso: string) => parseIsoDate(iso.slice(0, 10));

describe("timeline properties", () => {
  it("every `at` carries the Europe/London offset of its instant", () => {
    fc.assert(
      fc.property(anyMeeting, (m) => {
        const t = timeline(resolvePolicy(m.policy), m.meeting, anchorsFor(m));
        for (const e of t.entries) {
          const ms = Date.parse(e.at);
          const offset = -new TZDate(ms, "Europe/London").getTimezoneOffset();
          expect(e.at.endsWith(offset === 60 ? "+01:00" : "+00:00")).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("rolled calendar deadlines are never later than the unrolled date, and land on the latest working day", () => {
    fc.assert(
      fc.property(anyMeeting, (m) => {
        const policy = resolvePolicy(m.policy);
        const anchors = anchorsFor(m);
        const t = timeline(policy, m.meeting, anchors);
        const byId = new Map<string, TimelineRule>(
          policy.rulesByMeeting[m.meeting].map((r) => [r.id, r]),
        );
        for (const e of t.entries) {
          const rule = byId.get(e.rule);
          if (rule === undefined || typeof rule.anchor !== "string") continue;
          const anchorDay =
            rule.anchor === "meeting"
              ? anchors.at?.day
              : rule.anchor === "strategy"
                ? anchors.strategy
                : rule.anchor === "previous"
                  ? anchors.previous
                  : anchors.lookedAfter;
          if (anchorDay === undefined) continue;
          const o = rule.offset;
          const unrolled =
            o.count === "days"
              ? anchorDay - o.n
              : o.count === "weeks"
                ? anchorDay - 7 * o.n
                : o.count === "months"
                  ? addMonthsClamped(anchorDay, o.n)
                  : undefined;
          if (unrolled === undefined) continue;
          const day = dayOfIso(e.at);
          expect(day).toBeLessThanOrEqual(unrolled);
          expect(policy.calendar.isWorkingDay(day)).toBe(true);
          for (let x = day + 1; x <= unrolled; x++)
            expect(policy.calendar.isWorkingDay(x)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("is sorted by instant and lists each rule at most once", () => {
    fc.assert(
      fc.property(anyMeeting, (m) => {
        const t = timeline(resolvePolicy(m.policy), m.meeting, anchorsFor(m));
        const instants = t.entries.map((e) => Date.parse(e.at));
        for (let i = 1; i < instants.length; i++) {
          expect(instants[i]).toBeGreaterThanOrEqual(instants[i - 1] as number);
        }
        expect(new Set(t.entries.map((e) => e.rule)).size).toBe(t.entries.length);
      }),
      { numRuns: 300 },
    );
  });
});
