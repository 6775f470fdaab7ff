import {
  daysInMonth,
  dayFromYmd,
  formatIsoDate,
  weekday,
  ymdFromDay,
  type DayNumber,
} from "./calendar/day-number";
import { formatMinuteOfDay } from "./calendar/london-time";
import { RulesInputError } from "./errors";
import type { ResolvedPolicy } from "./policy-registry";
import { timeOfDayFor } from "./timeline";
import type { RecurringRule, RuleKind, Who } from "./types";

/** One run of a recurring job. */
export interface ScheduleEntry {
  readonly rule: string;
  readonly kind: RuleKind;
  /** ISO 8601 with the Europe/London offset of that instant. */
  readonly at: string;
  readonly who: readonly Who[];
  readonly text: string;
  readonly source: string;
  /** The date the recurrence named, when it was not a working day. */
  readonly movedFrom?: string;
}

export interface Schedule {
  readonly policy: string;
  readonly from: string;
  readonly to: string;
  readonly entries: readonly ScheduleEntry[];
}

/** Keeps a schedule printable: about ten years of daily jobs. */
export const MAX_SCHEDULE_DAYS = 3700;

/**
 * Recurring jobs in docs/rules.md, the timeline command's families (`list.*`, `report.*`,
 * `cin.*`, `indicator.*`) plus `register.*`: west-sussex's
 * `register.notify-health` is a daily list of the same nature, and leaving it
 * out would hide a job the authority relies on.
 *
 * Section 2: a job whose day is not a working day runs on the next working
 * day. The range [from, to] (inclusive, local dates) selects jobs by the day
 * they actually run: a job due Sun 31 Jan but run Mon 1 Feb belongs to a
 * range starting 1 Feb and not to one ending 31 Jan. That is what the people
 * receiving it will see.
 */
export function schedule(policy: ResolvedPolicy, from: DayNumber, to: DayNumber): Schedule {
  if (to < from) {
    throw new RulesInputError(
      "bad-range",
      `the range ends (${formatIsoDate(to)}) before it starts (${formatIsoDate(from)})`,
    );
  }
  if (to - from + 1 > MAX_SCHEDULE_DAYS) {
    throw new RulesInputError("bad-range", `a schedule covers at most ${MAX_SCHEDULE_DAYS} days`);
  }
  const calendar = policy.calendar;
  const runs: { instant: number; entry: ScheduleEntry }[] = [];
  for (const rule of policy.recurring) {
    const minuteOfDay = timeOfDayFor(rule, policy);
    for (const { due, runs: runDay } of occurrences(rule, policy, from, to)) {
      if (runDay < from || runDay > to) continue;
      const instant = calendar.toInstant(runDay, minuteOfDay);
      const moved = runDay !== due;
      runs.push({
        instant,
        entry: {
          rule: rule.id,
          kind: rule.kind,
          at: calendar.formatInstant(instant),
          who: rule.who,
          text: moved
            ? `${rule.text} (due ${calendar.formatDate(due)}, not a working day; runs ${calendar.formatDate(runDay)} ${formatMinuteOfDay(minuteOfDay)})`
            : rule.text,
          source: rule.source,
          ...(moved ? { movedFrom: formatIsoDate(due) } : {}),
        },
      });
    }
  }
  runs.sort(
    (a, b) =>
      a.instant - b.instant ||
      (a.entry.rule < b.entry.rule ? -1 : a.entry.rule > b.entry.rule ? 1 : 0),
  );
  return {
    policy: policy.id,
    from: formatIsoDate(from),
    to: formatIsoDate(to),
    entries: runs.map((r) => r.entry),
  };
}

/**
 * Nominal days of a recurrence near [from, to] and the day each runs. It
 * starts a month early so that a job due before `from` but moved into the
 * range is not lost.
 */
function* occurrences(
  rule: RecurringRule,
  policy: ResolvedPolicy,
  from: DayNumber,
  to: DayNumber,
): Generator<{ due: DayNumber; runs: DayNumber }> {
  const calendar = policy.calendar;
  const start = from - 31;
  const r = rule.recurrence;
  switch (r.every) {
    case "monday": {
      for (let day = start + ((8 - weekday(start)) % 7); day <= to; day += 7) {
        yield { due: day, runs: calendar.workingDayOnOrAfter(day) };
      }
      return;
    }
    case "working-day": {
      for (let day = from; day <= to; day++) {
        if (calendar.isWorkingDay(day)) yield { due: day, runs: day };
      }
      return;
    }
    default: {
      const first = ymdFromDay(start);
      const last = ymdFromDay(to);
      for (
        let index = first.year * 12 + first.month - 1;
        index <= last.year * 12 + last.month - 1;
        index++
      ) {
        const year = Math.floor(index / 12);
        const month = (index % 12) + 1;
        const firstDay = dayFromYmd(year, month, 1);
        const lastDay = dayFromYmd(year, month, daysInMonth(year, month));
        if (r.every === "month") {
          const due = dayFromYmd(year, month, Math.min(r.dayOfMonth, daysInMonth(year, month)));
          yield { due, runs: calendar.workingDayOnOrAfter(due) };
        } else if (r.every === "first-working-day-of-month") {
          // By definition already a working day: nothing is "moved".
          const runs = calendar.workingDayOnOrAfter(firstDay);
          yield { due: runs, runs };
        } else {
          const runs = calendar.workingDayOnOrBefore(lastDay);
          yield { due: runs, runs };
        }
      }
    }
  }
}
