import {
  graphError,
  type FakeAnswer,
  type FakeRequest,
  type Route,
  type RouteContext,
} from "./http-types";
import { cancelEvent, createEvent, getEvent, patchEvent } from "./routes-events";
import { getSchedule, sendMail, sentItems } from "./routes-mail";
import { findMeetings, getMeeting, patchMeeting } from "./routes-meetings";
import { createSubscription } from "./routes-subscriptions";

/** The Graph endpoints Convene uses (after /v1.0); anything else is 404, as an unknown segment is in Graph. */
const ROUTES: [string, RegExp, Route][] = [
  ["POST", /^\/users\/([^/]+)\/events$/, createEvent],
  ["GET", /^\/users\/([^/]+)\/events\/([^/]+)$/, getEvent],
  ["PATCH", /^\/users\/([^/]+)\/events\/([^/]+)$/, patchEvent],
  ["POST", /^\/users\/([^/]+)\/events\/([^/]+)\/cancel$/, cancelEvent],
  ["GET", /^\/users\/([^/]+)\/onlineMeetings$/, findMeetings],
  ["GET", /^\/users\/([^/]+)\/onlineMeetings\/([^/]+)$/, getMeeting],
  ["PATCH", /^\/users\/([^/]+)\/onlineMeetings\/([^/]+)$/, patchMeeting],
  ["POST", /^\/users\/([^/]+)\/sendMail$/, sendMail],
  ["GET", /^\/users\/([^/]+)\/mailFolders\/sentitems\/messages$/i, sentItems],
  ["POST", /^\/users\/([^/]+)\/calendar\/getSchedule$/i, getSchedule],
  ["POST", /^\/subscriptions$/, createSubscription],
];

export interface RouteMatch {
  route: Route;
  params: string[];
}

export function matchRoute(method: string, rawPath: string): RouteMatch | FakeAnswer {
  let methodMismatch = false;
  for (const [m, pattern, route] of ROUTES) {
    const match = pattern.exec(rawPath);
    if (match === null) continue;
    if (m !== method) {
      methodMismatch = true;
      continue;
    }
    return { route, params: match.slice(1).map((p) => decodeURIComponent(p)) };
  }
  return methodMismatch
    ? graphError(405, "BadRequest", `${method} is not allowed here`)
    : graphError(404, "BadRequest", "Resource not found for the segment");
}

/** The mailbox a request works on (Outlook's concurrency limit is per mailbox). */
export function mailboxOf(rawPath: string): string | undefined {
  const match = /^\/users\/([^/]+)\//.exec(rawPath);
  return match === null ? undefined : decodeURIComponent(match[1] as string).toLowerCase();
}

export async function route(request: FakeRequest, context: RouteContext): Promise<FakeAnswer> {
  const found = matchRoute(request.method, request.rawPath);
  if (!("route" in found)) return found;
  return found.route(request, found.params, context);
}
