import type { DayNumber } from "./day-number";

/**
 * Everything the timeline needs to know about days and clocks, as one port.
 * The production implementation is `WorkingDayCalendar` (table look-ups);
 * bench/timeline.ts plugs in a naive date-fns implementation of the same
 * interface so the two can be timed doing exactly the same work.
 *
 * Conventions (docs/rules.md, counting time):
 * - "N working days after D" is the Nth working day strictly after D; D is
 *   day 0 whether or not it is a working day. Likewise "before".
 * - Instants are UTC milliseconds; local dates are Europe/London.
 */
export interface Calendar {
  isWorkingDay(day: DayNumber): boolean;
  /** The Nth working day strictly after `day` (n >= 1). */
  workingDaysAfter(day: DayNumber, n: number): DayNumber;
  /** The Nth working day strictly before `day` (n >= 1). */
  workingDaysBefore(day: DayNumber, n: number): DayNumber;
  /** `day` if it is a working day, else the previous working day. */
  workingDayOnOrBefore(day: DayNumber): DayNumber;
  /** `day` if it is a working day, else the next working day. */
  workingDayOnOrAfter(day: DayNumber): DayNumber;
  /** Calendar months, clamped to the end of a shorter month. */
  addMonthsClamped(day: DayNumber, months: number): DayNumber;
  /** The instant of a Europe/London wall-clock time on a date. */
  toInstant(day: DayNumber, minuteOfDay: number): number;
  /** The Europe/London date and time of an instant. */
  toLocal(instant: number): { day: DayNumber; minuteOfDay: number };
  /** ISO 8601 with the Europe/London offset: "2027-01-07T17:00:00+00:00". */
  formatInstant(instant: number): string;
  /** en-GB: "Thu 7 Jan 2027". */
  formatDate(day: DayNumber): string;
}
