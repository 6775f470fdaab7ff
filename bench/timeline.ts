/**
 * bench/timeline: timelines computed per second for 100,000 random meetings
 * across every policy, by rules/ (precomputed working-day tables and a BST
 * table) beside the same work done naively: a day-by-day loop with date-fns
 * (`addDays`, `isWeekend`, a Set of holiday strings) and @date-fns/tz for
 * local times. Both run the very same timeline engine and policy data; only
 * the `Calendar` behind it differs, so the ratio measures the calendar work.
 * Aim (the issue): at least 50 times faster than the naive loop.
 *
 * Run: npx tsc -p tsconfig.build.json && node dist/bench/timeline.js
 */
import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, format, isWeekend, subDays } from "date-fns";
import { MEETING_KINDS, type MeetingKind } from "../model/meeting-kind";
import type { Calendar } from "../rules/calendar/calendar";
import { dayFromYmd, type DayNumber } from "../rules/calendar/day-number";
import { englandPublicHolidays } from "../rules/calendar/holidays";
import { POLICY_IDS, resolvePolicy, type ResolvedPolicy } from "../rules/policy-registry";
import { timeline, type Timeline, type TimelineAnchors } from "../rules/timeline";

const MEETINGS = 100_000;
const SAMPLE = 2_000;
/** The naive loop stops early (and is timed on what it did) past this budget. */
const NAIVE_BUDGET_MS = 25_000;
const SEED = 20270107;
const ZONE = "Europe/London";

/** The straightforward implementation a first attempt would write. */
class NaiveCalendar implements Calendar {
  private readonly holidays: ReadonlySet<string>;

  constructor() {
    const all = new Set<string>();
    for (let year = 1999; year <= 2100; year++) {
      for (const day of englandPublicHolidays(year)) all.add(format(toDate(day), "yyyy-MM-dd"));
    }
    this.holidays = all;
  }

  private working(date: Date): boolean {
    return !isWeekend(date) && !this.holidays.has(format(date, "yyyy-MM-dd"));
  }

  isWorkingDay(day: DayNumber): boolean {
    return this.working(toDate(day));
  }

  workingDaysAfter(day: DayNumber, n: number): DayNumber {
    let date = toDate(day);
    for (let found = 0; found < n;) {
      date = addDays(date, 1);
      if (this.working(date)) found++;
    }
    return fromDate(date);
  }

  workingDaysBefore(day: DayNumber, n: number): DayNumber {
    let date = toDate(day);
    for (let found = 0; found < n;) {
      date = subDays(date, 1);
      if (this.working(date)) found++;
    }
    return fromDate(date);
  }

  workingDayOnOrBefore(day: DayNumber): DayNumber {
    let date = toDate(day);
    while (!this.working(date)) date = subDays(date, 1);
    return fromDate(date);
  }

  workingDayOnOrAfter(day: DayNumber): DayNumber {
    let date = toDate(day);
    while (!this.working(date)) date = addDays(date, 1);
    return fromDate(date);
  }

  addMonthsClamped(day: DayNumber, months: number): DayNumber {
    return fromDate(addMonths(toDate(day), months));
  }

  toInstant(day: DayNumber, minuteOfDay: number): number {
    const date = toDate(day);
    return new TZDate(
      date.getFullYear(),
      date.getMonth(),
      date.getDate(),
      Math.floor(minuteOfDay / 60),
      minuteOfDay % 60,
      ZONE,
    ).getTime();
  }

  toLocal(instant: number): { day: DayNumber; minuteOfDay: number } {
    const local = new TZDate(instant, ZONE);
    return {
      day: dayFromYmd(local.getFullYear(), local.getMonth() + 1, local.getDate()),
      minuteOfDay: local.getHours() * 60 + local.getMinutes(),
    };
  }

  formatInstant(instant: number): string {
    return format(new TZDate(instant, ZONE), "yyyy-MM-dd'T'HH:mm:ssxxx");
  }

  formatDate(day: DayNumber): string {
    return format(toDate(day), "EEE d MMM yyyy");
  }
}

