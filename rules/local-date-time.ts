import { parseIsoDate, type DayNumber } from "./calendar/day-number";
import { londonInstantOrUndefined, formatMinuteOfDay } from "./calendar/london-time";
import { RulesInputError } from "./errors";

/** A Europe/London wall-clock time: a date and minutes after midnight. */
export interface LocalDateTime {
  readonly day: DayNumber;
  readonly minuteOfDay: number;
}

const LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Parses "YYYY-MM-DDTHH:MM" (optionally ":00" seconds) as Europe/London local
 * time. Rejects impossible values (T25:00) and the hour that does not exist
 * when the clocks go forward (e.g. 2027-03-28T01:30); an hour that happens
 * twice when they go back is taken as the first (see london-time.ts).
 * Offsets and "Z" are refused: the meeting time is always local.
 */
export function parseLocalDateTime(text: string, what = "date-time"): LocalDateTime {
  const match = LOCAL.exec(text);
  if (!match) {
    throw new RulesInputError(
      "bad-date",
      `${what} "${text}" is not a local time of the form YYYY-MM-DDTHH:MM`,
    );
  }
  let day: DayNumber;
  try {
    day = parseIsoDate(match[1] as string, what);
  } catch (error) {
    if (error instanceof RulesInputError && error.code === "bad-date") {
      throw new RulesInputError("bad-date", `${what} "${text}" is not a real date`);
    }
    throw error;
  }
  const hour = Number(match[2]);
  const minute = Number(match[3]);
  const second = match[4] === undefined ? 0 : Number(match[4]);
  if (hour > 23 || minute > 59 || second > 59) {
    throw new RulesInputError("bad-date", `${what} "${text}" is not a real time of day`);
  }
  if (second !== 0) {
    throw new RulesInputError("bad-date", `${what} "${text}": meetings are booked to the minute`);
  }
  const minuteOfDay = hour * 60 + minute;
  if (londonInstantOrUndefined(day, minuteOfDay) === undefined) {
    throw new RulesInputError(
      "nonexistent-local-time",
      `${what} "${text}" does not exist in Europe/London: the clocks go forward from 01:00 to 02:00 (${formatMinuteOfDay(minuteOfDay)} is skipped)`,
    );
  }
  return { day, minuteOfDay };
}
