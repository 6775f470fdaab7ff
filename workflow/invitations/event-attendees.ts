import type { Case, InviteList, Meeting } from "../../model";
import type { Attendee, ConferenceRef, MeetingPeople } from "../../ports";
import { uniqueBy } from "../kernel/distinct";
import { TransientError } from "../kernel/errors";

/**
 * Who the Outlook event invites: the chair, the SW and the professionals on
 * the invite list, each address once. The family never: they are invited
 * by individual email (Leicestershire). Used when invitations go and when a covering
 * chair replaces a sick one (West Sussex).
 */
export function eventAttendees(
  kase: Case,
  meeting: Meeting,
  list: InviteList | undefined,
): Attendee[] {
  const professionals: Attendee[] = (list?.invitees ?? [])
    .filter((i) => i.relation === "professional" && i.email !== undefined)
    .map((i) => ({ email: i.email as string, name: i.name }));
  const staff: Attendee[] = [
    ...(meeting.chair ? [{ email: meeting.chair.email, name: meeting.chair.name }] : []),
    ...(meeting.clerk ? [{ email: meeting.clerk.email, name: meeting.clerk.name }] : []),
    { email: kase.socialWorker.email, name: kase.socialWorker.name },
  ];
  return uniqueBy([...staff, ...professionals], (a) => a.email.toLowerCase());
}

/**
 * Everything the calendar needs to set a meeting's people: the attendees,
 * the chair and the clerk as the Teams meeting's co-organisers (whoever
 * chairs now: after sick cover, the covering chair), and the room booked
 * for a meeting in person or hybrid (kept on every change, since a PATCH of
 * the event's attendees replaces the list).
 */
export function meetingPeople(
  kase: Case,
  meeting: Meeting,
  list: InviteList | undefined,
): MeetingPeople {
  return {
    attendees: eventAttendees(kase, meeting, list),
    roles: {
      ...(meeting.chair ? { chair: { email: meeting.chair.email, name: meeting.chair.name } } : {}),
      ...(meeting.clerk ? { clerk: { email: meeting.clerk.email, name: meeting.clerk.name } } : {}),
    },
    ...(meeting.inPerson && meeting.room !== undefined && meeting.room.reply !== "declined"
      ? { room: { email: meeting.room.email, name: meeting.room.name } }
      : {}),
  };
}

/** The Outlook event and its Teams meeting; retried until the event exists. */
export function conferenceRef(meeting: Meeting): ConferenceRef {
  if (meeting.outlookEventId === undefined || meeting.onlineMeetingId === undefined) {
    throw new TransientError("WaitingForEvent", "the Outlook event is not created yet");
  }
  return { eventId: meeting.outlookEventId, onlineMeetingId: meeting.onlineMeetingId };
}
