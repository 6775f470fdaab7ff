import { createHash, randomUUID } from "node:crypto";
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

export interface SentMail {
  id: string;
  /** The sending mailbox. */
  mailbox: string;
  /** Convene's id, from the named extended property, if the message carried one. */
  conveneId?: string;
  message: unknown;
  to: string[];
  cc: string[];
  /** saveToSentItems: false: sent, but not findable in Sent Items. */
  notSaved?: true;
}

export interface BusyFixture {
  mailbox: string;
  start: Date;
  end: Date;
  status: string;
}

/** Everything the local Graph remembers; tests read it directly. */
export class GraphState {
  readonly events = new Map<string, StoredEvent>();
  readonly meetings = new Map<string, StoredMeeting>();
  readonly sentMail: SentMail[] = [];
  readonly busy: BusyFixture[] = [];
  /** Mailboxes getSchedule reports as not found. */
  readonly unknownMailboxes = new Set<string>();

  reset(): void {
    this.events.clear();
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
