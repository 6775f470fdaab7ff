import { EventCancel, EventCreate, EventPatch } from "./schemas";
import { graphError, json, parseBody, type Route } from "./http-types";
import { toInstant, type StoredEvent } from "./state";

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
    if (existing !== undefined) return json(201, eventJson(existing, showJoinUrl(joinUrlLag)));
  }
  return json(201, eventJson(state.createEvent(owner, payload), showJoinUrl(joinUrlLag)));
};

export const getEvent: Route = (_request, [mailbox, id], context) => {
  const event = findEvent(context.state.events, mailbox, id);
  if (event === undefined) return notFound();
  return json(200, eventJson(event, showJoinUrl(context.joinUrlLag)));
};

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
  return json(200, eventJson(event, true));
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

function eventJson(event: StoredEvent, withJoinUrl: boolean): Record<string, unknown> {
  const p = event.payload;
  return {
    id: event.id,
    subject: p.subject,
    body: p.body ?? { contentType: "text", content: "" },
    start: p.start,
    end: p.end,
    location: p.location ?? { displayName: "" },
    attendees: (p.attendees ?? []).map((a) => ({ ...a, status: { response: "none" } })),
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
