import { createHash, randomUUID } from "node:crypto";
import type * as MG from "@microsoft/microsoft-graph-types";
import type { z } from "zod";
import { dayFromYmd, londonInstant } from "../../rules";
import { Directory } from "./directory";
import { lobbyAdmitters, type LobbyAdmitters, type Participant } from "./meeting-roles";
import { Rooms } from "./rooms";
import type { DateTimeTimeZone, EventCreate } from "./schemas";
import { TeamsApps } from "./teams-apps";

/** The onlineMeeting settings the local Graph keeps, with a Teams tenant's defaults. */
export interface MeetingSettings {
  lobbyBypassSettings: { scope: string; isDialInBypassEnabled: boolean };
  allowedLobbyAdmitters: string;
  allowMeetingChat: string;
  allowRecording: boolean;
  allowTranscription: boolean;
  allowedPresenters: string;
  isEntryExitAnnounced: boolean;
  /**
   * Whether Teams records the meeting as it starts (onlineMeeting,
   * "Indicates whether to record the meeting automatically"; false unless set:
   * https://learn.microsoft.com/en-us/graph/api/resources/onlinemeeting).
   */
  recordAutomatically: boolean;
}

/** What a new Teams meeting gets before Convene locks it: guests in, chat on, recording allowed. */
export function defaultSettings(): MeetingSettings {
  return {
    lobbyBypassSettings: { scope: "organization", isDialInBypassEnabled: false },
    allowedLobbyAdmitters: "organizerAndCoOrganizersAndPresenters",
    allowMeetingChat: "enabled",
    allowRecording: true,
    allowTranscription: true,
    allowedPresenters: "everyone",
    isEntryExitAnnounced: false,
    recordAutomatically: false,
  };
}

export interface StoredEvent {
  id: string;
  mailbox: string;
  transactionId?: string;
  payload: z.infer<typeof EventCreate>;
  start: Date;
  end: Date;
  onlineMeetingId?: string;
  joinUrl?: string;
  conferenceId?: string;
  /** Times the event changed after creation (Graph bumps the iCalendar SEQUENCE likewise). */
  changes: number;
  /**
   * Attendees' replies by lower-cased address (respond()); an attendee
   * without one shows `none`. Kept across PATCHes of the attendee list, as
   * Outlook keeps the tracking of someone still invited.
   */
  replies: Map<string, AttendeeStatus>;
  patches: unknown[];
  cancelled: boolean;
  cancelComment?: string;
}

export interface StoredMeeting {
  id: string;
  mailbox: string;
  eventId: string;
  joinWebUrl: string;
  subject: string;
  settings: MeetingSettings;
  audioConferencing: { tollNumber: string; conferenceId: string };
  patchCount: number;
  /** participants.attendees: the event's people (rooms left out), with their roles. */
  participants: Participant[];
}

export interface SentAttachment {
  name: string;
  contentType?: string;
  content: Buffer;
}

export interface SentMail {
  id: string;
  /** The sending mailbox. */
  mailbox: string;
  /** Convene's id, from the named extended property, if the message carried one. */
  conveneId?: string;
  message: unknown;
  to: string[];
  cc: string[];
  /** The message's fileAttachments, decoded, so tests can read what was sent. */
  attachments: SentAttachment[];
  /** saveToSentItems: false: sent, but not findable in Sent Items. */
  notSaved?: true;
}

/** An attendee's `status` (Graph's responseStatus) as the organiser's copy shows it. */
export interface AttendeeStatus {
  response: MG.ResponseType;
  time: Date;
}

/** What a professional can do with an invitation in Outlook (or "none": take it back, for tests). */
export type AttendeeResponse = Extract<
  MG.ResponseType,
  "accepted" | "declined" | "tentativelyAccepted" | "none"
>;

/** A subscription made with POST /subscriptions. */
export interface StoredSubscription {
  id: string;
  /** The mailbox whose events it watches, lower-cased. */
  mailbox: string;
  resource: string;
  changeTypes: string[];
  notificationUrl: string;
  clientState: string;
  expiresAt: Date;
  lifecycleNotificationUrl?: string;
}

