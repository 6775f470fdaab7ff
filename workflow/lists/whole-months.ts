import { addMonthsClamped, dayFromYmd, ymdFromDay, type DayNumber } from "../../rules";

/**
 * Whole calendar months from `from` to `to` (docs/rules.md, counting time's month counting:
 * 31 Aug + 6 months = 28/29 Feb): the largest n with from + n months <= to.
 * 0 when `to` is before `from`.
 */
export function wholeMonths(from: DayNumber, to: DayNumber): number {
  if (to < from) return 0;
  const a = ymdFromDay(from);
  const b = ymdFromDay(to);
  let n = (b.year - a.year) * 12 + (b.month - a.month);
  while (n > 0 && addMonthsClamped(from, n) > to) n -= 1;
  return n;
}

/** The first day of the month before `day`'s month. */
export function firstOfPreviousMonth(day: DayNumber): DayNumber {
  const { year, month } = ymdFromDay(day);
  return month === 1 ? dayFromYmd(year - 1, 12, 1) : dayFromYmd(year, month - 1, 1);
}
