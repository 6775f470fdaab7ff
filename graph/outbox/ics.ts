import { TZDate } from "@date-fns/tz";
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalAttendeeType,
  ICalCalendarMethod,
  ICalEventStatus,
} from "ical-generator";
import type { Attendee } from "../../ports/calendar";
import { LONDON_VTIMEZONE } from "./london-vtimezone";

/** What the outbox keeps of a meeting, and writes into each .ics. */
export interface OutboxMeeting {
  meetingId: string;
  transactionId: string;
  organizer: string;
  subject: string;
  bodyText: string;
  start: Date;
  end: Date;
  location?: string;
  attendees: Attendee[];
  /** The chair and the clerk: the Teams meeting's co-organisers (lower-cased addresses). */
  coOrganizers?: string[];
  /** The room booked, a resource attendee (CUTYPE=ROOM). */
  room?: Attendee;
  /** The chair agreed recording for this meeting: Teams would record it from the start. */
  recordingAgreed?: boolean;
  joinWebUrl: string;
  /** RFC 5545 SEQUENCE: 0 at creation, +1 for every change Outlook must apply. */
  sequence: number;
  cancelled: boolean;
}

/**
 * The text Teams appends to an Outlook invitation's body, so the .ics reads
 * as Graph's event would. The lobby sentence is Leicestershire's: everybody waits until
 * the chair admits them.
 */
export function joinBlock(joinWebUrl: string): string {
  return [
    "________________________________________________________________________________",
    "Microsoft Teams meeting",
    `Join: ${joinWebUrl}`,
    "You will wait in the lobby until the chair lets you in.",
    "________________________________________________________________________________",
  ].join("\n");
}

/**
 * An iTIP message Outlook opens as a meeting request (METHOD:REQUEST) or a
 * cancellation (METHOD:CANCEL), in Europe/London wall time.
 */
export function buildIcs(
  meeting: OutboxMeeting,
  method: "REQUEST" | "CANCEL",
  stamp: Date,
  comment?: string,
): string {
  const calendar = ical({
    prodId: { company: "Convene", product: "Convene", language: "EN" },
    method: method === "REQUEST" ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL,
    timezone: { name: "Europe/London", generator: () => LONDON_VTIMEZONE },
  });
  const description =
    method === "CANCEL"
      ? (comment ?? "")
      : `${meeting.bodyText}\n\n${joinBlock(meeting.joinWebUrl)}`;
  calendar.createEvent({
    // The UID ties every REQUEST and CANCEL of one meeting together: an id, no name.
    id: `${meeting.meetingId}@convene.local`,
    sequence: meeting.sequence,
    stamp,
    // ical-generator formats a plain Date with the process's own zone when a
    // TZID is set; a TZDate carries Europe/London itself, whatever the host's TZ.
    start: new TZDate(meeting.start.getTime(), "Europe/London"),
    end: new TZDate(meeting.end.getTime(), "Europe/London"),
    timezone: "Europe/London",
    summary: meeting.subject,
    description,
    ...(meeting.location !== undefined ? { location: meeting.location } : {}),
    organizer: { name: "Convene", email: meeting.organizer },
    attendees: [
      ...meeting.attendees.map((a) => ({
        email: a.email,
        name: a.name,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: true,
      })),
      // RFC 5545 CUTYPE=ROOM: the room mailbox gets the request as a resource.
      ...(meeting.room !== undefined
        ? [
            {
              email: meeting.room.email,
              name: meeting.room.name,
              role: ICalAttendeeRole.NON,
              type: ICalAttendeeType.ROOM,
              status: ICalAttendeeStatus.NEEDSACTION,
              rsvp: true,
            },
          ]
        : []),
    ],
    status: method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    url: meeting.joinWebUrl,
    x: [{ key: "X-MICROSOFT-SKYPETEAMSMEETINGURL", value: meeting.joinWebUrl }],
  });
  return calendar.toString();
}
