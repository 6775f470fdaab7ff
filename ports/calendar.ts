/**
 * The calendar-and-mail port (the Outlook and Teams meeting adapter). workflow/ talks to Outlook only
 * through this interface; graph/ implements it with Microsoft Graph and
 * graph/outbox/ with .ics and .eml files under ./outbox/ when no Graph
 * credentials are configured. No Graph SDK type crosses it (docs/architecture.md, ports and adapters).
 *
 * Every operation either resolves or rejects with a CalendarError whose
 * `outcome` says what the scheduler should do next: `throttled` and
 * `failed` (5xx, network) are retried later, `gone` (404/410: the event or
 * mailbox no longer exists) and `rejected` (400/403: Convene sent something
 * wrong or lacks a permission) are not.
 */

/** A mailbox Convene writes to or as: an email address (UPN). */
export type Mailbox = string;

export interface Attendee {
  email: string;
  /** Display only; Outlook shows it. Staff names, never a child's. */
  name: string;
}

/** The settings docs/architecture.md requires on every conference's Teams meeting. */
export interface LobbySettings {
  lobbyScope: string;
  isDialInBypassEnabled: boolean;
  allowedLobbyAdmitters: string;
  allowMeetingChat: string;
  allowRecording: boolean;
  allowTranscription: boolean;
  allowedPresenters: string;
  isEntryExitAnnounced: boolean;
  /** Teams starts recording when the meeting starts (onlineMeeting.recordAutomatically). */
  recordAutomatically: boolean;
}

export const REQUIRED_LOBBY_SETTINGS: LobbySettings = {
  // Only people of the organisation skip the lobby; guests and the family wait
  // for the chair to admit them (Leicestershire). "organization" would let guests in.
  lobbyScope: "organizationExcludingGuests",
  isDialInBypassEnabled: false,
  allowedLobbyAdmitters: "organizerAndCoOrganizers",
  allowMeetingChat: "disabled",
  allowRecording: false,
  allowTranscription: false,
  allowedPresenters: "organizer",
  isEntryExitAnnounced: true,
  // Recording is off unless the chair agreed it for this one meeting.
  recordAutomatically: false,
};

/**
 * The settings of one meeting: the required lock, with recording on only
 * when the chair agreed it beforehand for this meeting (Leicestershire
 * records a conference no clerk can minute). Nothing else ever changes.
 */
export function lobbySettingsFor(recordingAgreed: boolean): LobbySettings {
  return recordingAgreed
    ? { ...REQUIRED_LOBBY_SETTINGS, allowRecording: true, recordAutomatically: true }
    : { ...REQUIRED_LOBBY_SETTINGS };
}

/**
 * Who runs the meeting in Teams: the chair and the clerk are co-organisers,
 * the only people besides the (unattended) organiser mailbox who may admit
 * from the lobby under `organizerAndCoOrganizers`. Both are also attendees
 * of the Outlook event (Teams takes its participants from the event).
 */
export interface MeetingRoles {
  chair?: Attendee;
  clerk?: Attendee;
}

/** Everyone the event invites, who co-organises, and the room booked (a resource attendee). */
export interface MeetingPeople {
  /** The chair, the SW and the professionals; the family never. */
  attendees: Attendee[];
  roles: MeetingRoles;
  /** A room mailboxes from the authority's `rooms`, for a meeting in person or hybrid. */
  room?: Attendee;
}

/** The Outlook event and its Teams meeting. */
export interface ConferenceRef {
  eventId: string;
  onlineMeetingId: string;
}

export interface ConferenceDraft {
  /** Convene's meeting id; the adapters use it to name files, never a name. */
  meetingId: string;
  /** Graph's idempotency key for POST /events: a retry never makes a second event. */
  transactionId: string;
  organizer: Mailbox;
  /** en-GB, without the child's full name (e.g. "ICPC – case C-1042"). */
  subject: string;
  start: Date;
  end: Date;
  /** Plain text shown in the invitation: what the meeting is, how the lobby works. */
  bodyText: string;
  /** Professionals and the chair only; the family is invited by individual email. */
  attendees: Attendee[];
  /** For a meeting held in person (or hybrid): where (the room's name when a room is booked). */
  location?: string;
  /** The chair and the clerk: made co-organisers of the Teams meeting and read back. */
  roles: MeetingRoles;
  /** The room booked for a meeting in person or hybrid: invited as a resource attendee. */
  room?: Attendee;
  /** The chair agreed recording for this meeting beforehand. */
  recordingAgreed?: boolean;
}

/** An event already in the organiser's calendar, as Outlook holds it. */
export interface ExistingEvent {
  eventId: string;
  /**
   * The people the event already invites (the room, a resource, left out):
   * a linked event's invite list starts from them, so nobody invited by
   * hand in Outlook is dropped when Convene sets the attendees.
   */
  attendees: EventAttendee[];
  start: Date;
  end: Date;
  /** Its Teams meeting, when it has one (Convene runs every conference in one). */
  onlineMeetingId?: string;
  joinWebUrl?: string;
}

/** One of an existing event's attendees, as Outlook holds it. */
export interface EventAttendee extends Attendee {
  /** Outlook's attendee type: required or optional (resources are not listed). */
  type: "required" | "optional";
}

