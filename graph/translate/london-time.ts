import { formatLondonIso } from "../../rules";

/**
 * Graph's dateTimeTimeZone. Events are written in Europe/London wall time
 * (an IANA name Graph's calendar API accepts), so Outlook shows 10:00 for a
 * 10:00 conference in both GMT and BST, and a reschedule across the clocks
 * changing keeps its local time. Answers we read back are asked for in UTC
 * (`Prefer: outlook.timezone="UTC"`), so reading never needs a zone table.
 */
export interface GraphDateTime {
  dateTime: string;
  timeZone: string;
}

export const LONDON_TIME_ZONE = "Europe/London";

/** 2027-01-07T10:00:00.000Z → { dateTime: "2027-01-07T10:00:00", timeZone: "Europe/London" } */
export function toLondonDateTime(at: Date): GraphDateTime {
  // rules/ owns the Europe/London offsets (one table, tested against @date-fns/tz).
  return { dateTime: formatLondonIso(at.getTime()).slice(0, 19), timeZone: LONDON_TIME_ZONE };
}

export function toUtcDateTime(at: Date): GraphDateTime {
  return { dateTime: at.toISOString().slice(0, 19), timeZone: "UTC" };
}

/**
 * Graph writes "2027-01-07T10:00:00.0000000" (seven fractional digits, no
 * offset) in the zone it was asked for; we only ever ask for UTC.
 */
export function fromUtcDateTime(value: GraphDateTime): Date | undefined {
  if (value.timeZone.toUpperCase() !== "UTC") return undefined;
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(\.\d+)?$/.exec(value.dateTime);
  if (match === null) return undefined;
  const millis = (match[2] ?? ".0").slice(1, 4).padEnd(3, "0");
  const at = new Date(`${match[1]}.${millis}Z`);
  return Number.isNaN(at.getTime()) ? undefined : at;
}