/** One change notification, as Graph posts it (changeNotification). */
export interface ChangeNotification {
  id: string;
  subscriptionId: string;
  subscriptionExpirationDateTime: string;
  clientState: string;
  changeType: "created" | "updated" | "deleted";
  resource: string;
  tenantId: string;
  resourceData: {
    "@odata.type": "#Microsoft.Graph.Event";
    "@odata.id": string;
    "@odata.etag": string;
    id: string;
  };
}

/** A POST Graph would have made to a subscriber's notificationUrl (nothing is sent). */
export interface NotificationDelivery {
  notificationUrl: string;
  body: { value: ChangeNotification[] };
}

/** Graph's time for "no reply yet". */
export const NO_REPLY_TIME = new Date("0001-01-01T00:00:00Z");

export interface BusyFixture {
  mailbox: string;
  start: Date;
  end: Date;
  status: string;
}

/** Everything the local Graph remembers; tests read it directly. */
export class GraphState {
  readonly events = new Map<string, StoredEvent>();
  readonly subscriptions = new Map<string, StoredSubscription>();
  /** Every change notification Graph would have posted, oldest first. */
  readonly notifications: NotificationDelivery[] = [];
  readonly meetings = new Map<string, StoredMeeting>();
  readonly sentMail: SentMail[] = [];
  readonly busy: BusyFixture[] = [];
  /** Mailboxes getSchedule reports as not found. */
  readonly unknownMailboxes = new Set<string>();
  /** Users and security groups (Entra ID). */
  readonly directory = new Directory();
  /** The Teams app catalog, app permission policies and personal-scope installations. */
  readonly teamsApps = new TeamsApps();
  /** Room mailboxes and the meeting requests they have still to answer. */
  readonly rooms = new Rooms();
  /**
   * The Teams application access policy: the organisers whose online
   * meetings the app may read and change ("global": granted tenant-wide).
   * https://learn.microsoft.com/en-us/graph/cloud-communication-online-meeting-application-access-policy
   */
  meetingAccessPolicy: "global" | Set<string> = "global";
  /** Domains of the tenant (allowedPresenters "organization"); the organiser's domain is always one. */
  readonly tenantDomains = new Set<string>(["council.example"]);

  constructor(
    /** The local Graph's clock: reply times, subscription expiry. */
    readonly now: () => Date = () => new Date(),
    readonly tenantId = "local-tenant",
    /** The app's client id (its bot's id in Teams). */
    readonly applicationId = "local-app",
  ) {}

  reset(): void {
    this.events.clear();
    this.subscriptions.clear();
    this.notifications.length = 0;
    this.meetings.clear();
    this.sentMail.length = 0;
    this.busy.length = 0;
    this.unknownMailboxes.clear();
    this.directory.clear();
    this.teamsApps.clear();
    this.rooms.clear();
    this.meetingAccessPolicy = "global";
  }

  eventByTransactionId(mailbox: string, transactionId: string): StoredEvent | undefined {
    for (const event of this.events.values()) {
      if (event.mailbox === mailbox && event.transactionId === transactionId) return event;
    }
    return undefined;
  }

  /** Creates the event and, for a Teams meeting, its onlineMeeting with tenant defaults. */
  createEvent(mailbox: string, payload: z.infer<typeof EventCreate>): StoredEvent {
    const id = `AAMkAG${randomUUID().replace(/-/g, "")}`;
    const event: StoredEvent = {
      id,
      mailbox,
      ...(payload.transactionId !== undefined ? { transactionId: payload.transactionId } : {}),
      payload,
      start: toInstant(payload.start),
      end: toInstant(payload.end),
      changes: 0,
      replies: new Map(),
      patches: [],
      cancelled: false,
    };
    if (payload.isOnlineMeeting === true && payload.onlineMeetingProvider === "teamsForBusiness") {
      const token = createHash("sha256").update(id).digest("hex").slice(0, 32);
      const meetingId = `MSo${token}`;
      const conferenceId = String(parseInt(token.slice(0, 8), 16) % 1_000_000_000).padStart(9, "0");
      const joinWebUrl = `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${token}%40thread.v2/0?context=%7b%22Tid%22%3a%22local%22%7d`;
      this.meetings.set(meetingId, {
        id: meetingId,
        mailbox,
        eventId: id,
        joinWebUrl,
        subject: payload.subject,
        settings: defaultSettings(),
        // Ofcom's range for drama (020 7946 0xxx): never a real line.
        audioConferencing: { tollNumber: "+44 20 7946 0000", conferenceId },
        patchCount: 0,
        participants: this.participantsOf(payload.attendees ?? []),
      });
      event.onlineMeetingId = meetingId;
      event.joinUrl = joinWebUrl;
      event.conferenceId = conferenceId;
    }
    this.events.set(id, event);
    this.requestRooms(event);
    return event;
  }

