import { type Logger } from "../../ports/logger";
import { createHash, randomUUID } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import { z } from "zod";
import {
  CalendarError,
  lobbySettingsFor,
  type BusySlot,
  type ConferenceRef,
  type LobbySettings,
  type MeetingPeople,
  type CalendarPort,
  type ConferenceDraft,
  type CreatedConference,
  type Email,
  type EmailResult,
  type ExistingEvent,
  type Mailbox,
} from "../../ports/calendar";
import type { AttendeeReply, RepliesPort, Subscription } from "../../ports/replies";
import { calendarError } from "../errors";
import { checkDraft, checkEmails, checkRange } from "../input";
import { clampSubscriptionExpiry } from "../translate/replies";
import { coOrganizersOf, eventPeople } from "../translate/participants";
import { buildEml } from "./eml";
import { idToken, safeIdForFileName } from "./file-names";
import { buildIcs, type OutboxMeeting } from "./ics";

export interface OutboxOptions {
  /** ./outbox/ by default (app/config.ts). */
  dir: string;
  clock: () => Date;
  logger: Logger;
}

/**
 * The local default when no Graph credentials are configured (the Outlook and Teams meeting adapter,
 * step 4): the same CalendarPort, written as files a clerk can open in
 * Outlook.
 *
 *   meetings/<meetingId>.json                 what the outbox knows of the meeting
 *   meetings/<meetingId>.<sequence>.request.ics   each invitation or update
 *   meetings/<meetingId>.<sequence>.cancel.ics    the cancellation
 *   mail/<emailId>.eml                        each email, written once
 *
 * Names are ids only. Like Graph: a create with the same transactionId
 * returns the meeting it made; an email id already written is not written
 * again (so a retried send is still one email); the meeting comes back
 * locked with REQUIRED_LOBBY_SETTINGS and a join link that is well formed
 * but reaches nobody (a `.invalid` host, RFC 2606).
 *
 * Replies: nobody answers a file, so every attendee of a meeting the outbox
 * wrote has replied "none"; change notifications never come, and a
 * subscription is a local record of the request.
 */
export class OutboxCalendar implements CalendarPort, RepliesPort {
  constructor(private readonly options: OutboxOptions) {}

  async createConference(draft: ConferenceDraft): Promise<CreatedConference> {
    checkDraft(draft);
    const existing = await this.readMeeting(draft.meetingId);
    if (existing !== undefined) {
      if (existing.transactionId !== draft.transactionId) {
        throw calendarError(
          "rejected",
          "InvalidInput",
          `conference ${draft.meetingId} already exists with another transactionId`,
        );
      }
      return this.created(existing);
    }
    const meeting: OutboxMeeting = {
      meetingId: draft.meetingId,
      transactionId: draft.transactionId,
      organizer: draft.organizer,
      subject: draft.subject,
      bodyText: draft.bodyText,
      start: draft.start,
      end: draft.end,
      ...(draft.location !== undefined ? { location: draft.location } : {}),
      // The same people Graph's event gets: the chair and the clerk on it, co-organisers of its meeting.
      attendees: eventPeople(draft),
      coOrganizers: coOrganizersOf(draft.roles),
      ...(draft.room !== undefined ? { room: draft.room } : {}),
      recordingAgreed: draft.recordingAgreed === true,
      joinWebUrl: fakeJoinUrl(draft.meetingId),
      sequence: 0,
      cancelled: false,
    };
    // The .ics first, the state last: a crash in between leaves no state,
    // and the retry writes the same .ics again (same name, same content).
    await this.writeIcs(meeting, "REQUEST");
    await this.writeMeeting(meeting);
    this.options.logger.info(
      { op: "outbox.conference.create", meetingId: meeting.meetingId },
      "outbox meeting written",
    );
    return this.created(meeting);
  }

  async setAttendees(
    _organizer: Mailbox,
    ref: ConferenceRef,
    people: MeetingPeople,
  ): Promise<string[]> {
    const meeting = await this.meetingOf(ref.eventId);
    const next = withPeople(meeting, people);
    await this.update(next);
    return next.coOrganizers ?? [];
  }

