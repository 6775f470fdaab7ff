import type * as MG from "@microsoft/microsoft-graph-types";
import { z } from "zod";
import type { Mailbox } from "../../ports/calendar";
import type { AttendeeReply, Reply, Subscription } from "../../ports/replies";
import { eventUrl } from "./online-meeting";

/**
 * Outlook replies (Outlook replies and the quoracy forecast), pure: the URL of one event's attendees, their
 * `status.response` → Convene's Reply, and the POST /subscriptions payload.
 */

/** One event's attendees only: a batch part of GET /users/{o}/events/{id}?$select=attendees. */
export function eventAttendeesUrl(organizer: Mailbox, eventId: string): string {
  return `${eventUrl(organizer, eventId)}?$select=attendees`;
}

/**
 * Graph's responseStatus.response (an attendee's `status`) → Reply.
 *
 * - accepted → accepted; tentativelyAccepted → tentative; declined → declined.
 * - none: the organiser's view of someone who has not replied.
 * - notResponded: the same, seen from the attendee's own calendar (Graph:
 *   "clients can treat notResponded == none").
 * - organizer: the organiser's own status, not a reply anybody gave; none.
 * - anything else (a value added later, null, absent): none. Convene never
 *   reads a reply into a value it does not know.
 */
export function toReply(response: string | null | undefined): Reply {
  switch (response as MG.ResponseType | null | undefined) {
    case "accepted":
      return "accepted";
    case "tentativelyAccepted":
      return "tentative";
    case "declined":
      return "declined";
    default:
      return "none";
  }
}

const nullish = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

/** zod at the edge: the attendees of an event as Graph answers `$select=attendees`. */
export const EventAttendeesSchema = z.object({
  id: nullish(z.string()),
  attendees: nullish(
    z.array(
      z.object({
        type: nullish(z.string()),
        emailAddress: nullish(z.object({ address: nullish(z.string()) })),
        status: nullish(z.object({ response: nullish(z.string()), time: nullish(z.string()) })),
      }),
    ),
  ),
});
export type EventAttendees = z.infer<typeof EventAttendeesSchema>;

/**
 * The replies of an event's people: one per address (case-insensitive, the
 * first entry kept), entries without an address left out; rooms and
 * equipment (`type: "resource"`) flagged `resource`, so the room booked for
 * a meeting in person is confirmed and never counted as a person.
 * Addresses as Graph wrote them.
 */
export function fromEventAttendees(event: EventAttendees): AttendeeReply[] {
  const seen = new Set<string>();
  const out: AttendeeReply[] = [];
  for (const attendee of event.attendees ?? []) {
    const email = attendee.emailAddress?.address?.trim();
    if (email === undefined || email.length === 0) continue;
    const key = email.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      email,
      reply: toReply(attendee.status?.response),
      ...(attendee.type === "resource" ? { resource: true as const } : {}),
    });
  }
  return out;
}

/**
 * Graph's longest subscription to Outlook events without resource data:
 * 10,080 minutes ("under 7 days", Graph's subscription lifetime table).
 * Convene asks for at most 10 minutes less, so that a clock a little ahead
 * of Graph's never asks for more than Graph allows (a 400).
 */
export const MAX_EVENT_SUBSCRIPTION_MS = 10_080 * 60_000;
export const SUBSCRIPTION_CLOCK_MARGIN_MS = 10 * 60_000;
/** Graph raises any expiry under 45 minutes from the request to 45 minutes. */
export const MIN_SUBSCRIPTION_MS = 45 * 60_000;
/** Graph's limit on clientState. */
export const MAX_CLIENT_STATE_LENGTH = 128;

/** The expiry to ask for: `wanted`, but never beyond Graph's maximum from `now`. */
export function clampSubscriptionExpiry(wanted: Date, now: Date): Date {
  const latest = now.getTime() + MAX_EVENT_SUBSCRIPTION_MS - SUBSCRIPTION_CLOCK_MARGIN_MS;
  return new Date(Math.min(wanted.getTime(), latest));
}

export interface SubscriptionCreatePayload {
  changeType: "updated";
  notificationUrl: string;
  resource: string;
  expirationDateTime: string;
  clientState: string;
}

/**
 * POST /subscriptions for the organiser's events. "updated" is what an
 * attendee's reply does to the organiser's copy of the event; creations and
 * deletions are Convene's own doing. No resource data: a basic notification
 * carries the event id and Convene reads the attendees itself (no
 * encryption certificate to manage, and the longer lifetime).
 */
export function toSubscriptionCreate(
  organizer: Mailbox,
  notificationUrl: string,
  clientState: string,
  expiresAt: Date,
  now: Date,
): SubscriptionCreatePayload {
  return {
    changeType: "updated" as const,
    notificationUrl,
    resource: `/users/${organizer}/events`,
    expirationDateTime: clampSubscriptionExpiry(expiresAt, now).toISOString(),
    clientState,
  } satisfies MG.Subscription;
}

/** zod at the edge: the part of Graph's subscription answer Convene reads. */
export const SubscriptionAnswerSchema = z.object({
  id: z.string().min(1),
  expirationDateTime: z.string().min(1),
});

/**
 * Graph's answer → the port's Subscription. Graph may have moved the expiry
 * (raised to 45 minutes); its own figure is the one to renew by. A time
 * without an offset is UTC (Graph writes them so); an unreadable one is
 * undefined (the caller reports it as an UnexpectedResponse).
 */
export function fromSubscription(
  answer: z.infer<typeof SubscriptionAnswerSchema>,
): Subscription | undefined {
  const text = answer.expirationDateTime.trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/i.test(text)) {
    return undefined;
  }
  const withZone = /(Z|[+-]\d{2}:\d{2})$/i.test(text) ? text : `${text}Z`;
  const expiresAt = new Date(withZone);
  if (Number.isNaN(expiresAt.getTime())) return undefined;
  return { id: answer.id, expiresAt };
}
