import { createHash, randomUUID } from "node:crypto";
import type * as MG from "@microsoft/microsoft-graph-types";
import type { z } from "zod";
import { dayFromYmd, londonInstant } from "../../rules";
import type { DateTimeTimeZone, EventCreate } from "./schemas";

/** The onlineMeeting settings the local Graph keeps, with a Teams tenant's defaults. */
export interface MeetingSettings {
  lobbyBypassSettings: { scope: string; isDialInBypassEnabled: boolean };
  allowedLobbyAdmitters: string;
  allowMeetingChat: string;
  allowRecording: boolean;
  allowTranscription: boolean;
  allowedPresenters: string;
  isEntryExitAnnounced: boolean;
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

  constructor(
    /** The local Graph's clock: reply times, subscription expiry. */
    readonly now: () => Date = () => new Date(),
    readonly tenantId = "local-tenant",
  ) {}

  reset(): void {
    this.events.clear();
    this.subscriptions.clear();
    this.notifications.length = 0;
    this.meetings.clear();
    this.sentMail.length = 0;
    this.busy.length = 0;
    this.unknownMailboxes.clear();
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
      });
      event.onlineMeetingId = meetingId;
      event.joinUrl = joinWebUrl;
      event.conferenceId = conferenceId;
    }
    this.events.set(id, event);
    return event;
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
