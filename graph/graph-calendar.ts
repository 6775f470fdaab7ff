import {
  lobbySettingsFor,
  type BusySlot,
  type ConferenceRef,
  type LobbySettings,
  type MeetingPeople,
  type MeetingRoles,
  type CalendarPort,
  type ConferenceDraft,
  type CreatedConference,
  type DialIn,
  type Email,
  type EmailResult,
  type EventAttendee,
  type ExistingEvent,
  type Mailbox,
  CalendarError,
} from "../ports/calendar";
import type { AttendeeReply, RepliesPort, Subscription } from "../ports/replies";
import { readAttendeeReplies } from "./attendee-replies";
import { calendarError } from "./errors";
import type { Call, GraphCaller } from "./graph-caller";
import { checkDraft, checkEmails, checkEventIds, checkRange, checkSubscription } from "./input";
import {
  EventSchema,
  EventTimesSchema,
  OnlineMeetingListSchema,
  OnlineMeetingSchema,
  ScheduleResponseSchema,
  type GraphEvent,
  type GraphEventTimes,
  type GraphOnlineMeeting,
} from "./schemas";
import { sendEmails, type SendEmailsOptions } from "./send-emails";
import { chunk } from "./translate/batch";
import {
  toAttendeesPatch,
  toCancelBody,
  toEventCreate,
  toReschedulePatch,
} from "./translate/event";
import { fromOnlineMeeting, settingsNotHeld, toSettingsPatch } from "./translate/lobby";
import { fromUtcDateTime } from "./translate/london-time";
import {
  coOrganizersNotHeld,
  coOrganizersOf,
  coOrganizersRead,
  toParticipantsPatch,
} from "./translate/participants";
import {
  PREFER_UNKNOWN_ENUMS,
  eventUrl,
  eventsUrl,
  onlineMeetingByJoinUrl,
  onlineMeetingUrl,
} from "./translate/online-meeting";
import {
  SubscriptionAnswerSchema,
  fromSubscription,
  toSubscriptionCreate,
} from "./translate/replies";
import {
  MAX_SCHEDULES_PER_CALL,
  MAX_SCHEDULE_RANGE_MS,
  PREFER_UTC,
  fromGetSchedule,
  toGetSchedule,
} from "./translate/schedule";

export interface GraphCalendarOptions {
  email: SendEmailsOptions;
  /**
   * Graph fills an event's join link and creates its onlineMeeting
   * asynchronously; on the rare create that comes back without them, look
   * again this many times (backing off) before failing.
   */
  provisioningPolls: number;
}

/**
 * CalendarPort and RepliesPort over Microsoft Graph. Each operation is a
 * thin sequence of calls; the payloads come from translate/ and every
 * answer is parsed with zod (schemas.ts, translate/).
 */
export class GraphCalendar implements CalendarPort, RepliesPort {
  constructor(
    private readonly caller: GraphCaller,
    private readonly options: GraphCalendarOptions,
  ) {}

  /**
   * 1. POST the event with its transactionId (a retry returns the same event).
   * 2. Find its onlineMeeting by JoinWebUrl.
   * 3. PATCH the lobby, chat and recording settings (Leicestershire, docs/architecture.md).
   * 4. Read the meeting back; fail loudly unless every setting held.
   * Four requests when nothing goes wrong; the family's emails are a fifth.
   */
  async createConference(draft: ConferenceDraft): Promise<CreatedConference> {
    checkDraft(draft);
    const organizer = draft.organizer;
    const ids = { meetingId: draft.meetingId };

    const created = await this.callParsed(
      {
        op: "event.create",
        method: "POST",
        path: eventsUrl(organizer),
        body: toEventCreate(draft),
      },
      EventSchema,
    );
    const event = await this.withJoinUrl(organizer, created, ids.meetingId);
    const joinWebUrl = event.onlineMeeting?.joinUrl as string;

    const found = await this.findMeeting(organizer, joinWebUrl, ids.meetingId);
    const settings = lobbySettingsFor(draft.recordingAgreed === true);
    const { readBack, coOrganizers } = await this.lock(
      organizer,
      { eventId: event.id, onlineMeetingId: found.id },
      draft,
      settings,
      ids.meetingId,
      "create",
    );

    const dialIn = dialInOf(readBack, event);
    this.caller.runtime.logger.info(
      {
        op: "conference.create",
        meetingId: ids.meetingId,
        eventId: event.id,
        onlineMeetingId: found.id,
      },
      "conference created and locked",
    );
    return {
      eventId: event.id,
      onlineMeetingId: found.id,
      joinWebUrl,
      ...(dialIn !== undefined ? { dialIn } : {}),
      settings,
      coOrganizers,
    };
  }

