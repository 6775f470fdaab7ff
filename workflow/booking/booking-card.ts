import type { Case, Meeting } from "../../model";
import * as cards from "../kernel/cards";
import { conferenceKind } from "../kernel/conference-kind";
import type { WorkflowDeps } from "../kernel/deps";
import type { Slot } from "./booking-slots";
import { chooseChair } from "./choose-chair";

export type BookingOffer = NonNullable<Meeting["offer"]>;

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
    slots: offer.slots.map((s) => ({
      id: s.id,
      start: s.start,
      end: s.end,
      ...(s.room !== undefined ? { room: s.room.name } : {}),
    })),
    inPerson: meeting.inPerson,
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

export const slotId = (s: Slot): string => s.start.toISOString();

/**
 * conference.offer-booking: the clerks get the book card.
 * 1. skip unless the meeting still waits for booking;
 * 2. choose the chair and read their free/busy from Outlook up to the limit
 *    (and a little past it, for the slots that need approval);
 * 3. compute the slots (workflow/booking/booking-slots.ts) and keep them as the
 *    task's result: the book action accepts only a slot that was offered;
 * 4. send the card to every clerk, once each.
 */
