import { formatHumanDate, formatHumanInstant, formatIsoDate, parseIsoDate } from "../../rules";
import { londonLocal } from "../../rules/calendar/london-time";

/**
 * Dates on cards read as the rules print them (docs/rules.md, counting time, the CLI's
 * timeline): en-GB, Europe/London, "Thu 7 Jan 2027 17:00". Reusing rules/'s
 * formatter keeps a deadline on a card identical to the same deadline in the
 * timeline, the lists and the reports.
 */
export function formatInstant(iso: string): string {
  return formatHumanInstant(toMs(iso));
}

/** "Thu 7 Jan 2027" for an instant (its Europe/London date). */
export function formatInstantDate(iso: string): string {
  return formatHumanDate(londonLocal(toMs(iso)).day);
}

/** "Thu 7 Jan 2027" for a calendar date "2027-01-07" (outside 2000-2099: as given). */
export function formatDate(isoDate: string): string {
  try {
    return formatHumanDate(parseIsoDate(isoDate));
  } catch {
    return isoDate;
  }
}

/** An instant's Europe/London calendar date "2027-01-07" (Input.Date's value and max). */
export function londonDate(iso: string): string {
  return formatIsoDate(londonLocal(toMs(iso)).day);
}

/** "17:00" for an instant, Europe/London. */
export function formatTime(iso: string): string {
  return formatInstant(iso).slice(-5);
}

function toMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${iso}`);
  return ms;
}

/**
 * How late, from the due instant to now, in words: "2 days 4 hours late",
 * "45 minutes late", or "due in 3 hours" before the deadline. Calendar time:
 * the caller can pass working days counted on the policy's calendar instead.
 */
export function formatLateness(dueIso: string, nowIso: string): string {
  const diff = toMs(nowIso) - toMs(dueIso);
  const span = describeSpan(Math.abs(diff));
  return diff > 0 ? `${span} late` : diff === 0 ? "due now" : `due in ${span}`;
}

function describeSpan(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (days > 0)
    return hours > 0 ? `${plural(days, "day")} ${plural(hours, "hour")}` : plural(days, "day");
  if (hours > 0) return plural(hours, "hour");
  return plural(Math.max(minutes, 1), "minute");
}

/** "Mon 4 Jan 2027 10:00–12:00" (the end's date too if it is another day). */
export function formatRange(startIso: string, endIso: string): string {
  const sameDay = londonDate(startIso) === londonDate(endIso);
  return `${formatInstant(startIso)}–${sameDay ? formatTime(endIso) : formatInstant(endIso)}`;
}
