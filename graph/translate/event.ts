import type * as MG from "@microsoft/microsoft-graph-types";
import type { Attendee, ConferenceDraft, MeetingPeople } from "../../ports/calendar";
import { eventPeople, roomAttendee } from "./participants";
import { toLondonDateTime, type GraphDateTime } from "./london-time";

/**
 * Convene's conference → the Graph event payloads. Pure; each checked
 * against @microsoft/microsoft-graph-types with `satisfies`, so a property
 * name or enum value Graph does not know fails the type check.
 */

export interface GraphAttendee {
  emailAddress: { address: string; name: string };
  type: "required" | "optional" | "resource";
}

export interface EventCreatePayload {
  subject: string;
  body: { contentType: "text"; content: string };
  start: GraphDateTime;
  end: GraphDateTime;
  location?: { displayName: string };
  attendees: GraphAttendee[];
  isOnlineMeeting: true;
  onlineMeetingProvider: "teamsForBusiness";
  /** Graph's idempotency key: a retried POST returns the event it made. */
  transactionId: string;
  /** The clerk books the time against the legal limit; no counter-proposals. */
  allowNewTimeProposals: false;
  responseRequested: true;
  importance: "normal";
}

export function toEventCreate(draft: ConferenceDraft): EventCreatePayload {
  const payload = {
    subject: draft.subject,
    body: { contentType: "text" as const, content: draft.bodyText },
    start: toLondonDateTime(draft.start),
    end: toLondonDateTime(draft.end),
    ...(draft.location !== undefined ? { location: { displayName: draft.location } } : {}),
    attendees: toEventAttendees(draft),
    isOnlineMeeting: true as const,
    onlineMeetingProvider: "teamsForBusiness" as const,
    transactionId: draft.transactionId,
    allowNewTimeProposals: false as const,
    responseRequested: true as const,
    importance: "normal" as const,
  } satisfies MG.Event;
  return payload;
}

/** Professionals and the chair: required attendees, one entry each. */
export function toGraphAttendees(attendees: readonly Attendee[]): GraphAttendee[] {
  const seen = new Set<string>();
  const out: GraphAttendee[] = [];
  for (const a of attendees) {
    const key = a.email.toLowerCase();
    if (seen.has(key)) continue; // Outlook would send the same person two invitations
    seen.add(key);
    out.push({ emailAddress: { address: a.email, name: a.name }, type: "required" });
  }
  return out satisfies MG.Attendee[];
}

/**
 * The event's attendees: the chair and the clerk (co-organisers of its Teams
 * meeting, so they must be on the event it takes its participants from),
 * the other people, and the room as a resource attendee.
 */
export function toEventAttendees(
  people: Pick<MeetingPeople, "attendees" | "roles" | "room">,
): GraphAttendee[] {
  return [
    ...toGraphAttendees(eventPeople(people)),
    ...(people.room !== undefined ? [roomAttendee(people.room)] : []),
  ];
}

/**
 * Attendees only. Never `body`: a PATCH of the body replaces the Teams join
 * block and re-notifies everyone (docs/architecture.md, Microsoft 365 facts).
 */
export function toAttendeesPatch(people: MeetingPeople): { attendees: GraphAttendee[] } {
  // attendees is a collection: the PATCH replaces it whole, so the room goes every time.
  return { attendees: toEventAttendees(people) } satisfies MG.Event;
}

/** Start and end only: the subject, body and join link stay as they are. */
export function toReschedulePatch(
  start: Date,
  end: Date,
): { start: GraphDateTime; end: GraphDateTime } {
  return { start: toLondonDateTime(start), end: toLondonDateTime(end) } satisfies MG.Event;
}

/** POST /events/{id}/cancel: the message every attendee gets with the cancellation. */
export function toCancelBody(comment: string): { comment: string } {
  return { comment };
}