  /**
   * The Teams meeting's participants as they follow the Outlook event: each
   * attendee that is a person (type resource and room mailboxes left out),
   * as an attendee.
   */
  private participantsOf(attendees: NonNullable<z.infer<typeof EventCreate>["attendees"]>) {
    const out: Participant[] = [];
    for (const a of attendees) {
      const upn = a.emailAddress.address.toLowerCase();
      if (a.type === "resource" || this.rooms.isRoom(upn)) continue;
      if (out.some((p) => p.upn === upn)) continue;
      out.push({ upn, role: "attendee" });
    }
    return out;
  }

  /**
   * After a PATCH of the event. When its attendee list changed, Teams
   * takes the meeting's participants from the event again. What happens to
   * roles given through the onlineMeeting then is not documented by
   * Microsoft; strictest reading: every participant goes back to attendee
   * (co-organisers and presenters must be set again after each change of
   * attendees). A change of attendees or time sends the rooms a new request.
   */
  eventChanged(event: StoredEvent, changed: { attendees: boolean; time: boolean }): void {
    const meeting =
      event.onlineMeetingId === undefined ? undefined : this.meetings.get(event.onlineMeetingId);
    if (meeting !== undefined && changed.attendees) {
      meeting.participants = this.participantsOf(event.payload.attendees ?? []);
    }
    if (changed.attendees || changed.time) {
      for (const a of event.payload.attendees ?? []) {
        const room = a.emailAddress.address.toLowerCase();
        if (this.rooms.isRoom(room) && changed.time) event.replies.delete(room);
      }
      this.requestRooms(event);
    }
  }

  /** Each room on the invitation that has not answered gets the request. */
  private requestRooms(event: StoredEvent): void {
    for (const a of event.payload.attendees ?? []) {
      const room = a.emailAddress.address.toLowerCase();
      if (this.rooms.isRoom(room) && !event.replies.has(room)) this.rooms.request(event.id, room);
    }
  }

  /**
   * Every room answers its pending requests, oldest first, by the booking
   * assistant's rule: accept when the room is free for the whole meeting
   * (no meeting it accepted, no busy time, overlaps), decline when busy.
   */
  settleRooms(): NotificationDelivery[] {
    const out: NotificationDelivery[] = [];
    while (this.rooms.pending.length > 0) {
      const request = this.rooms.pending.shift() as { eventId: string; room: string };
      const event = this.events.get(request.eventId);
      if (event === undefined || event.cancelled) continue;
      const stillInvited = (event.payload.attendees ?? []).some(
        (a) => a.emailAddress.address.toLowerCase() === request.room,
      );
      if (!stillInvited || event.replies.has(request.room)) continue;
      const busy = this.roomBusy(request.room, event.start, event.end, event.id);
      out.push(...this.respond(event.id, request.room, busy ? "declined" : "accepted"));
    }
    return out;
  }

  /** Whether the room has a meeting it accepted, or busy time, overlapping [start, end). */
  roomBusy(room: string, start: Date, end: Date, except?: string): boolean {
    const key = room.toLowerCase();
    for (const other of this.events.values()) {
      if (other.id === except || other.cancelled) continue;
      if (other.end <= start || other.start >= end) continue;
      if (other.replies.get(key)?.response === "accepted") return true;
    }
    return this.busy.some((b) => b.mailbox.toLowerCase() === key && b.end > start && b.start < end);
  }

