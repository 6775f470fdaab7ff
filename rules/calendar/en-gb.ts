import { LAST_TABLE_YEAR, dayFromYmd, ymdFromDay, weekday, type DayNumber } from "./day-number";
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

/** Dense cache by day number, as for ISO dates (day-number.ts). */
const CACHE_SIZE = dayFromYmd(LAST_TABLE_YEAR + 1, 1, 1);
const cache: string[] = new Array<string>(CACHE_SIZE).fill("");

export function formatHumanDate(day: DayNumber): string {
  const cached = day >= 0 && day < CACHE_SIZE ? cache[day] : undefined;
  if (cached) return cached;
  const { year, month, day: d } = ymdFromDay(day);
  const s = `${WEEKDAYS[weekday(day)]} ${d} ${MONTHS[month - 1]} ${year}`;
  if (day >= 0 && day < CACHE_SIZE) cache[day] = s;
  return s;
}

export function formatHumanInstant(utcMs: number): string {
  const { day, minuteOfDay } = londonLocal(utcMs);
  return `${formatHumanDate(day)} ${formatMinuteOfDay(minuteOfDay)}`;
}
