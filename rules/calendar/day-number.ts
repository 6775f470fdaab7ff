import { RulesInputError } from "../errors";

/**
 * A calendar date is a "day number": whole days since 1970-01-01. Dates in the
 * rules are plain Y-M-D values in England, so integer arithmetic on day numbers
 * avoids every time-of-day and DST pitfall of `Date` (adding a day is `+ 1`).
 * Conversions use Howard Hinnant's civil-from-days algorithms (exact, no loops).
 */
export type DayNumber = number;

/**
 * Dates the rules accept as input. BST has followed the current rule (last
 * Sunday of March to last Sunday of October at 01:00 UTC) since 1996, and the
 * tables stay small; computed dates may run into the year after.
 */
export const FIRST_SUPPORTED_YEAR = 2000;
export const LAST_SUPPORTED_YEAR = 2099;
/** Internal margin: a deadline counted back from 2 Jan 2000 lands in 1999. */
export const FIRST_TABLE_YEAR = FIRST_SUPPORTED_YEAR - 1;
export const LAST_TABLE_YEAR = LAST_SUPPORTED_YEAR + 1;

export const MS_PER_DAY = 86_400_000;
export const MS_PER_MINUTE = 60_000;

export function dayFromYmd(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function ymdFromDay(dayNumber: DayNumber): Ymd {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function yearOfDay(dayNumber: DayNumber): number {
  return ymdFromDay(dayNumber).year;
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const w = weekday(dayNumber);
  return w === 0 || w === 6;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * D plus N calendar months, clamped to the last day of a shorter month
 * (docs/rules.md, counting time, "within N months": 31 Aug + 6 months = 28/29 Feb).
 * N may be negative (a look-back window in the checks).
 */
export function addMonthsClamped(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = ymdFromDay(dayNumber);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return dayFromYmd(y, m, Math.min(day, daysInMonth(y, m)));
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : `${n}`;
}

/**
 * "YYYY-MM-DD" per day, cached in a dense array indexed by day number (every
 * day up to 2100 fits): formatting is on the timeline's hot path.
 */
const ISO_CACHE_SIZE = dayFromYmd(LAST_TABLE_YEAR + 1, 1, 1);
const isoCache: string[] = new Array<string>(ISO_CACHE_SIZE).fill("");

export function formatIsoDate(dayNumber: DayNumber): string {
  const cached = dayNumber >= 0 && dayNumber < ISO_CACHE_SIZE ? isoCache[dayNumber] : undefined;
  if (cached) return cached;
  const { year, month, day } = ymdFromDay(dayNumber);
  const s = `${year}-${pad2(month)}-${pad2(day)}`;
  if (dayNumber >= 0 && dayNumber < ISO_CACHE_SIZE) isoCache[dayNumber] = s;
  return s;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function assertSupportedDay(dayNumber: DayNumber, what: string): void {
  const { year } = ymdFromDay(dayNumber);
  if (year < FIRST_SUPPORTED_YEAR || year > LAST_SUPPORTED_YEAR) {
    throw new RulesInputError(
      "out-of-range",
      `${what} ${formatIsoDate(dayNumber)} is outside the supported years ${FIRST_SUPPORTED_YEAR}-${LAST_SUPPORTED_YEAR}`,
    );
  }
}

/**
 * Parses a strict "YYYY-MM-DD" and rejects impossible dates (2027-02-30,
 * 2027-13-01) rather than letting them roll over as `Date` would.
 */
export function parseIsoDate(text: string, what = "date"): DayNumber {
  const match = ISO_DATE.exec(text);
  if (!match) {
    throw new RulesInputError("bad-date", `${what} "${text}" is not a date of the form YYYY-MM-DD`);
  }
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new RulesInputError("bad-date", `${what} "${text}" is not a real date`);
  }
  const result = dayFromYmd(year, month, day);
  assertSupportedDay(result, what);
  return result;
}
