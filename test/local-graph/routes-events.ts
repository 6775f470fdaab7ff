import { EventCancel, EventCreate, EventPatch } from "./schemas";
import { graphError, json, parseBody, type Route } from "./http-types";
import { NO_REPLY_TIME, toGraphUtc, toInstant, type GraphState, type StoredEvent } from "./state";

/** POST /users/{m}/events: a transactionId already used returns the event it made. */
export const createEvent: Route = (request, [mailbox], { state, joinUrlLag }) => {
  const parsed = parseBody(EventCreate, request.body);
  if (!parsed.ok) return parsed.answer;
  const payload = parsed.value;
  if (toInstant(payload.end).getTime() <= toInstant(payload.start).getTime()) {
    return graphError(400, "ErrorInvalidParameter", "end must be after start");
  }
  const owner = (mailbox as string).toLowerCase();
  if (payload.transactionId !== undefined) {
    const existing = state.eventByTransactionId(owner, payload.transactionId);
    if (existing !== undefined) {
      return json(201, eventJson(state, existing, showJoinUrl(joinUrlLag)));
    }
  }
  return json(201, eventJson(state, state.createEvent(owner, payload), showJoinUrl(joinUrlLag)));
};

/**
 * GET /users/{m}/events/{id}[?$select=a,b]: with $select, only those
 * properties (and id, @odata.etag), as Graph answers; a property the event
 * type does not have is a 400. Only an answer that carries onlineMeeting
 * uses up the join-link lag.
 */
export const getEvent: Route = (request, [mailbox, id], context) => {
  const event = findEvent(context.state.events, mailbox, id);
  if (event === undefined) return notFound();
  const select = request.query.get("$select");
  if (select === null) {
    return json(
      200,
      inUtc(eventJson(context.state, event, showJoinUrl(context.joinUrlLag)), event),
    );
  }
  const wanted = select.split(",").map((p) => p.trim());
  const withJoinUrl = wanted.includes("onlineMeeting") ? showJoinUrl(context.joinUrlLag) : true;
  const full = inUtc(eventJson(context.state, event, withJoinUrl), event);
  const picked: Record<string, unknown> = { "@odata.etag": full["@odata.etag"], id: full.id };
  for (const property of wanted) {
    if (!(property in full) || property.startsWith("@")) {
      return graphError(
        400,
        "RequestBroker--ParseUri",
        `Could not find a property named '${property}' on type 'microsoft.graph.event'.`,
      );
    }
    picked[property] = full[property];
  }
  return json(200, picked);
};

/**
 * A GET answers start and end in UTC unless Prefer: outlook.timezone asks
 * for another zone ("If the Prefer: outlook.timezone header is not specified,
 * the start and end times are returned in UTC":
 * https://learn.microsoft.com/en-us/graph/api/event-get). Convene only ever
 * asks for UTC, so the local Graph answers UTC always.
 */
function inUtc(body: Record<string, unknown>, event: StoredEvent): Record<string, unknown> {
  return { ...body, start: toGraphUtc(event.start), end: toGraphUtc(event.end) };
}

/** Graph provisions the Teams link asynchronously: the next n answers may lack it. */
function showJoinUrl(lag: { remaining: number }): boolean {
  if (lag.remaining <= 0) return true;
  lag.remaining--;
  return false;
}

/** PATCH /users/{m}/events/{id}: attendees, time, subject, location; never body (schemas.ts). */
export const patchEvent: Route = (request, [mailbox, id], { state }) => {
  const event = findEvent(state.events, mailbox, id);
  if (event === undefined) return notFound();
  if (typeof request.body === "object" && request.body !== null && "body" in request.body) {
    return graphError(
      400,
      "ErrorInvalidRequest",
      "local Graph: PATCH of an event body is refused (it would replace the Teams join block and re-notify everyone)",
    );
  }
  const parsed = parseBody(EventPatch, request.body);
  if (!parsed.ok) return parsed.answer;
  const patch = parsed.value;
  const before = { start: event.start.getTime(), end: event.end.getTime() };
  const addresses = (list: typeof event.payload.attendees) =>
    (list ?? [])
      .map((a) => a.emailAddress.address.toLowerCase())
      .sort()
      .join(",");
  const attendeesBefore = addresses(event.payload.attendees);
  if (patch.start !== undefined && patch.end !== undefined) {
    if (toInstant(patch.end).getTime() <= toInstant(patch.start).getTime()) {
      return graphError(400, "ErrorInvalidParameter", "end must be after start");
    }
    event.start = toInstant(patch.start);
    event.end = toInstant(patch.end);
  }
  event.payload = { ...event.payload, ...patch };
  event.patches.push(request.body);
  event.changes++;
  state.eventChanged(event, {
    attendees: patch.attendees !== undefined && addresses(patch.attendees) !== attendeesBefore,
    time: event.start.getTime() !== before.start || event.end.getTime() !== before.end,
  });
  return json(200, eventJson(state, event, true));
};

/** POST /users/{m}/events/{id}/cancel: 202, and the event leaves the calendar (404 after). */
export const cancelEvent: Route = (request, [mailbox, id], { state }) => {
  const event = findEvent(state.events, mailbox, id);
  if (event === undefined) return notFound();
  const parsed = parseBody(EventCancel, request.body ?? {});
  if (!parsed.ok) return parsed.answer;
  event.cancelled = true;
  if (parsed.value.comment !== undefined) event.cancelComment = parsed.value.comment;
  return { status: 202 };
};

function findEvent(
  events: Map<string, StoredEvent>,
  mailbox: string | undefined,
  id: string | undefined,
): StoredEvent | undefined {
  const event = id === undefined ? undefined : events.get(id);
  if (event === undefined || event.cancelled) return undefined;
  return event.mailbox === mailbox?.toLowerCase() ? event : undefined;
}

function notFound() {
  return graphError(404, "ErrorItemNotFound", "The specified object was not found in the store.");
}

function eventJson(
  state: GraphState,
  event: StoredEvent,
  withJoinUrl: boolean,
): Record<string, unknown> {
  const p = event.payload;
  return {
    "@odata.etag": `W/"local-${event.changes}"`,
    id: event.id,
    subject: p.subject,
    body: p.body ?? { contentType: "text", content: "" },
    start: p.start,
    end: p.end,
    location: p.location ?? { displayName: "" },
    // The organiser's copy: each attendee's reply (none until they answer), in UTC.
    attendees: (p.attendees ?? []).map((a) => {
      const status = state.statusOf(event, a.emailAddress.address);
      return { ...a, status: { response: status.response, time: graphTime(status.time) } };
    }),
    organizer: { emailAddress: { address: event.mailbox } },
    responseStatus: { response: "organizer", time: graphTime(NO_REPLY_TIME) },
    isOnlineMeeting: p.isOnlineMeeting ?? false,
    onlineMeetingProvider: p.onlineMeetingProvider ?? "unknown",
    onlineMeeting:
      withJoinUrl && event.joinUrl !== undefined
        ? {
            joinUrl: event.joinUrl,
            conferenceId: event.conferenceId,
            tollNumber: "+44 20 7946 0000",
          }
        : null,
    transactionId: event.transactionId ?? null,
    isCancelled: event.cancelled,
  };
}

/** An Edm.DateTimeOffset as Graph writes a reply's time: "2027-01-22T11:00:00Z", "0001-01-01T00:00:00Z". */
function graphTime(at: Date): string {
  if (at.getTime() === NO_REPLY_TIME.getTime()) return "0001-01-01T00:00:00Z";
  return `${at.toISOString().slice(0, 19)}Z`;
}