  /**
   * 1. PATCH the event's attendees (the room with them; never the body);
   * 2. PATCH the meeting's participants, every one, the chair and the clerk
   *    as co-organisers (the list is replaced whole, so an absent chair
   *    left out is no longer one);
   * 3. read back with the Prefer header; fail unless exactly the chair and
   *    the clerk are co-organisers.
   */
  async setAttendees(
    organizer: Mailbox,
    meeting: ConferenceRef,
    people: MeetingPeople,
  ): Promise<string[]> {
    await this.caller.call({
      op: "event.attendees",
      method: "PATCH",
      path: eventUrl(organizer, meeting.eventId),
      body: toAttendeesPatch(people),
    });
    return this.setCoOrganizers(organizer, meeting, people, "attendees");
  }

  /**
   * A linked event's Teams meeting, made by hand, locked as Convene locks
   * the meetings it creates: the same one PATCH of the settings and the
   * participants (every attendee kept, the chair and the clerk as
   * co-organisers) and the same read-back, failing loudly unless every
   * setting and role held (onlineMeeting update,
   * https://learn.microsoft.com/en-us/graph/api/onlinemeeting-update).
   */
  async lockConference(
    organizer: Mailbox,
    meeting: ConferenceRef,
    people: MeetingPeople,
    recordingAgreed: boolean,
  ): Promise<string[]> {
    checkEventIds(organizer, [meeting.eventId]);
    const settings = lobbySettingsFor(recordingAgreed);
    const { coOrganizers } = await this.lock(
      organizer,
      meeting,
      people,
      settings,
      meeting.eventId,
      "lock",
    );
    this.caller.runtime.logger.info(
      { op: "conference.lock", eventId: meeting.eventId, onlineMeetingId: meeting.onlineMeetingId },
      "linked conference locked",
    );
    return coOrganizers;
  }

  /**
   * One PATCH: the lock and the participants with the chair and the clerk
   * as co-organisers (a meeting starts with everyone an attendee); then the
   * meeting read back. Fails unless the settings held in the PATCH's answer
   * and in the read-back, and the co-organisers in the read-back.
   */
  private async lock(
    organizer: Mailbox,
    meeting: ConferenceRef,
    people: Pick<MeetingPeople, "attendees" | "roles">,
    settings: LobbySettings,
    ref: string,
    stage: string,
  ): Promise<{ readBack: GraphOnlineMeeting; coOrganizers: string[] }> {
    const patched = await this.callParsed(
      {
        op: "meeting.lock",
        method: "PATCH",
        path: onlineMeetingUrl(organizer, meeting.onlineMeetingId),
        headers: PREFER_UNKNOWN_ENUMS,
        body: { ...toSettingsPatch(settings), ...toParticipantsPatch(people) },
      },
      OnlineMeetingSchema,
    );
    this.assertLocked(patched, settings, ref, meeting.eventId, "patch");
    const readBack = await this.callParsed(
      {
        op: "meeting.read-back",
        method: "GET",
        path: onlineMeetingUrl(organizer, meeting.onlineMeetingId),
        headers: PREFER_UNKNOWN_ENUMS,
      },
      OnlineMeetingSchema,
    );
    this.assertLocked(readBack, settings, ref, meeting.eventId, "read-back");
    const coOrganizers = this.assertCoOrganizers(readBack, people.roles, ref, stage);
    return { readBack, coOrganizers };
  }

