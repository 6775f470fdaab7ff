import { bookCard, type BookingOffer } from "./booking-card";
import { BookPastLimitSubmission, BookSubmission } from "../../cards/book/submission";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import { formatHumanInstant } from "../../rules";
import type { Case, Meeting, PersonRef } from "../../model";
import { asPersonRef, staffById } from "../kernel/authority";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import { bookMeeting } from "./book-meeting";
import { rebookMeeting } from "./rebook-meeting";
import * as cards from "../kernel/cards";
import { chooseChair } from "./choose-chair";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import type { ActionRequest, ActionResponse } from "../../ports";
import { enqueue } from "../kernel/enqueue";
import { updateDoc } from "../kernel/update-doc";
import { meetingIds } from "../kernel/ids";
import { cardResponse } from "../kernel/respond";

function offerOf(meeting: Meeting): BookingOffer {
  const offer = meeting.offer;
  if (offer === undefined) {
    throw new WorkflowError(
      "Conflict",
      "The slots for this conference are still being worked out: try again shortly.",
    );
  }
  return offer;
}

async function loadForClerk(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<{ kase: Case; meeting: Meeting; offer: BookingOffer }> {
  const { caseId, meetingId } = meetingIds(request.data);
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  await authorise(deps, request.actor, ["clerk"], { verb: request.verb, kase, meeting });
  return { kase, meeting, offer: offerOf(meeting) };
}

/**
 * verb booking.book: the clerk picks a slot inside the limit.
 * 1. load, authorise (clerks only), parse; errors re-render the card;
 * 2. accept only a slot that was offered and is inside the limit;
 * 3. book (workflow/booking/book-meeting.ts), which queues the Outlook event;
 * 4. answer "booking in Outlook": the card updates when the event exists.
 */
export async function book(deps: WorkflowDeps, request: ActionRequest): Promise<ActionResponse> {
  const { kase, meeting, offer } = await loadForClerk(deps, request);
  const parsed = parseSubmission(BookSubmission, request.data);
  if (!parsed.ok) {
    return cardResponse(
      bookCard(deps, kase, meeting, offer, {
        errors: parsed.errors,
        values: submittedValues(request.data),
      }),
    );
  }
  const slot = offer.slots.find((s) => s.id === parsed.value.slotId);
  if (slot === undefined || !slot.withinLimit) {
    return cardResponse(
      bookCard(deps, kase, meeting, offer, {
        errors: { slotId: "Choose one of the slots offered inside the limit" },
        values: submittedValues(request.data),
      }),
    );
  }
  if (Date.parse(slot.start) <= deps.clock().getTime()) {
    throw new WorkflowError(
      "Conflict",
      'That slot has passed: ask for new slots ("rebook" or "book").',
    );
  }
  const inPerson = parsed.value.inPerson || meeting.inPerson;
  if (inPerson && deps.authority.rooms.length > 0 && slot.room === undefined) {
    return cardResponse(
      bookCard(deps, kase, meeting, offer, {
        errors: {
          slotId:
            "No room is free at that time: choose a slot that shows a room, or hold it on Teams",
        },
        values: submittedValues(request.data),
      }),
    );
  }
  if (meeting.status === "booked" || meeting.status === "invited") {
    // Only a card from "rebook REF" moves a booked meeting: a clerk's old
    // booking card, clicked again, must not.
    if (offer.purpose !== "rebooking") {
      throw new WorkflowError(
        "Conflict",
        'This conference is already booked. To move it, type "rebook" and the case reference.',
      );
    }
    await rebookMeeting(
      deps,
      request.actor,
      kase,
      meeting.id,
      slot,
      chooseChair(deps.authority, kase, meeting),
      clerkOf(deps, request.actor.objectId),
    );
    return cardResponse(
      cards.working({
        what: "Moving the conference in Outlook",
        detail: `${formatHumanInstant(Date.parse(slot.start))}. Everyone invited is told; the deadlines move with it.`,
        caseReference: kase.reference,
      }),
    );
  }
  const { repeated } = await bookMeeting(deps, request.actor, kase, meeting.id, {
    start: slot.start,
    end: slot.end,
    inPerson,
    chair: chooseChair(deps.authority, kase, meeting),
    ...clerkField(deps, request.actor.objectId),
    ...(inPerson && slot.room !== undefined ? { room: slot.room } : {}),
    ...(request.activityId !== undefined
      ? { bookingCard: { userObjectId: request.actor.objectId, activityId: request.activityId } }
      : {}),
  });
  return cardResponse(
    cards.working({
      what: repeated
        ? "Already booking this conference in Outlook"
        : "Booking the conference in Outlook",
      detail: `${formatHumanInstant(Date.parse(slot.start))}. This card updates when the invitation is out.`,
      caseReference: kase.reference,
    }),
  );
}

/** The clerk acting, as the staff list has them: the meeting's co-organiser with the chair. */
export function clerkOf(deps: WorkflowDeps, objectId: string): PersonRef | undefined {
  const member = staffById(deps.authority, objectId);
  return member === undefined ? undefined : asPersonRef(member);
}

function clerkField(deps: WorkflowDeps, objectId: string): { clerk?: PersonRef } {
  const clerk = clerkOf(deps, objectId);
  return clerk === undefined ? {} : { clerk };
}

export const APPROVAL_TASK = "approval.out-of-timescale";

/**
 * verb booking.book-past-limit: a slot past the limit makes the meeting out
 * of timescale, which needs the approval the policy names (docs/rules.md, national rules; Leicestershire: the Service Manager). Nothing is booked yet:
 * 1. load, authorise, parse; the approver must be one the card offered;
 * 2. keep the chosen slot on the meeting as pending;
 * 3. queue the approval card to the approver (a task, so it is retried);
 * 4. audit; the booking happens when they approve (task.approve).
 */
export async function bookPastLimit(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting, offer } = await loadForClerk(deps, request);
  const parsed = parseSubmission(BookPastLimitSubmission, request.data);
  const redisplay = (errors: Record<string, string>) =>
    cardResponse(
      bookCard(deps, kase, meeting, offer, { errors, values: submittedValues(request.data) }),
    );
  if (!parsed.ok) return redisplay(parsed.errors);
  const s = parsed.value;
  const slot = offer.slots.find((x) => x.id === s.pastLimitSlotId);
  if (slot === undefined || slot.withinLimit) {
    return redisplay({ pastLimitSlotId: "Choose one of the slots offered past the limit" });
  }
  if (s.approverId !== kase.serviceManager.entraObjectId) {
    return redisplay({ approverId: "Choose the Service Manager for this case" });
  }
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => {
    if (m.status !== "requested")
      throw new WorkflowError("Conflict", "This conference is already booked.");
    if (m.pendingBooking?.start === slot.start && m.pendingBooking.approverId === s.approverId)
      return undefined;
    return {
      ...m,
      pendingBooking: {
        start: slot.start,
        end: slot.end,
        inPerson: s.inPerson,
        approverId: s.approverId,
        reason: s.pastLimitReason,
        requestedBy: request.actor.objectId,
      },
      ...(request.activityId !== undefined
        ? { bookingCard: { userObjectId: request.actor.objectId, activityId: request.activityId } }
        : {}),
    };
  });
  await enqueue(deps, {
    taskType: APPROVAL_TASK,
    caseId: kase.id,
    meetingId: meeting.id,
    key: slot.id.replace(/[:.]/g, ""),
  });
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "meeting.out-of-timescale.requested",
    target: { type: "meeting", id: meeting.id },
    detail: { approver: s.approverId },
  });
  return cardResponse(
    cards.working({
      what: "Waiting for the Service Manager's approval",
      detail: `${formatHumanInstant(Date.parse(slot.start))} is past the limit. It is booked once approved; this card updates then.`,
      caseReference: kase.reference,
    }),
  );
}