  /** Who may admit people from the lobby of this meeting now (for assertions). */
  lobbyAdmittersOf(meetingId: string): LobbyAdmitters {
    const meeting = this.meetings.get(meetingId);
    if (meeting === undefined) throw new Error(`local Graph: no online meeting ${meetingId}`);
    const organizerDomain = meeting.mailbox.split("@")[1] ?? "";
    return lobbyAdmitters(
      meeting.mailbox,
      meeting.participants,
      meeting.settings.allowedLobbyAdmitters,
      meeting.settings.allowedPresenters,
      (upn) => {
        const domain = upn.split("@")[1] ?? "";
        return domain === organizerDomain || this.tenantDomains.has(domain);
      },
    );
  }

  /**
   * Test helper: `email` answers the invitation to `eventId` in Outlook
   * (accepted, declined, tentativelyAccepted; "none" takes it back). The
   * organiser's copy of the event changes, so every live subscription to
   * "updated" on the organiser's events gets a change notification, kept
   * in `notifications` and returned (nothing is posted anywhere).
   * Throws if the event does not exist or `email` is not one of its attendees.
   */
  respond(
    eventId: string,
    email: string,
    response: AttendeeResponse,
    at: Date = this.now(),
  ): NotificationDelivery[] {
    const event = this.events.get(eventId);
    if (event === undefined || event.cancelled) {
      throw new Error(`local Graph: no event ${eventId} to respond to`);
    }
    const who = email.toLowerCase();
    const invited = (event.payload.attendees ?? []).some(
      (a) => a.emailAddress.address.toLowerCase() === who,
    );
    if (!invited) throw new Error(`local Graph: ${email} is not an attendee of ${eventId}`);
    if (response === "none") {
      event.replies.delete(who);
    } else {
      event.replies.set(who, { response, time: at });
    }
    return this.notify(event, "updated");
  }

  /** The status an attendee of `event` shows to the organiser. */
  statusOf(event: StoredEvent, email: string): AttendeeStatus {
    return event.replies.get(email.toLowerCase()) ?? { response: "none", time: NO_REPLY_TIME };
  }

  private notify(
    event: StoredEvent,
    changeType: ChangeNotification["changeType"],
  ): NotificationDelivery[] {
    const now = this.now();
    const deliveries: NotificationDelivery[] = [];
    for (const sub of this.subscriptions.values()) {
      if (sub.mailbox !== event.mailbox || sub.expiresAt.getTime() <= now.getTime()) continue;
      if (!sub.changeTypes.includes(changeType)) continue;
      const odataId = `Users/${event.mailbox}/Events/${event.id}`;
      deliveries.push({
        notificationUrl: sub.notificationUrl,
        body: {
          value: [
            {
              id: randomUUID(),
              subscriptionId: sub.id,
              subscriptionExpirationDateTime: sub.expiresAt.toISOString(),
              clientState: sub.clientState,
              changeType,
              resource: odataId,
              tenantId: this.tenantId,
              resourceData: {
                "@odata.type": "#Microsoft.Graph.Event",
                "@odata.id": odataId,
                "@odata.etag": `W/"${createHash("sha256").update(`${event.id}:${randomUUID()}`).digest("base64").slice(0, 24)}"`,
                id: event.id,
              },
            },
          ],
        },
      });
    }
    this.notifications.push(...deliveries);
    return deliveries;
  }

  /** Meetings whose every setting is the one Convene requires (for counting "locked"). */
  lockedMeetings(required: (s: MeetingSettings) => boolean): StoredMeeting[] {
    return [...this.meetings.values()].filter((m) => required(m.settings));
  }
}

/** A Graph dateTimeTimeZone as an instant; UTC, or UK local time in either zone name. */
export function toInstant(value: z.infer<typeof DateTimeTimeZone>): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})/.exec(value.dateTime);
  if (m === null) throw new Error("bad dateTime");
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (value.timeZone === "UTC") return new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return new Date(londonInstant(dayFromYmd(y, mo, d), h * 60 + mi) + s * 1000);
}

/** Graph's own format: seven fractional digits, no offset, in the zone asked for (UTC here). */
export function toGraphUtc(at: Date): { dateTime: string; timeZone: "UTC" } {
  return { dateTime: `${at.toISOString().slice(0, 19)}.0000000`, timeZone: "UTC" };
}
