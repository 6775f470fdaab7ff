import { dayFromYmd, formatIsoDate, parseIsoDate, type Calendar } from "../../rules";

export interface Interval {
  start: Date;
  end: Date;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (text: string): boolean => MONTH.test(text);

/**
 * The working days of a month (docs/rules.md, counting time: Monday to Friday, not an
 * England public holiday, not a closure day of the authority), as
 * "YYYY-MM-DD": the days a duty chair is needed (West Sussex).
 */
export function workingDaysOfMonth(calendar: Calendar, month: string): string[] {
  const m = MONTH.exec(month);
  if (m === null) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  const year = Number(m[1]);
  const mon = Number(m[2]);
  const first = dayFromYmd(year, mon, 1);
  const next = mon === 12 ? dayFromYmd(year + 1, 1, 1) : dayFromYmd(year, mon + 1, 1);
  const out: string[] = [];
  for (let d = first; d < next; d++) if (calendar.isWorkingDay(d)) out.push(formatIsoDate(d));
  return out;
}

/** A local date's whole day, Europe/London midnight to midnight (clock changes included). */
export function dayInterval(calendar: Calendar, date: string): Interval {
  const day = parseIsoDate(date);
  return {
    start: new Date(calendar.toInstant(day, 0)),
    end: new Date(calendar.toInstant(day + 1, 0)),
  };
}

export const overlaps = (a: Interval, b: Interval): boolean =>
  a.start.getTime() < b.end.getTime() && a.end.getTime() > b.start.getTime();

/** The Europe/London date of an instant, "YYYY-MM-DD". */
export const localDate = (calendar: Calendar, at: Date): string =>
  formatIsoDate(calendar.toLocal(at.getTime()).day);