  async setRecording(
    organizer: Mailbox,
    meeting: ConferenceRef,
    agreed: boolean,
  ): Promise<LobbySettings> {
    const settings = lobbySettingsFor(agreed);
    // Only the two recording settings: nothing else of the lock is touched.
    await this.caller.call({
      op: "meeting.recording",
      method: "PATCH",
      path: onlineMeetingUrl(organizer, meeting.onlineMeetingId),
      headers: PREFER_UNKNOWN_ENUMS,
      body: {
        allowRecording: settings.allowRecording,
        recordAutomatically: settings.recordAutomatically,
      },
    });
    const readBack = await this.callParsed(
      {
        op: "meeting.read-back",
        method: "GET",
        path: onlineMeetingUrl(organizer, meeting.onlineMeetingId),
        headers: PREFER_UNKNOWN_ENUMS,
      },
      OnlineMeetingSchema,
    );
    this.assertLocked(readBack, settings, meeting.onlineMeetingId, meeting.eventId, "recording");
    return settings;
  }

  private async setCoOrganizers(
    organizer: Mailbox,
    meeting: ConferenceRef,
    people: MeetingPeople,
    stage: string,
  ): Promise<string[]> {
    await this.caller.call({
      op: "meeting.participants",
      method: "PATCH",
      path: onlineMeetingUrl(organizer, meeting.onlineMeetingId),
      headers: PREFER_UNKNOWN_ENUMS,
      body: toParticipantsPatch(people),
    });
    const readBack = await this.callParsed(
      {
        op: "meeting.read-back",
        method: "GET",
        path: onlineMeetingUrl(organizer, meeting.onlineMeetingId),
        headers: PREFER_UNKNOWN_ENUMS,
      },
      OnlineMeetingSchema,
    );
    return this.assertCoOrganizers(readBack, people.roles, meeting.eventId, stage);
  }

  async sendEmails(from: Mailbox, emails: Email[]): Promise<EmailResult[]> {
    if (emails.length === 0) return [];
    checkEmails(emails);
    return sendEmails(this.caller, from, emails, this.options.email);
  }

  async reschedule(
    organizer: Mailbox,
    meeting: ConferenceRef,
    start: Date,
    end: Date,
    people: MeetingPeople,
  ): Promise<string[]> {
    if (!(end.getTime() > start.getTime())) {
      throw calendarError("rejected", "InvalidInput", "reschedule: end must be after start");
    }
    await this.caller.call({
      op: "event.reschedule",
      method: "PATCH",
      path: eventUrl(organizer, meeting.eventId),
      body: toReschedulePatch(start, end),
    });
    // A rebooking may bring another chair or room: the people follow, and
    // the co-organisers are set and read back again.
    return this.setAttendees(organizer, meeting, people);
  }

  /**
   * GET the event with its times in UTC (Graph answers UTC when asked with
   * Prefer: outlook.timezone, https://learn.microsoft.com/en-us/graph/api/event-get),
   * then its Teams meeting by the join link, as after a create. 404: there is
   * no such event (a cancelled one has left the organiser's calendar).
   */
  async getEvent(organizer: Mailbox, eventId: string): Promise<ExistingEvent | undefined> {
    checkEventIds(organizer, [eventId]);
    let event;
    try {
      event = await this.callParsed(
        {
          op: "event.read",
          method: "GET",
          path: `${eventUrl(organizer, eventId)}?$select=id,start,end,onlineMeeting,attendees`,
          headers: PREFER_UTC,
        },
        EventTimesSchema,
      );
    } catch (err) {
      if (err instanceof CalendarError && err.outcome === "gone") return undefined;
      throw err;
    }
    const start = fromUtcDateTime(event.start);
    const end = fromUtcDateTime(event.end);
    if (start === undefined || end === undefined) {
      throw calendarError(
        "failed",
        "UnexpectedResponse",
        `event ${eventId}: its times did not come back in UTC`,
      );
    }
    const attendees = fromEventAttendees(event);
    const joinWebUrl = event.onlineMeeting?.joinUrl ?? undefined;
    if (joinWebUrl === undefined || joinWebUrl === "")
      return { eventId: event.id, start, end, attendees };
    const found = await this.findMeeting(organizer, joinWebUrl, eventId);
    return { eventId: event.id, start, end, attendees, onlineMeetingId: found.id, joinWebUrl };
  }

  async cancel(organizer: Mailbox, eventId: string, comment: string): Promise<void> {
    await this.caller.call(
      {
        op: "event.cancel",
        method: "POST",
        path: `${eventUrl(organizer, eventId)}/cancel`,
        body: toCancelBody(comment),
      },
      // A cancel that went through moves the event to Deleted Items: its retry sees 404.
      { goneAfterDoubtIsDone: true },
    );
  }