export interface DialIn {
  tollNumber?: string;
  conferenceId?: string;
}

export interface CreatedConference {
  eventId: string;
  onlineMeetingId: string;
  joinWebUrl: string;
  dialIn?: DialIn;
  /** As read back after the PATCH; the adapter has already checked them. */
  settings: LobbySettings;
  /** The co-organisers as read back (lower-cased addresses). */
  coOrganizers: string[];
}

export interface Email {
  /** Deterministic, e.g. `${meetingId}:invite:${inviteeId}`: a retry sends it once. */
  id: string;
  /** Exactly one recipient: family invitations are never copied (Leicestershire). */
  to: Attendee;
  cc?: Attendee[];
  subject: string;
  bodyText: string;
  /**
   * Files sent with the email: a list's CSV for people not in Teams
   * (the councils' other procedures), the CLA consultation documents (Swindon). Small files only
   * (Graph's inline attachment limit is 3 MB per message).
   */
  attachments?: EmailAttachment[];
  /**
   * Convene tried to send this email before and has no result recorded for
   * it (a failed or unknown outcome, or a process that stopped mid-send).
   * The adapter then looks for it among what the sender already sent before
   * sending, so that a retry never gives a family member a second email.
   * Leave it unset on the first attempt: the look-up costs a request.
   */
  attempted?: boolean;
}

export interface EmailAttachment {
  /** A file name with ids only, never a child's name. */
  name: string;
  contentType: string;
  /** The file's bytes (UTF-8 text for a CSV). */
  content: Buffer;
}

export interface BusySlot {
  start: Date;
  end: Date;
  /** free/busy status as Outlook reports it: busy, tentative, oof, workingElsewhere. */
  status: string;
}

/** What happened to one call or one part of a batch. */
export type CallOutcome = "done" | "throttled" | "gone" | "failed" | "rejected";

export interface EmailResult {
  id: string;
  outcome: CallOutcome;
  httpStatus?: number;
}

export interface CalendarPort {
  /** Create the event with its Teams meeting, lock it, read the lock back. */
  createConference(draft: ConferenceDraft): Promise<CreatedConference>;
  /**
   * PATCH the event's attendees only (never the body, which would replace
   * the join link), then make the chair and the clerk co-organisers again
   * and read them back: a change of attendees resets the meeting's roles.
   * Answers the co-organisers read back (lower-cased addresses).
   */
  setAttendees(
    organizer: Mailbox,
    meeting: ConferenceRef,
    people: MeetingPeople,
  ): Promise<string[]>;
  /** One email per recipient, batched; the result of each part. */
  sendEmails(from: Mailbox, emails: Email[]): Promise<EmailResult[]>;
  /**
   * Move the event (start and end), then set its people again (a room
   * chosen anew comes with the move) and read the co-organisers back.
   */
  reschedule(
    organizer: Mailbox,
    meeting: ConferenceRef,
    start: Date,
    end: Date,
    people: MeetingPeople,
  ): Promise<string[]>;
  /**
   * Lock an existing Teams meeting Convene did not create (a linked
   * event): the same settings and co-organisers as createConference, in
   * one PATCH, read back; fails (CalendarError, LobbyNotLocked or
   * CoOrganizersNotSet) unless every one held. `people.attendees` must
   * name everyone the meeting should keep: the participants are replaced
   * whole. Answers the co-organisers read back.
   */
  lockConference(
    organizer: Mailbox,
    meeting: ConferenceRef,
    people: MeetingPeople,
    recordingAgreed: boolean,
  ): Promise<string[]>;
  /** Recording on (agreed by the chair) or off for this meeting only; read back. */
  setRecording(organizer: Mailbox, meeting: ConferenceRef, agreed: boolean): Promise<LobbySettings>;
  /**
   * Read one of the organiser's events (the go-live import links an event
   * booked before Convene instead of creating it again). Undefined when the
   * organiser has no such event (never made, deleted or cancelled).
   */
  getEvent(organizer: Mailbox, eventId: string): Promise<ExistingEvent | undefined>;
  /** Cancel for every attendee with a message. */
  cancel(organizer: Mailbox, eventId: string, comment: string): Promise<void>;
  /** Busy slots of each mailbox in [from, to), for booking (getSchedule). */
  freeBusy(
    organizer: Mailbox,
    mailboxes: Mailbox[],
    from: Date,
    to: Date,
  ): Promise<Map<Mailbox, BusySlot[]>>;
}

export class CalendarError extends Error {
  constructor(
    readonly outcome: Exclude<CallOutcome, "done">,
    message: string,
    readonly httpStatus?: number,
    /** From Retry-After, when Graph gave one. */
    readonly retryAfterMs?: number,
    /**
     * What went wrong when the outcome alone does not say it, e.g.
     * "LobbyNotLocked" (the meeting's settings did not hold after the PATCH);
     * it then names the code.
     */
    readonly reason?: string,
  ) {
    super(message);
    this.name = "CalendarError";
  }
  get code(): string {
    return this.reason === undefined ? `Calendar.${this.outcome}` : `Calendar.${this.reason}`;
  }
}