  /**
   * Recorded in the meeting's file (there is no Teams meeting to lock): the
   * chair and the clerk as co-organisers, recording as agreed. The event's
   * attendees are not touched, so no invitation file is written.
   */
  async lockConference(
    _organizer: Mailbox,
    ref: ConferenceRef,
    people: MeetingPeople,
    recordingAgreed: boolean,
  ): Promise<string[]> {
    const meeting = await this.meetingOf(ref.eventId);
    if (meeting.cancelled) {
      throw new CalendarError("gone", `conference ${meeting.meetingId} was cancelled`);
    }
    const coOrganizers = coOrganizersOf(people.roles);
    await this.writeMeeting({ ...meeting, recordingAgreed, coOrganizers });
    return coOrganizers;
  }

  /** Recorded in the meeting's file: there is no Teams meeting to record. */
  async setRecording(
    _organizer: Mailbox,
    ref: ConferenceRef,
    agreed: boolean,
  ): Promise<LobbySettings> {
    const meeting = await this.meetingOf(ref.eventId);
    if (meeting.cancelled) {
      throw new CalendarError("gone", `conference ${meeting.meetingId} was cancelled`);
    }
    await this.writeMeeting({ ...meeting, recordingAgreed: agreed });
    return lobbySettingsFor(agreed);
  }

  async sendEmails(from: Mailbox, emails: Email[]): Promise<EmailResult[]> {
    checkEmails(emails);
    const dir = path.join(this.options.dir, "mail");
    await ownerOnlyDir(dir);
    const results: EmailResult[] = [];
    for (const email of emails) {
      const file = path.join(dir, `${safeIdForFileName(email.id)}.eml`);
      const written = await writeOnce(file, await buildEml(from, email, this.options.clock()));
      this.options.logger.info(
        { op: "outbox.mail", emailId: email.id, alreadyWritten: !written },
        "outbox email",
      );
      results.push({ id: email.id, outcome: "done", httpStatus: 202 });
    }
    return results;
  }

  async reschedule(
    _organizer: Mailbox,
    ref: ConferenceRef,
    start: Date,
    end: Date,
    people: MeetingPeople,
  ): Promise<string[]> {
    if (!(end.getTime() > start.getTime())) {
      throw calendarError("rejected", "InvalidInput", "reschedule: end must be after start");
    }
    const meeting = await this.meetingOf(ref.eventId);
    const next = withPeople({ ...meeting, start, end }, people);
    await this.update(next);
    return next.coOrganizers ?? [];
  }

  /** An event the outbox wrote (it has no Outlook to read); a cancelled one is gone. */
  async getEvent(_organizer: Mailbox, eventId: string): Promise<ExistingEvent | undefined> {
    const meetingId = eventId.startsWith(EVENT_PREFIX) ? eventId.slice(EVENT_PREFIX.length) : "";
    const meeting = meetingId === "" ? undefined : await this.readMeeting(meetingId);
    if (meeting === undefined || meeting.cancelled) return undefined;
    const created = this.created(meeting);
    return {
      eventId: created.eventId,
      start: meeting.start,
      end: meeting.end,
      // The room is kept apart from the attendees in the outbox's file.
      attendees: meeting.attendees.map((a) => ({ ...a, type: "required" as const })),
      onlineMeetingId: created.onlineMeetingId,
      joinWebUrl: created.joinWebUrl,
    };
  }

  async cancel(_organizer: Mailbox, eventId: string, comment: string): Promise<void> {
    const meeting = await this.meetingOf(eventId);
    const cancelled = { ...meeting, sequence: meeting.sequence + 1, cancelled: true };
    await this.writeIcs(cancelled, "CANCEL", comment);
    await this.writeMeeting(cancelled);
  }

  async freeBusy(
    _organizer: Mailbox,
    mailboxes: Mailbox[],
    from: Date,
    to: Date,
  ): Promise<Map<Mailbox, BusySlot[]>> {
    checkRange(from, to);
    const out = new Map<Mailbox, BusySlot[]>(mailboxes.map((m) => [m, []]));
    for (const meeting of await this.allMeetings()) {
      if (meeting.cancelled || meeting.end <= from || meeting.start >= to) continue;
      const involved = new Set(
        [meeting.organizer, ...meeting.attendees.map((a) => a.email)].map((e) => e.toLowerCase()),
      );
      for (const mailbox of mailboxes) {
        if (involved.has(mailbox.toLowerCase())) {
          out.get(mailbox)?.push({ start: meeting.start, end: meeting.end, status: "busy" });
        }
      }
    }
    for (const slots of out.values()) slots.sort((a, b) => a.start.getTime() - b.start.getTime());
    return out;
  }