  async freeBusy(
    organizer: Mailbox,
    mailboxes: Mailbox[],
    from: Date,
    to: Date,
  ): Promise<Map<Mailbox, BusySlot[]>> {
    checkRange(from, to);
    if (to.getTime() - from.getTime() >= MAX_SCHEDULE_RANGE_MS) {
      throw calendarError(
        "rejected",
        "InvalidInput",
        "free/busy: Graph reads under 42 days at a time",
      );
    }
    const wanted = new Map(mailboxes.map((m) => [m.toLowerCase(), m]));
    const out = new Map<Mailbox, BusySlot[]>();
    for (const group of chunk([...wanted.values()], MAX_SCHEDULES_PER_CALL)) {
      const answer = await this.callParsed(
        {
          op: "calendar.get-schedule",
          method: "POST",
          path: `/users/${encodeURIComponent(organizer)}/calendar/getSchedule`,
          headers: PREFER_UTC,
          body: toGetSchedule(group, from, to),
        },
        ScheduleResponseSchema,
      );
      for (const [scheduleId, slots] of fromGetSchedule(answer.value)) {
        const asAsked = wanted.get(scheduleId.toLowerCase());
        if (asAsked !== undefined) out.set(asAsked, slots);
      }
    }
    return out;
  }

  /**
   * Each event's attendees and their replies, 20 events per $batch
   * (attendee-replies.ts). Needs Calendars.Read on the organiser's mailbox.
   */
  async attendeeReplies(
    organizer: Mailbox,
    eventIds: readonly string[],
  ): Promise<Map<string, AttendeeReply[]>> {
    if (eventIds.length === 0) return new Map();
    checkEventIds(organizer, eventIds);
    return readAttendeeReplies(this.caller, organizer, eventIds);
  }

  /**
   * POST /subscriptions: "updated" on the organiser's events, expiring at
   * `expiresAt` or Graph's maximum (under 7 days), whichever is sooner.
   * Graph first checks the notification URL (it must echo Graph's
   * validationToken within 10 seconds), so this resolves only once the
   * endpoint is up. A retry after a lost answer may leave a second
   * subscription behind: harmless (the same refresh is queued twice, and it
   * lapses at its expiry), and rarer than a missed reply.
   */
  async subscribeToEvents(
    organizer: Mailbox,
    notificationUrl: string,
    clientState: string,
    expiresAt: Date,
  ): Promise<Subscription> {
    const now = this.caller.runtime.clock();
    checkSubscription({ organizer, notificationUrl, clientState, expiresAt }, now);
    const call: Call = {
      op: "subscription.create",
      method: "POST",
      path: "/subscriptions",
      body: toSubscriptionCreate(organizer, notificationUrl, clientState, expiresAt, now),
    };
    const answer = await this.callParsed(call, SubscriptionAnswerSchema);
    const subscription = fromSubscription(answer);
    if (subscription === undefined) {
      throw calendarError(
        "failed",
        "UnexpectedResponse",
        "subscription.create: Graph's expirationDateTime was not understood",
      );
    }
    this.caller.runtime.logger.info(
      {
        op: "subscription.create",
        subscriptionId: subscription.id,
        expiresAt: subscription.expiresAt.toISOString(),
      },
      "subscribed to the organiser's events",
    );
    return subscription;
  }

  private async callParsed<T>(call: Call, schema: import("zod").ZodType<T>): Promise<T> {
    const answer = await this.caller.call(call);
    return this.caller.parse(call, schema, answer);
  }

  private async withJoinUrl(
    organizer: string,
    event: GraphEvent,
    meetingId: string,
  ): Promise<GraphEvent> {
    let current = event;
    for (let poll = 1; !hasJoinUrl(current); poll++) {
      if (poll > this.options.provisioningPolls) {
        throw calendarError(
          "failed",
          "NoJoinUrl",
          `conference ${meetingId}: the event has no Teams join link yet`,
        );
      }
      await this.caller.runtime.sleep(this.caller.policy.baseDelayMs * 2 ** (poll - 1));
      current = await this.callParsed(
        {
          op: "event.read-join-url",
          method: "GET",
          path: `${eventUrl(organizer, event.id)}?$select=id,onlineMeeting`,
        },
        EventSchema,
      );
    }
    return current;
  }

