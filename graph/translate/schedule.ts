import type * as MG from "@microsoft/microsoft-graph-types";
import type { BusySlot, Mailbox } from "../../ports/calendar";
import { fromUtcDateTime, toUtcDateTime, type GraphDateTime } from "./london-time";

/**
 * Free/busy of chairs for booking: POST /users/{organizer}/calendar/getSchedule.
 * Graph takes up to 20 schedules per call and a range shorter than 42 days
 * (Graph's "Get free/busy schedule" limits).
 */
export const MAX_SCHEDULES_PER_CALL = 20;
export const MAX_SCHEDULE_RANGE_MS = 42 * 24 * 60 * 60 * 1000;

export interface GetSchedulePayload {
  schedules: string[];
  startTime: GraphDateTime;
  endTime: GraphDateTime;
  availabilityViewInterval: number;
}

export function toGetSchedule(
  mailboxes: readonly Mailbox[],
  from: Date,
  to: Date,
): GetSchedulePayload {
  return {
    schedules: [...mailboxes],
    startTime: toUtcDateTime(from),
    endTime: toUtcDateTime(to),
    // Only scheduleItems are read; the interval merely sizes availabilityView.
    availabilityViewInterval: 30,
  };
}

/** Asked for so that every time in the answer is UTC. */
export const PREFER_UTC = { Prefer: 'outlook.timezone="UTC"' };

export interface ScheduleInformationRead {
  scheduleId: string;
  scheduleItems?: { status?: string | null; start: GraphDateTime; end: GraphDateTime }[] | null;
  error?: { responseCode?: string | null } | null;
}

const BUSY_STATUSES = new Set<MG.FreeBusyStatus>(["busy", "tentative", "oof", "workingElsewhere"]);

/**
 * Busy slots per mailbox. A mailbox Graph could not read (its `error` is
 * set) is left out of the map: absent means unknown, never free, so the
 * booking card cannot offer a time a chair might not have.
 */
export function fromGetSchedule(
  value: readonly ScheduleInformationRead[],
): Map<Mailbox, BusySlot[]> {
  const out = new Map<Mailbox, BusySlot[]>();
  for (const info of value) {
    if (info.error !== undefined && info.error !== null) continue;
    const slots: BusySlot[] = [];
    for (const item of info.scheduleItems ?? []) {
      const status = normaliseStatus(item.status);
      if (status === undefined || !BUSY_STATUSES.has(status)) continue;
      const start = fromUtcDateTime(item.start);
      const end = fromUtcDateTime(item.end);
      if (start === undefined || end === undefined) continue;
      slots.push({ start, end, status });
    }
    slots.sort((a, b) => a.start.getTime() - b.start.getTime());
    out.set(info.scheduleId, slots);
  }
  return out;
}

/** Graph's own examples write "Busy"/"Tentative"; the enum is lower camel case. */
function normaliseStatus(status: string | null | undefined): MG.FreeBusyStatus | undefined {
  if (status === null || status === undefined || status.length === 0) return undefined;
  const value = status[0]?.toLowerCase() + status.slice(1);
  const known: MG.FreeBusyStatus[] = [
    "unknown",
    "free",
    "tentative",
    "busy",
    "oof",
    "workingElsewhere",
  ];
  return known.find((k) => k === value);
}