  /**
   * Every attendee of each meeting the outbox wrote, reply "none". An event
   * the outbox never wrote, or cancelled, is absent (as Graph's 404 is).
   */
  async attendeeReplies(
    _organizer: Mailbox,
    eventIds: readonly string[],
  ): Promise<Map<string, AttendeeReply[]>> {
    const out = new Map<string, AttendeeReply[]>();
    for (const eventId of new Set(eventIds)) {
      const meetingId = eventId.startsWith(EVENT_PREFIX) ? eventId.slice(EVENT_PREFIX.length) : "";
      const meeting = meetingId === "" ? undefined : await this.readMeeting(meetingId);
      if (meeting === undefined || meeting.cancelled) continue;
      const seen = new Set<string>();
      const replies: AttendeeReply[] = [];
      for (const attendee of meeting.attendees) {
        const key = attendee.email.toLowerCase();
        if (seen.has(key)) continue;
        seen.add(key);
        replies.push({ email: attendee.email, reply: "none" });
      }
      // Nobody answers for a room either: its booking stays unconfirmed.
      if (meeting.room !== undefined) {
        replies.push({ email: meeting.room.email, reply: "none", resource: true });
      }
      out.set(eventId, replies);
    }
    return out;
  }

  /**
   * A local subscription that nothing will ever notify: its id is derived
   * from the organiser and URL (no address in it), its expiry clamped as
   * Graph would. Never throws: the outbox has no endpoint to refuse.
   */
  subscribeToEvents(
    organizer: Mailbox,
    notificationUrl: string,
    _clientState: string,
    expiresAt: Date,
  ): Promise<Subscription> {
    const now = this.options.clock();
    const digest = createHash("sha256")
      .update(`${organizer.toLowerCase()}\n${notificationUrl}`)
      .digest("hex")
      .slice(0, 32);
    const wanted = Number.isNaN(expiresAt.getTime()) ? now : expiresAt;
    const subscription = {
      id: `outbox-subscription-${digest}`,
      expiresAt: clampSubscriptionExpiry(wanted, now),
    };
    this.options.logger.info(
      { op: "outbox.subscription", subscriptionId: subscription.id },
      "outbox subscription (no notifications will come)",
    );
    return Promise.resolve(subscription);
  }

  private created(meeting: OutboxMeeting): CreatedConference {
    return {
      eventId: eventIdOf(meeting.meetingId),
      onlineMeetingId: `outbox-meeting-${idToken(meeting.meetingId)}`,
      joinWebUrl: meeting.joinWebUrl,
      settings: lobbySettingsFor(meeting.recordingAgreed === true),
      coOrganizers: meeting.coOrganizers ?? [],
    };
  }

  /** A change Outlook must apply: SEQUENCE + 1 and a new REQUEST. */
  private async update(meeting: OutboxMeeting): Promise<void> {
    if (meeting.cancelled) {
      throw new CalendarError("gone", `conference ${meeting.meetingId} was cancelled`);
    }
    const next = { ...meeting, sequence: meeting.sequence + 1 };
    await this.writeIcs(next, "REQUEST");
    await this.writeMeeting(next);
  }

  private async meetingOf(eventId: string): Promise<OutboxMeeting> {
    const meetingId = eventId.startsWith(EVENT_PREFIX) ? eventId.slice(EVENT_PREFIX.length) : "";
    const meeting = meetingId === "" ? undefined : await this.readMeeting(meetingId);
    if (meeting === undefined) {
      throw new CalendarError("gone", "no such outbox event");
    }
    return meeting;
  }

  private meetingsDir(): string {
    return path.join(this.options.dir, "meetings");
  }

  private async writeIcs(
    meeting: OutboxMeeting,
    method: "REQUEST" | "CANCEL",
    comment?: string,
  ): Promise<void> {
    await ownerOnlyDir(this.meetingsDir());
    const name = `${safeIdForFileName(meeting.meetingId)}.${meeting.sequence}.${method.toLowerCase()}.ics`;
    await writeAtomically(
      path.join(this.meetingsDir(), name),
      buildIcs(meeting, method, this.options.clock(), comment),
    );
  }

