import { randomUUID } from "node:crypto";
import { GetSchedule, SendMail } from "./schemas";
import { graphError, json, parseBody, type Route } from "./http-types";
import { toGraphUtc, toInstant } from "./state";

/**
 * Graph's limit for files attached inline ("under 3 MB"; larger ones need
 * an upload session), taken as 3,000,000 bytes: base64, they still fit the
 * 4 MB request (server.ts MAX_REQUEST_BYTES).
 */
export const MAX_INLINE_ATTACHMENT_BYTES = 3_000_000;

/**
 * POST /users/{m}/sendMail: 202, and the message is in the sender's Sent
 * Items at once (Exchange does it within seconds; graph/send-emails.ts
 * waits `settleMs` for that). Attachments are kept decoded; together they
 * must be under 3 MB, else 413 and nothing is sent.
 */
export const sendMail: Route = (request, [mailbox], { state }) => {
  const parsed = parseBody(SendMail, request.body);
  if (!parsed.ok) return parsed.answer;
  const { message, saveToSentItems } = parsed.value;
  const attachments = (message.attachments ?? []).map((a) => ({
    name: a.name,
    ...(a.contentType !== undefined ? { contentType: a.contentType } : {}),
    content: Buffer.from(a.contentBytes, "base64"),
  }));
  const bytes = attachments.reduce((n, a) => n + a.content.length, 0);
  if (bytes >= MAX_INLINE_ATTACHMENT_BYTES) {
    return graphError(413, "ErrorRequestEntityTooLarge", "attachments must total under 3 MB");
  }
  const conveneId = message.singleValueExtendedProperties?.find((p) =>
    p.id.endsWith(" Name ConveneEmailId"),
  )?.value;
  state.sentMail.push({
    id: `AAMkAD${randomUUID().replace(/-/g, "")}`,
    mailbox: (mailbox as string).toLowerCase(),
    ...(conveneId !== undefined ? { conveneId } : {}),
    message,
    to: message.toRecipients.map((r) => r.emailAddress.address),
    cc: (message.ccRecipients ?? []).map((r) => r.emailAddress.address),
    attachments,
    ...(saveToSentItems === false ? { notSaved: true } : {}),
  });
  return { status: 202 };
};

/**
 * GET /users/{m}/mailFolders/sentitems/messages?$filter=singleValueExtendedProperties/any(...)
 * The one message query Convene makes: by its named property. Other filters: 400.
 */
export const sentItems: Route = (request, [mailbox], { state }) => {
  const filter = request.query.get("$filter") ?? "";
  const match =
    /^singleValueExtendedProperties\/any\(ep: ep\/id eq '((?:[^']|'')*)' and ep\/value eq '((?:[^']|'')*)'\)$/.exec(
      filter,
    );
  if (match === null) return graphError(400, "ErrorInvalidUrlQueryFilter", "unsupported $filter");
  const propertyId = (match[1] as string).replace(/''/g, "'");
  const value = (match[2] as string).replace(/''/g, "'");
  if (!propertyId.endsWith(" Name ConveneEmailId")) return json(200, { value: [] });
  const owner = mailbox?.toLowerCase();
  const found = state.sentMail.filter(
    (m) =>
      m.mailbox === owner &&
      m.notSaved !== true &&
      // Graph compares extended property string values case-insensitively.
      m.conveneId?.toLowerCase() === value.toLowerCase(),
  );
  const top = Number(request.query.get("$top") ?? "10");
  return json(200, { value: found.slice(0, top).map((m) => ({ id: m.id })) });
};

/** POST /users/{m}/calendar/getSchedule: busy from events and fixtures, in UTC. */
export const getSchedule: Route = (request, _params, { state }) => {
  const parsed = parseBody(GetSchedule, request.body);
  if (!parsed.ok) return parsed.answer;
  const from = toInstant(parsed.value.startTime);
  const to = toInstant(parsed.value.endTime);
  if (to.getTime() <= from.getTime()) {
    return graphError(400, "ErrorInvalidParameter", "endTime must be after startTime");
  }
  if (to.getTime() - from.getTime() >= 42 * 86_400_000) {
    return graphError(400, "ErrorInvalidParameter", "the time range must be under 42 days");
  }
  const value = parsed.value.schedules.map((scheduleId) => {
    const who = scheduleId.toLowerCase();
    if (state.unknownMailboxes.has(who)) {
      return {
        scheduleId,
        availabilityView: "",
        error: { message: "not found", responseCode: "ErrorMailRecipientNotFound" },
      };
    }
    const items: { status: string; start: Date; end: Date }[] = [];
    for (const event of state.events.values()) {
      if (event.cancelled || event.end <= from || event.start >= to) continue;
      const people = [
        event.mailbox,
        ...(event.payload.attendees ?? []).map((a) => a.emailAddress.address),
      ];
      // A room is busy only for what its booking assistant accepted: a
      // declined request never reaches its calendar, a pending one not yet.
      if (state.rooms.isRoom(who) && event.replies.get(who)?.response !== "accepted") continue;
      if (people.some((p) => p.toLowerCase() === who)) {
        items.push({ status: "Busy", start: event.start, end: event.end });
      }
    }
    for (const busy of state.busy) {
      if (busy.mailbox.toLowerCase() === who && busy.end > from && busy.start < to)
        items.push(busy);
    }
    return {
      scheduleId,
      availabilityView: "",
      scheduleItems: items.map((i) => ({
        isPrivate: false,
        status: i.status,
        start: toGraphUtc(i.start),
        end: toGraphUtc(i.end),
      })),
    };
  });
  return json(200, { value });
};
