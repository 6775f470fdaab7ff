import { RulesInputError } from "../errors";
import type { Calendar } from "./calendar";
import {
  FIRST_TABLE_YEAR,
  LAST_TABLE_YEAR,
  addMonthsClamped,
  dayFromYmd,
  isWeekend,
  yearOfDay,
  type DayNumber,
} from "./day-number";
import { formatHumanDate } from "./en-gb";
import { englandPublicHolidays } from "./holidays";
import { formatLondonIso, londonInstant, londonLocal } from "./london-time";

/**
 * England's working days (docs/rules.md, counting time) as precomputed tables, so that
 * "N working days after D" is one array read instead of a day-by-day loop:
 *
 *   isWorking[i]   1 if day (first + i) is a working day
 *   cumulative[i]  working days in [first, first + i], inclusive
 *   workingDays[k] the day number of the k-th working day in the table
 *
 * The Nth working day strictly after D is workingDays[cumulative[D] + N - 1]
 * (cumulative[D] working days are on or before D, so workingDays[cumulative[D]]
 * is the first one after it). The Nth strictly before D is
 * workingDays[cumulative[D] - isWorking[D] - N].
 *
 * The table covers whole years and grows on demand (date-holidays is the slow
 * part, ~6 ms a year, and is cached per year in holidays.ts); rebuilding the
 * arrays for a century is under a millisecond's work per few years.
 */
export class WorkingDayCalendar implements Calendar {
  private first = 0;
  private length = 0;
  private fromYear = 0;
  private toYear = -1;
  private isWorking = new Uint8Array(0);
  private cumulative = new Int32Array(0);
  private workingDays = new Int32Array(0);
  private count = 0;
  private readonly closures: ReadonlySet<DayNumber>;

  constructor(closureDays: Iterable<DayNumber> = []) {
    this.closures = new Set(closureDays);
  }

  isWorkingDay(day: DayNumber): boolean {
    const i = day - this.first;
    if (i >= 0 && i < this.length) return this.isWorking[i] === 1;
    this.cover(day, day);
    return this.isWorkingDay(day);
  }

  workingDaysAfter(day: DayNumber, n: number): DayNumber {
    const i = day - this.first;
    if (i >= 0 && i < this.length) {
      const k = (this.cumulative[i] as number) + n - 1;
      if (k < this.count) return this.workingDays[k] as number;
    }
    this.cover(day, day + 2 * n + 31);
    return this.workingDaysAfter(day, n);
  }

  workingDaysBefore(day: DayNumber, n: number): DayNumber {
    const i = day - this.first;
    if (i >= 0 && i < this.length) {
      const k = (this.cumulative[i] as number) - (this.isWorking[i] as number) - n;
      if (k >= 0) return this.workingDays[k] as number;
    }
    this.cover(day - 2 * n - 31, day);
    return this.workingDaysBefore(day, n);
  }

  workingDayOnOrBefore(day: DayNumber): DayNumber {
    const i = day - this.first;
    if (i >= 0 && i < this.length) {
      if (this.isWorking[i] === 1) return day;
      const k = (this.cumulative[i] as number) - 1;
      if (k >= 0) return this.workingDays[k] as number;
    }
    this.cover(day - 31, day);
    return this.workingDayOnOrBefore(day);
  }

  workingDayOnOrAfter(day: DayNumber): DayNumber {
    const i = day - this.first;
    if (i >= 0 && i < this.length) {
      const k = (this.cumulative[i] as number) - (this.isWorking[i] as number);
      if (k < this.count) return this.workingDays[k] as number;
    }
    this.cover(day, day + 31);
    return this.workingDayOnOrAfter(day);
  }

  addMonthsClamped(day: DayNumber, months: number): DayNumber {
    return addMonthsClamped(day, months);
  }

  toInstant(day: DayNumber, minuteOfDay: number): number {
    return londonInstant(day, minuteOfDay);
  }

  toLocal(instant: number): { day: DayNumber; minuteOfDay: number } {
    return londonLocal(instant);
  }

  formatInstant(instant: number): string {
    return formatLondonIso(instant);
  }

  formatDate(day: DayNumber): string {
    return formatHumanDate(day);
  }

  /**
   * Grows the tables (whole years, with a year's margin) to cover [lo, hi].
   * If they already do, the look-up needed more working days than the span
   * holds (many closure days), so both ends grow by two years. Growth stops at
   * the table's year limits, where the look-up fails as out of range.
   */
  private cover(lo: DayNumber, hi: DayNumber): void {
    const outOfRange = new RulesInputError(
      "out-of-range",
      `dates must fall within ${FIRST_TABLE_YEAR}-${LAST_TABLE_YEAR} for the working-day calendar`,
    );
    if (yearOfDay(lo) > LAST_TABLE_YEAR || yearOfDay(hi) < FIRST_TABLE_YEAR) throw outOfRange;
    const empty = this.toYear < this.fromYear;
    let fromYear = yearOfDay(lo) - 1;
    let toYear = yearOfDay(hi) + 1;
    if (!empty) {
      fromYear = Math.min(fromYear, this.fromYear);
      toYear = Math.max(toYear, this.toYear);
      if (fromYear === this.fromYear && toYear === this.toYear) {
        fromYear -= 2;
        toYear += 2;
      }
    }
    fromYear = Math.max(fromYear, FIRST_TABLE_YEAR);
    toYear = Math.min(toYear, LAST_TABLE_YEAR);
    if (!empty && fromYear === this.fromYear && toYear === this.toYear) throw outOfRange;
    this.build(fromYear, toYear);
  }

  private build(fromYear: number, toYear: number): void {
    const first = dayFromYmd(fromYear, 1, 1);
    const length = dayFromYmd(toYear + 1, 1, 1) - first;
    const holidays = new Set<DayNumber>();
    for (let y = fromYear; y <= toYear; y++) {
      for (const d of englandPublicHolidays(y)) holidays.add(d);
    }
    const isWorking = new Uint8Array(length);
    const cumulative = new Int32Array(length);
    const workingDays = new Int32Array(length);
    let count = 0;
    for (let i = 0; i < length; i++) {
      const day = first + i;
      if (!isWeekend(day) && !holidays.has(day) && !this.closures.has(day)) {
        isWorking[i] = 1;
        workingDays[count++] = day;
      }
      cumulative[i] = count;
    }
    this.first = first;
    this.length = length;
    this.fromYear = fromYear;
    this.toYear = toYear;
    this.isWorking = isWorking;
    this.cumulative = cumulative;
    this.workingDays = workingDays;
    this.count = count;
  }
}

/** One calendar per set of closure days, shared by every policy that uses it. */
const calendars = new Map<string, WorkingDayCalendar>();

export function workingDayCalendar(closureDays: readonly DayNumber[] = []): WorkingDayCalendar {
  const key = [...new Set(closureDays)].sort((a, b) => a - b).join(",");
  let calendar = calendars.get(key);
  if (calendar === undefined) {
    calendar = new WorkingDayCalendar(closureDays);
    calendars.set(key, calendar);
  }
  return calendar;
}
