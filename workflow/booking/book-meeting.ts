import type { Case, Meeting, Task } from "../../model";
import { audit } from "../kernel/audit";
import { asPersonRef, staffById } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { planBrief } from "../brief/plan-brief";
import { optionalFrom, planMeetingTasks } from "../timeline/plan-meeting-tasks";
import { chaseFrom, MILESTONES } from "../timeline/milestones";
import { enqueue } from "../kernel/enqueue";
import { updateDoc } from "../kernel/update-doc";
import type { Actor } from "../../ports";

export interface Booking {
  start: string;
  end: string;
  inPerson: boolean;
  chair: NonNullable<Meeting["chair"]>;
  /** The clerk booking it: a co-organiser of the Teams meeting with the chair. */
  clerk?: NonNullable<Meeting["clerk"]>;
  /** The room free at that slot, for a meeting in person or hybrid. */
  room?: { email: string; name: string };
  outOfTimescale?: NonNullable<Meeting["outOfTimescale"]>;
  bookingCard?: NonNullable<Meeting["bookingCard"]>;
  /**
   * The Outlook event already exists (booked before Convene; the go-live
   * import read it through the calendar port): it is linked, never created
   * again. meeting.create-event then finds the event id and only sends the
   * cards that follow a booking.
   */
  existingEvent?: { eventId: string; onlineMeetingId: string; joinWebUrl: string };
}

/**
 * Books a requested meeting (the clerk's slot, or an approved late one).
 * 1. record the slot, the chair and the Graph transactionId on the meeting
 *    (IfMatch; a meeting booked meanwhile for the same slot is a repeat);
 * 2. plan every task of its timeline, now that the meeting date is known,
 *    and the chair's brief;
 * 3. queue the Outlook event (graph, in the background: Graph may take 10 s,
 *    the invoke must answer in 2);
 * 4. audit.
 */
export async function bookMeeting(
  deps: WorkflowDeps,
  actor: Actor | "system",
  kase: Case,
  meetingId: string,
  booking: Booking,
): Promise<{ meeting: Meeting; repeated: boolean }> {
  const { doc: meeting, changed } = await updateDoc(
    deps.store,
    "meeting",
    meetingId,
    kase.id,
    (m) => {
      if (m.status !== "requested") {
        if (m.start === booking.start) return undefined;
        throw new WorkflowError("Conflict", "This conference is already booked for another time.");
      }
      // Approved past the limit: the clerk and room of the slot they chose.
      const clerk = booking.clerk ?? clerkFrom(deps, m.pendingBooking?.requestedBy);
      const room =
        booking.room ??
        (booking.inPerson
          ? m.offer?.slots.find((s) => s.start === booking.start)?.room
          : undefined);
      const next: Meeting = {
        ...m,
        status: "booked",
        start: booking.start,
        end: booking.end,
        inPerson: booking.inPerson,
        chair: booking.chair,
        ...(clerk !== undefined ? { clerk } : {}),
        ...(room !== undefined ? { room: { ...room, reply: "none" as const, checks: 0 } } : {}),
        transactionId: m.transactionId ?? m.id,
        ...(booking.outOfTimescale !== undefined ? { outOfTimescale: booking.outOfTimescale } : {}),
        ...(booking.bookingCard !== undefined ? { bookingCard: booking.bookingCard } : {}),
        ...(booking.existingEvent !== undefined
          ? {
              outlookEventId: booking.existingEvent.eventId,
              onlineMeetingId: booking.existingEvent.onlineMeetingId,
              joinWebUrl: booking.existingEvent.joinWebUrl,
              // Its Teams meeting is locked by meeting.create-event.
              linkedEvent: m.linkedEvent ?? { linkedAt: deps.clock().toISOString() },
              milestones: {
                ...m.milestones,
                [MILESTONES.booked]: { at: deps.clock().toISOString(), by: actorOf(actor) },
              },
            }
          : {}),
      };
      delete next.pendingBooking;
      return next;
    },
  );
  const actorId = actorOf(actor);
  await planMeetingTasks(deps, {
    caseId: kase.id,
    meetingId,
    timeline: meetingTimeline(deps.policy, meeting),
    actor: actorId,
    ...optionalFrom(chaseFrom(meeting)),
  });
  await planBrief(deps, kase, meeting);
  await enqueue(deps, { taskType: "meeting.create-event", caseId: kase.id, meetingId });
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: actorId,
      action: "meeting.book",
      target: { type: "meeting", id: meetingId },
      detail: {
        ...(booking.existingEvent !== undefined ? { linkedEvent: true } : {}),
        outOfTimescale: booking.outOfTimescale !== undefined,
        inPerson: booking.inPerson,
        room: meeting.room !== undefined,
      },
    });
  }
  return { meeting, repeated: !changed };
}

const actorOf = (actor: Actor | "system"): string =>
  actor === "system" ? "system" : actor.objectId;

function clerkFrom(deps: WorkflowDeps, objectId: string | undefined): Meeting["clerk"] {
  const member = objectId === undefined ? undefined : staffById(deps.authority, objectId);
  return member === undefined ? undefined : asPersonRef(member);
}

export type { Task };
