import { RulesInputError } from "../errors";
import {
  FIRST_TABLE_YEAR,
  LAST_TABLE_YEAR,
  MS_PER_DAY,
  MS_PER_MINUTE,
  dayFromYmd,
  formatIsoDate,
  weekday,
  type DayNumber,
} from "./day-number";

/**
 * Europe/London local time without a time-zone library on the hot path.
 *
 * Since 1996 the UK has been on British Summer Time from the last Sunday of
 * March to the last Sunday of October, both changes at 01:00 UTC. A table of
 * those two instants per year turns "what offset applies" into two
 * comparisons. rules/calendar/london-time.test.ts checks the table against
 * @date-fns/tz (the IANA database) for random instants.
 */
const bstStart: number[] = [];
const bstEnd: number[] = [];

function lastSunday(year: number, month: number, lastDate: number): DayNumber {
  const last = dayFromYmd(year, month, lastDate);
  return last - weekday(last);
}

for (let year = FIRST_TABLE_YEAR; year <= LAST_TABLE_YEAR; year++) {
  bstStart.push(lastSunday(year, 3, 31) * MS_PER_DAY + 60 * MS_PER_MINUTE);
  bstEnd.push(lastSunday(year, 10, 31) * MS_PER_DAY + 60 * MS_PER_MINUTE);
}

const HOUR = 60 * MS_PER_MINUTE;

/**
 * Minutes east of UTC in Europe/London at a UTC instant: 0 (GMT) or 60 (BST).
 * The year is estimated from the instant and corrected against the table of
 * 1 January instants, which avoids a calendar conversion on the hot path.
 */
const yearStart: number[] = [];
for (let year = FIRST_TABLE_YEAR; year <= LAST_TABLE_YEAR + 1; year++) {
  yearStart.push(dayFromYmd(year, 1, 1) * MS_PER_DAY);
}
const MS_PER_YEAR = 365.2425 * MS_PER_DAY;

export function londonOffsetMinutes(utcMs: number): 0 | 60 {
  let i = Math.floor(utcMs / MS_PER_YEAR) + 1970 - FIRST_TABLE_YEAR;
  if (i >= 0 && i < yearStart.length - 1) {
    if (utcMs < (yearStart[i] as number)) i--;
    else if (utcMs >= (yearStart[i + 1] as number)) i++;
  }
  const start = bstStart[i];
  const end = bstEnd[i];
  if (start === undefined || end === undefined) {
    throw new RulesInputError(
      "out-of-range",
      `${new Date(utcMs).toISOString()} is outside the time-zone table (${FIRST_TABLE_YEAR}-${LAST_TABLE_YEAR})`,
    );
  }
  return utcMs >= start && utcMs < end ? 60 : 0;
}

/**
 * The instant of a Europe/London wall-clock time.
 * - Ambiguous (the repeated hour when clocks go back, 01:00-01:59 on the last
 *   Sunday of October): the earlier instant, still BST. A reminder sent early
 *   is harmless; one sent an hour late may miss its moment.
 * - Nonexistent (01:00-01:59 on the last Sunday of March): `undefined`; the
 *   caller decides (the CLI rejects such a `--at`). The rules' own times of
 *   day (09:00, 16:00, 17:00) never fall in the gap.
 */
export function londonInstantOrUndefined(day: DayNumber, minuteOfDay: number): number | undefined {
  const wall = day * MS_PER_DAY + minuteOfDay * MS_PER_MINUTE;
  const asBst = wall - HOUR;
  if (londonOffsetMinutes(asBst) === 60) return asBst;
  if (londonOffsetMinutes(wall) === 0) return wall;
  return undefined;
}

export function londonInstant(day: DayNumber, minuteOfDay: number): number {
  const instant = londonInstantOrUndefined(day, minuteOfDay);
  if (instant === undefined) {
    throw new RulesInputError(
      "nonexistent-local-time",
      `${formatIsoDate(day)}T${formatMinuteOfDay(minuteOfDay)} does not exist in Europe/London (the clocks go forward an hour)`,
    );
  }
  return instant;
}

/** The local calendar date and minute of day of a UTC instant. */
export function londonLocal(utcMs: number): { day: DayNumber; minuteOfDay: number } {
  const local = utcMs + londonOffsetMinutes(utcMs) * MS_PER_MINUTE;
  const day = Math.floor(local / MS_PER_DAY);
  return { day, minuteOfDay: Math.floor((local - day * MS_PER_DAY) / MS_PER_MINUTE) };
}

const hhmm: string[] = [];
for (let m = 0; m < 24 * 60; m++) {
  const h = Math.floor(m / 60);
  const mm = m % 60;
  hhmm.push(`${h < 10 ? "0" : ""}${h}:${mm < 10 ? "0" : ""}${mm}`);
}

/** "HH:MM" for a minute of the day (0-1439). */
export function formatMinuteOfDay(minuteOfDay: number): string {
  return hhmm[minuteOfDay] ?? "??:??";
}

/**
 * ISO 8601 with the Europe/London offset of that instant, as section 6
 * prints it: "2027-01-07T17:00:00+00:00", "2027-06-07T17:00:00+01:00".
 */
export function formatLondonIso(utcMs: number): string {
  const offset = londonOffsetMinutes(utcMs);
  const local = utcMs + offset * MS_PER_MINUTE;
  const day = Math.floor(local / MS_PER_DAY);
  const msOfDay = local - day * MS_PER_DAY;
  const minute = Math.floor(msOfDay / MS_PER_MINUTE);
  const second = Math.floor((msOfDay - minute * MS_PER_MINUTE) / 1000);
  return `${formatIsoDate(day)}T${hhmm[minute]}:${second < 10 ? "0" : ""}${second}${offset === 60 ? "+01:00" : "+00:00"}`;
}
