import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Meeting, Task } from "../../model";
import { staffWithRole, asPersonRef } from "../kernel/authority";
import { bookingSlots, minutesOf, type RoomBusy } from "./booking-slots";
import { chairForOffer } from "../chairs/offer-chair";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { meetingLimit } from "../timeline/meeting-timeline";
import { bookCard, slotId, type BookingOffer } from "./booking-card";
import { sendCardOnce } from "../kernel/notify";
import { updateDoc } from "../kernel/update-doc";
import { taskIds } from "../kernel/task-ids";

export const OFFER_BOOKING = "conference.offer-booking";
/** The clerk asked to move a booked meeting ("rebook REF"). */
export const OFFER_REBOOKING = "conference.offer-rebooking";

export async function offerBooking(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  const rebooking = task.taskType === OFFER_REBOOKING;
  const open = rebooking
    ? meeting.status === "booked" || meeting.status === "invited"
    : meeting.status === "requested" && meeting.pendingBooking === undefined;
  if (!open) return { skipped: meeting.status };
  const limit = meetingLimit(deps.policy, meeting);
  if (limit === undefined) return { skipped: "no-limit" };
  // Graph's getSchedule reads under 42 days (graph/translate/schedule.ts):
  // the four weeks before the limit (all of an ICPC's 15 working days; the
  // end of an RCPC's 6 months, when reviews are held) and two weeks past it.
  const DAY = 86_400_000;
  const from = new Date(Math.max(ctx.now.getTime(), limit.getTime() - 27 * DAY));
  const horizon = new Date(limit.getTime() + 14 * DAY);
  // West Sussex: the chair's Outlook free/busy, unavailable slots and duty days;
  // a chair with no slot inside the limit is skipped (workflow/chairs/).
  const { chair, busy } = await chairForOffer(deps, kase, meeting, {
    now: ctx.now,
    from,
    horizon,
    limit,
  });
  const rooms = await roomsBusy(deps, from, horizon);
  const slots = bookingSlots({
    calendar: deps.policy.calendar,
    now: ctx.now,
    from,
    limit,
    slotMinutes: deps.authority.slotTimes.map(minutesOf),
    meetingMinutes: deps.authority.meetingMinutes,
    busy,
    rooms,
    // A meeting already held in person (a rebooking, or a room that
    // declined) needs a room at any time it is moved to.
    needsRoom: meeting.inPerson && rooms.length > 0,
  });
  const limitRule = limitRuleOf(meeting);
  const offer: BookingOffer = {
    purpose: rebooking ? "rebooking" : "booking",
    madeAt: ctx.now.toISOString(),
    chairId: chair.entraObjectId,
    limitRule,
    limitAt: limit.toISOString(),
    slots: slots.map((s) => ({
      id: slotId(s),
      start: s.start.toISOString(),
      end: s.end.toISOString(),
      withinLimit: s.withinLimit,
      ...(s.room !== undefined ? { room: s.room } : {}),
    })),
  };
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => ({ ...m, offer }));
  const card = bookCard(deps, kase, { ...meeting, chair }, offer);
  for (const clerk of staffWithRole(deps.authority, "clerk")) {
    await sendCardOnce(deps, {
      id: `${task.id}:${clerk.entraObjectId}`,
      kind: "booking-offer",
      recipient: asPersonRef(clerk),
      card,
      preview: `Please ${rebooking ? "rebook" : "book"} the ${meeting.kind} for case ${kase.reference}`,
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
    });
  }
  return { slots: offer.slots.length, limitAt: offer.limitAt };
}

/** The authority's rooms and when each is busy (getSchedule: only what a room accepted). */
async function roomsBusy(deps: WorkflowDeps, from: Date, to: Date): Promise<RoomBusy[]> {
  const rooms = deps.authority.rooms;
  if (rooms.length === 0) return [];
  const busy = await deps.calendar.freeBusy(
    deps.authority.organizer,
    rooms.map((r) => r.email),
    from,
    to,
  );
  // A room Outlook gave no schedule for is not offered: it may not exist.
  return rooms.flatMap((r) => {
    const slots = busy.get(r.email);
    return slots === undefined ? [] : [{ ...r, busy: slots }];
  });
}

export function limitRuleOf(meeting: Meeting): string {
  if (meeting.limit !== undefined) return meeting.limit.rule;
  if (meeting.kind === "ICPC") return "icpc.latest";
  if (meeting.kind === "RCPC") return "rcpc.next.latest";
  if (meeting.reviewNumber === 1 || meeting.anchors.lookedAfter !== undefined)
    return "cla.first.latest";
  return meeting.reviewNumber === 2 ? "cla.second.latest" : "cla.next.latest";
}
