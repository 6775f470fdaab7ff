import { ymdFromDay, weekday, type DayNumber } from "./day-number";
import { formatMinuteOfDay, londonLocal } from "./london-time";

/** Readable en-GB dates for people: "Thu 7 Jan 2027", "Thu 7 Jan 2027 17:00". */
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

const cache = new Map<DayNumber, string>();

export function formatHumanDate(day: DayNumber): string {
  let s = cache.get(day);
  if (s === undefined) {
    const { year, month, day: d } = ymdFromDay(day);
    s = `${WEEKDAYS[weekday(day)]} ${d} ${MONTHS[month - 1]} ${year}`;
    cache.set(day, s);
  }
  return s;
}

export function formatHumanInstant(utcMs: number): string {
  const { day, minuteOfDay } = londonLocal(utcMs);
  return `${formatHumanDate(day)} ${formatMinuteOfDay(minuteOfDay)}`;
}