  private async writeMeeting(meeting: OutboxMeeting): Promise<void> {
    await ownerOnlyDir(this.meetingsDir());
    await writeAtomically(
      path.join(this.meetingsDir(), `${safeIdForFileName(meeting.meetingId)}.json`),
      JSON.stringify(meeting, null, 2),
    );
  }

  private async readMeeting(meetingId: string): Promise<OutboxMeeting | undefined> {
    const file = path.join(this.meetingsDir(), `${safeIdForFileName(meetingId)}.json`);
    let text: string;
    try {
      text = await fs.readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
    return StoredMeeting.parse(JSON.parse(text));
  }

  private async allMeetings(): Promise<OutboxMeeting[]> {
    let names: string[];
    try {
      names = await fs.readdir(this.meetingsDir());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    const out: OutboxMeeting[] = [];
    for (const name of names.filter((n) => n.endsWith(".json"))) {
      const text = await fs.readFile(path.join(this.meetingsDir(), name), "utf8");
      out.push(StoredMeeting.parse(JSON.parse(text)));
    }
    return out;
  }
}

const EVENT_PREFIX = "outbox-event:";

/** The people of a meeting as Graph's would be after setAttendees: the room kept or replaced. */
function withPeople(meeting: OutboxMeeting, people: MeetingPeople): OutboxMeeting {
  const next: OutboxMeeting = {
    ...meeting,
    attendees: eventPeople(people),
    coOrganizers: coOrganizersOf(people.roles),
  };
  if (people.room !== undefined) next.room = people.room;
  else delete next.room;
  return next;
}

function eventIdOf(meetingId: string): string {
  return `${EVENT_PREFIX}${meetingId}`;
}

/** Teams' join-link shape on a host that can never resolve (RFC 2606 `.invalid`). */
function fakeJoinUrl(meetingId: string): string {
  return `https://teams.invalid/l/meetup-join/19%3ameeting_${idToken(meetingId)}%40thread.v2/0`;
}

/** zod at the edge: the state file is read back from disk. */
const StoredMeeting = z.object({
  meetingId: z.string().min(1),
  transactionId: z.string().min(1),
  organizer: z.string().min(1),
  subject: z.string(),
  bodyText: z.string(),
  start: z.coerce.date(),
  end: z.coerce.date(),
  location: z.string().optional(),
  attendees: z.array(z.object({ email: z.string(), name: z.string() })),
  coOrganizers: z.array(z.string()).optional(),
  room: z.object({ email: z.string(), name: z.string() }).optional(),
  recordingAgreed: z.boolean().optional(),
  joinWebUrl: z.string(),
  sequence: z.number().int().min(0),
  cancelled: z.boolean(),
});

/**
 * Owner-only, whatever the umask: the files hold families' names and
 * addresses and the join links. `mode` on create is masked by the umask, so
 * the bits are set again explicitly.
 */
const FILE_MODE = 0o600;
const DIR_MODE = 0o700;

async function ownerOnlyDir(dir: string): Promise<void> {
  await fs.mkdir(dir, { recursive: true, mode: DIR_MODE });
  await fs.chmod(dir, DIR_MODE);
  // The outbox root too (mkdir -p leaves a parent it made with the umask's bits).
  await fs.chmod(path.dirname(dir), DIR_MODE).catch(() => undefined);
}

async function writeOwnerOnly(file: string, data: string | Buffer): Promise<void> {
  await fs.writeFile(file, data, { mode: FILE_MODE });
  await fs.chmod(file, FILE_MODE);
}

async function writeAtomically(file: string, data: string | Buffer): Promise<void> {
  const tmp = `${file}.${randomUUID()}.tmp`;
  await writeOwnerOnly(tmp, data);
  await fs.rename(tmp, file);
}

/**
 * Exactly once: written to a temporary file, then hard-linked to its final
 * name, which fails if the name exists. A crash leaves either no .eml or a
 * complete one, never half a message. Resolves false if it already existed.
 */
async function writeOnce(file: string, data: Buffer): Promise<boolean> {
  const tmp = `${file}.${randomUUID()}.tmp`;
  await writeOwnerOnly(tmp, data);
  try {
    await fs.link(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await fs.unlink(tmp);
  }
}