/** Local midnight of a day number, as date-fns expects. */
function toDate(day: DayNumber): Date {
  const utc = new Date(day * 86_400_000);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

function fromDate(date: Date): DayNumber {
  return dayFromYmd(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** mulberry32: a small seeded PRNG, so every run times the same meetings. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Meeting {
  readonly policy: string;
  readonly meeting: MeetingKind;
  readonly anchors: TimelineAnchors;
}

function randomMeetings(count: number): Meeting[] {
  const next = random(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const first = dayFromYmd(2001, 1, 1);
  const last = dayFromYmd(2098, 6, 30);
  const meetings: Meeting[] = [];
  for (let i = 0; i < count; i++) {
    const day = first + Math.floor(next() * (last - first));
    // Office hours in 15-minute steps.
    const at = { day, minuteOfDay: 8 * 60 + 15 * Math.floor(next() * 37) };
    const lead = 5 + Math.floor(next() * 30);
    const meeting = pick(MEETING_KINDS);
    const review = 1 + Math.floor(next() * 4);
    const anchors: TimelineAnchors =
      meeting === "ICPC"
        ? { at, strategy: day - lead, inPerson: next() < 0.3 }
        : meeting === "RCPC"
          ? { at, previous: day - 150 - lead, inPerson: next() < 0.3 }
          : review === 1
            ? { at, lookedAfter: day - lead, review }
            : { at, previous: day - 80 - lead, review };
    meetings.push({ policy: pick(POLICY_IDS), meeting, anchors });
  }
  return meetings;
}

function run(
  meetings: readonly Meeting[],
  policies: ReadonlyMap<string, ResolvedPolicy>,
  budgetMs = Infinity,
): { done: number; ms: number; entries: number } {
  const start = process.hrtime.bigint();
  let entries = 0;
  let done = 0;
  for (const m of meetings) {
    entries += timeline(policies.get(m.policy) as ResolvedPolicy, m.meeting, m.anchors).entries
      .length;
    done++;
    if ((done & 1023) === 0 && Number(process.hrtime.bigint() - start) / 1e6 > budgetMs) break;
  }
  return { done, ms: Number(process.hrtime.bigint() - start) / 1e6, entries };
}

function rate(r: { done: number; ms: number }): number {
  return (r.done / r.ms) * 1000;
}

const n = (x: number) => Math.round(x).toLocaleString("en-GB");

export function main(): number {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const naive = new NaiveCalendar();
  const fast = new Map(POLICY_IDS.map((id) => [id as string, resolvePolicy(id)]));
  const slow = new Map(
    POLICY_IDS.map((id) => [id as string, { ...resolvePolicy(id), calendar: naive }]),
  );
  const meetings = randomMeetings(MEETINGS);
  out(
    `bench/timeline: ${n(MEETINGS)} random meetings across ${POLICY_IDS.length} policies (seed ${SEED})`,
  );

  // Agreement first: both calendars must produce identical timelines.
  let agree = 0;
  let firstDiff: string | undefined;
  for (const m of meetings.slice(0, SAMPLE)) {
    const a: Timeline = timeline(fast.get(m.policy) as ResolvedPolicy, m.meeting, m.anchors);
    const b: Timeline = timeline(slow.get(m.policy) as ResolvedPolicy, m.meeting, m.anchors);
    if (JSON.stringify(a) === JSON.stringify(b)) agree++;
    else firstDiff ??= `${m.policy} ${m.meeting}`;
  }
  out(
    `check: table and naive implementations agree on ${n(agree)}/${n(SAMPLE)} sampled timelines${firstDiff ? ` (first difference: ${firstDiff})` : ""}`,
  );

  // Warm both paths (JIT, caches) before timing.
  run(meetings.slice(0, 5_000), fast);
  run(meetings.slice(0, 500), slow);

  const fastRun = run(meetings, fast);
  const slowRun = run(meetings, slow, NAIVE_BUDGET_MS);
  const ratio = rate(fastRun) / rate(slowRun);
  out(
    `rules/ (table look-ups):     ${n(fastRun.done)} timelines (${n(fastRun.entries)} entries) in ${n(fastRun.ms)} ms = ${n(rate(fastRun))} timelines/s`,
  );
  out(
    `naive date-fns day loop:     ${n(slowRun.done)} timelines (${n(slowRun.entries)} entries) in ${n(slowRun.ms)} ms = ${n(rate(slowRun))} timelines/s${slowRun.done < MEETINGS ? ` (stopped at the ${NAIVE_BUDGET_MS / 1000} s budget)` : ""}`,
  );
  out(
    `ratio: ${ratio.toFixed(1)}x faster than the naive loop (aim: at least 50x) ${ratio >= 50 ? "OK" : "BELOW AIM"}`,
  );
  return agree === SAMPLE ? 0 : 1;
}

if (require.main === module) {
  process.exitCode = main();
}
