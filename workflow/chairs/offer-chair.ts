import type { Case, Meeting, PersonRef } from "../../model";
import { bookingSlots, minutesOf } from "../booking/booking-slots";
import { chairCandidates } from "../booking/choose-chair";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import type { BusySlot } from "../../ports";
import { busyOfChairs } from "./availability";
import { caseloads } from "./caseload";

/**
 * The chair a booking offer is made for, and their busy periods
 * (workflow/chairs/availability.ts: Outlook, unavailable slots, duty days):
 * the first candidate (choose-chair.ts: continuity, then the lightest
 * caseload) with at least one slot inside the limit. A chair on leave until
 * after the limit is therefore skipped; when no chair has a slot inside
 * the limit, the first candidate's slots past it are offered (they need the
 * approval the policy names).
 */
export async function chairForOffer(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  window: { now: Date; from: Date; horizon: Date; limit: Date },
): Promise<{ chair: PersonRef; busy: BusySlot[] }> {
  const load = await caseloads(deps, window.now);
  const upcoming = new Map(load.map((l) => [l.chairId, l.upcoming]));
  const candidates = chairCandidates(deps.authority, kase, meeting, upcoming);
  const first = candidates[0];
  if (first === undefined)
    throw new WorkflowError(
      "Conflict",
      "No chair is left who has not declined this conference: the team manager needs to decide.",
    );
  const busy = await busyOfChairs(deps, candidates, { start: window.from, end: window.horizon });
  for (const chair of candidates) {
    const mine = busy.get(chair.entraObjectId) ?? [];
    const slots = bookingSlots({
      calendar: deps.policy.calendar,
      now: window.now,
      from: window.from,
      limit: window.limit,
      slotMinutes: deps.authority.slotTimes.map(minutesOf),
      meetingMinutes: deps.authority.meetingMinutes,
      busy: mine,
      // Slots come in time order: the first says whether any is inside the limit.
      lateSlots: 1,
      maxSlots: 1,
    });
    if (slots.some((s) => s.withinLimit)) return { chair, busy: mine };
  }
  return { chair: first, busy: busy.get(first.entraObjectId) ?? [] };
}
