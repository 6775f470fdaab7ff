import type { Calendar } from "../../rules";
import type { BusySlot } from "../../ports";

export interface Slot {
  start: Date;
  end: Date;
  /** Starts at or before the legal limit (docs/rules.md, national rules). */
  withinLimit: boolean;
  /** The first of the authority's rooms free for the whole slot, if any. */
  room?: { email: string; name: string };
}

/** A room mailbox and its busy periods (Outlook free/busy: only what it accepted). */
export interface RoomBusy {
  email: string;
  name: string;
  busy: readonly BusySlot[];
}

/**
 * The slots a clerk is offered (docs/architecture.md: "proposes dates inside the legal
 * limit and free in the chair's calendar"):
 * 1. every working day from the first one after `now` to the limit's day,
 *    at each of the authority's slot times;
 * 2. drop slots that overlap a busy period of the chair (Outlook free/busy;
 *    tentative counts as busy: a chair's tentative hold is often another
 *    conference; plus the unavailable slots and duty days of West Sussex, which
 *    workflow/chairs/availability.ts adds to `busy`);
 * 3. after the limit, offer `lateSlots` more, flagged: booking one needs the
 *    approval the policy names (out of timescale);
 * 4. name the first room free for each slot; a meeting in person or hybrid
 *    is offered only slots where a room is free as well as the chair.
 * Pure: the calendar and busy periods come in as arguments.
 */
export function bookingSlots(input: {
  calendar: Calendar;
  now: Date;
  /** Offer nothing before this (the free/busy window's start); defaults to now. */
  from?: Date;
  limit: Date;
  slotMinutes: readonly number[];
  meetingMinutes: number;
  busy: readonly BusySlot[];
  maxSlots?: number;
  lateSlots?: number;
  /** The authority's rooms: each slot names the first one free. */
  rooms?: readonly RoomBusy[];
  /** A meeting in person or hybrid: only slots where a room is free too. */
  needsRoom?: boolean;
}): Slot[] {
  const { calendar, now, limit, slotMinutes, meetingMinutes, busy } = input;
  const maxSlots = input.maxSlots ?? 30;
  const lateSlots = input.lateSlots ?? 3;
  const durationMs = meetingMinutes * 60_000;
  const out: Slot[] = [];
  let late = 0;
  const today = calendar.toLocal(now.getTime()).day;
  // Never the same day: families and agencies need notice.
  let day = calendar.workingDaysAfter(today, 1);
  if (input.from !== undefined) {
    day = Math.max(day, calendar.workingDayOnOrAfter(calendar.toLocal(input.from.getTime()).day));
  }
  for (let guard = 0; guard < 400 && out.length < maxSlots && late < lateSlots; guard++) {
    for (const minute of slotMinutes) {
      const startMs = calendar.toInstant(day, minute);
      const endMs = startMs + durationMs;
      const overlaps = (b: BusySlot) => b.start.getTime() < endMs && b.end.getTime() > startMs;
      if (busy.some(overlaps)) continue;
      const room = (input.rooms ?? []).find((r) => !r.busy.some(overlaps));
      if (input.needsRoom === true && room === undefined) continue;
      const withinLimit = startMs <= limit.getTime();
      if (!withinLimit) {
        if (late >= lateSlots) break;
        late += 1;
      }
      out.push({
        start: new Date(startMs),
        end: new Date(endMs),
        withinLimit,
        ...(room !== undefined ? { room: { email: room.email, name: room.name } } : {}),
      });
      if (out.length >= maxSlots) break;
    }
    day = calendar.workingDaysAfter(day, 1);
  }
  return out;
}

/** "HH:MM" → minutes after midnight. */
export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(":");
  return Number(h) * 60 + Number(m);
};
