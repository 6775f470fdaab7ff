import type { Case, Meeting, Task } from "../../model";
import type { TaskContext, TaskResult } from "../../infra/scheduler/scheduler";
import { staffWithRole, asPersonRef } from "../authority";
import { bookingSlots, minutesOf, type Slot } from "../booking-slots";
import * as cards from "../cards";
import { chairForOffer } from "../chairs/offer-chair";
import { chooseChair } from "../choose-chair";
import { conferenceKind } from "../conference-kind";
import type { WorkflowDeps } from "../deps";
import { loadMeeting } from "../load";
import { meetingLimit } from "../meeting-timeline";
import { sendCardOnce } from "../notify";
import { updateDoc } from "../update-doc";
import { taskIds } from "./task-ids";

export type BookingOffer = NonNullable<Meeting["offer"]>;

export const OFFER_BOOKING = "conference.offer-booking";
/** The clerk asked to move a booked meeting ("rebook REF"). */
export const OFFER_REBOOKING = "conference.offer-rebooking";

/** What the clerk's book card shows; also rebuilt from the stored offer to re-render errors. */
export function bookCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  offer: BookingOffer,
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
) {
  const chair = chooseChair(deps.authority, kase, meeting);
  return cards.book({
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    meetingKind: conferenceKind(meeting),
    limitRule: offer.limitRule,
    limitAt: offer.limitAt,
    chairName: chair.name,
    slots: offer.slots.map((s) => ({ id: s.id, start: s.start, end: s.end })),
    approval: {
      role: "Service Manager",
      approvers: [
        {
          id: kase.serviceManager.entraObjectId,
          name: kase.serviceManager.name,
          role: "Service Manager",
        },
      ],
    },
    ...(meeting.etag !== undefined ? { cardVersion: meeting.etag } : {}),
    ...redisplay,
  });
}

const slotId = (s: Slot): string => s.start.toISOString();

/**
 * conference.offer-booking: the clerks get the book card.
 * 1. skip unless the meeting still waits for booking;
 * 2. choose the chair and read their free/busy from Outlook up to the limit
 *    (and a little past it, for the slots that need approval);
 * 3. compute the slots (workflow/booking-slots.ts) and keep them as the
 *    task's result: the book action accepts only a slot that was offered;
 * 4. send the card to every clerk, once each.
 */
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
  // 003: the chair's Outlook free/busy, unavailable slots and duty days;
  // a chair with no slot inside the limit is skipped (workflow/chairs/).
  const { chair, busy } = await chairForOffer(deps, kase, meeting, {
    now: ctx.now,
    from,
    horizon,
    limit,
  });
  const slots = bookingSlots({
    calendar: deps.policy.calendar,
    now: ctx.now,
    from,
    limit,
    slotMinutes: deps.authority.slotTimes.map(minutesOf),
    meetingMinutes: deps.authority.meetingMinutes,
    busy,
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

export function limitRuleOf(meeting: Meeting): string {
  if (meeting.limit !== undefined) return meeting.limit.rule;
  if (meeting.kind === "ICPC") return "icpc.latest";
  if (meeting.kind === "RCPC") return "rcpc.next.latest";
  if (meeting.reviewNumber === 1 || meeting.anchors.lookedAfter !== undefined)
    return "cla.first.latest";
  return meeting.reviewNumber === 2 ? "cla.second.latest" : "cla.next.latest";
}