  private async findMeeting(
    organizer: string,
    joinWebUrl: string,
    meetingId: string,
  ): Promise<GraphOnlineMeeting> {
    for (let poll = 0; ; poll++) {
      const list = await this.callParsed(
        {
          op: "meeting.find",
          method: "GET",
          path: onlineMeetingByJoinUrl(organizer, joinWebUrl),
          headers: PREFER_UNKNOWN_ENUMS,
        },
        OnlineMeetingListSchema,
      );
      const meeting = list.value[0];
      if (meeting !== undefined) return meeting;
      if (poll >= this.options.provisioningPolls) {
        throw calendarError(
          "failed",
          "MeetingNotFound",
          `conference ${meetingId}: no online meeting for its join link`,
        );
      }
      await this.caller.runtime.sleep(this.caller.policy.baseDelayMs * 2 ** poll);
    }
  }

  /**
   * The chair runs the meeting: unless the chair and the clerk read back as
   * its co-organisers (and nobody else does), nobody in it can admit from
   * the lobby. Fail loudly rather than hand back a meeting nobody can run.
   */
  private assertCoOrganizers(
    meeting: GraphOnlineMeeting,
    roles: MeetingRoles,
    ref: string,
    stage: string,
  ): string[] {
    const read = coOrganizersRead(meeting);
    const { missing, extra } = coOrganizersNotHeld(coOrganizersOf(roles), read);
    if (missing === 0 && extra === 0) return read;
    this.caller.runtime.logger.error(
      { op: "meeting.co-organizers", stage, ref, onlineMeetingId: meeting.id, missing, extra },
      "co-organisers did not hold",
    );
    throw calendarError(
      "rejected",
      "CoOrganizersNotSet",
      `meeting ${meeting.id}: ${missing} co-organiser(s) missing, ${extra} unexpected after the ${stage}`,
    );
  }

  /** Leicestershire and docs/architecture.md: a meeting whose lobby or chat did not lock must not be used. */
  private assertLocked(
    meeting: GraphOnlineMeeting,
    required: LobbySettings,
    meetingId: string,
    eventId: string,
    stage: string,
  ): void {
    const notHeld = settingsNotHeld(fromOnlineMeeting(meeting), required);
    if (notHeld.length === 0) return;
    this.caller.runtime.logger.error(
      { op: "meeting.lock", stage, meetingId, eventId, onlineMeetingId: meeting.id, notHeld },
      "meeting settings did not hold",
    );
    throw calendarError(
      "rejected",
      "LobbyNotLocked",
      `conference ${meetingId} (event ${eventId}): ${notHeld.join(", ")} did not hold after the ${stage}`,
    );
  }
}

/**
 * The event's people, the room (a `resource` attendee) left out, each
 * address once; an attendee with no address cannot be invited and is left
 * out too. Outlook's type is required, optional or resource
 * (https://learn.microsoft.com/en-us/graph/api/resources/attendee).
 */
function fromEventAttendees(event: GraphEventTimes): EventAttendee[] {
  const out: EventAttendee[] = [];
  const seen = new Set<string>();
  for (const a of event.attendees ?? []) {
    const email = a.emailAddress?.address ?? "";
    if (a.type === "resource" || email === "" || seen.has(email.toLowerCase())) continue;
    seen.add(email.toLowerCase());
    const name = a.emailAddress?.name ?? "";
    out.push({
      email,
      name: name === "" ? email : name,
      type: a.type === "optional" ? "optional" : "required",
    });
  }
  return out;
}

function hasJoinUrl(event: GraphEvent): boolean {
  const url = event.onlineMeeting?.joinUrl;
  return typeof url === "string" && url.length > 0;
}

function dialInOf(meeting: GraphOnlineMeeting, event: GraphEvent): DialIn | undefined {
  const tollNumber =
    meeting.audioConferencing?.tollNumber ?? event.onlineMeeting?.tollNumber ?? undefined;
  const conferenceId =
    meeting.audioConferencing?.conferenceId ?? event.onlineMeeting?.conferenceId ?? undefined;
  if (tollNumber === undefined && conferenceId === undefined) return undefined;
  return {
    ...(tollNumber !== undefined ? { tollNumber } : {}),
    ...(conferenceId !== undefined ? { conferenceId } : {}),
  };
}
