import type { GraphCallId } from "../../graph/permissions";
import { refuseUnlessAllowed } from "./grants";
import {
  graphError,
  type FakeAnswer,
  type FakeRequest,
  type Route,
  type RouteContext,
} from "./http-types";
import { getManager, getUser, listTransitiveMembers } from "./routes-directory";
import { cancelEvent, createEvent, getEvent, patchEvent } from "./routes-events";
import { getSchedule, sendMail, sentItems } from "./routes-mail";
import { findMeetings, getMeeting, patchMeeting } from "./routes-meetings";
import { listRooms } from "./routes-places";
import { createSubscription } from "./routes-subscriptions";
import { installAppForUser, installationChat, listAppsForUser } from "./routes-teams-apps";

/**
 * The Graph endpoints Convene uses (after /v1.0), each with its row of
 * graph/permissions.ts: the call is refused with 403 unless the token's
 * roles hold one of that row's permissions. Anything else is 404, as an
 * unknown segment is in Graph.
 */
const ROUTES: [string, RegExp, GraphCallId, Route][] = [
  ["POST", /^\/users\/([^/]+)\/events$/, "event.create", createEvent],
  ["GET", /^\/users\/([^/]+)\/events\/([^/]+)$/, "event.get", getEvent],
  ["PATCH", /^\/users\/([^/]+)\/events\/([^/]+)$/, "event.update", patchEvent],
  ["POST", /^\/users\/([^/]+)\/events\/([^/]+)\/cancel$/, "event.cancel", cancelEvent],
  ["GET", /^\/users\/([^/]+)\/onlineMeetings$/, "onlineMeeting.find", findMeetings],
  ["GET", /^\/users\/([^/]+)\/onlineMeetings\/([^/]+)$/, "onlineMeeting.get", getMeeting],
  ["PATCH", /^\/users\/([^/]+)\/onlineMeetings\/([^/]+)$/, "onlineMeeting.update", patchMeeting],
  ["POST", /^\/users\/([^/]+)\/sendMail$/, "mail.send", sendMail],
  ["GET", /^\/users\/([^/]+)\/mailFolders\/sentitems\/messages$/i, "mail.findSent", sentItems],
  ["POST", /^\/users\/([^/]+)\/calendar\/getSchedule$/i, "schedule.get", getSchedule],
  ["POST", /^\/subscriptions$/, "subscription.create", createSubscription],
  ["GET", /^\/users\/([^/]+)$/, "user.get", getUser],
  ["GET", /^\/users\/([^/]+)\/manager$/, "user.manager", getManager],
  [
    "GET",
    /^\/groups\/([^/]+)\/transitiveMembers(\/microsoft\.graph\.user)?$/,
    "group.transitiveMembers",
    listTransitiveMembers,
  ],
  ["GET", /^\/users\/([^/]+)\/teamwork\/installedApps$/, "teamsApp.listForUser", listAppsForUser],
  [
    "POST",
    /^\/users\/([^/]+)\/teamwork\/installedApps$/,
    "teamsApp.installForUser",
    installAppForUser,
  ],
  [
    "GET",
    /^\/users\/([^/]+)\/teamwork\/installedApps\/([^/]+)\/chat$/,
    "teamsApp.chatForUser",
    installationChat,
  ],
  ["GET", /^\/places\/microsoft\.graph\.room$/, "place.listRooms", listRooms],
];

export interface RouteMatch {
  id: GraphCallId;
  route: Route;
  params: string[];
}

export function matchRoute(method: string, rawPath: string): RouteMatch | FakeAnswer {
  let methodMismatch = false;
  for (const [m, pattern, id, route] of ROUTES) {
    const match = pattern.exec(rawPath);
    if (match === null) continue;
    if (m !== method) {
      methodMismatch = true;
      continue;
    }
    return {
      id,
      route,
      params: match.slice(1).map((p) => (p === undefined ? "" : decodeURIComponent(p))),
    };
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
  // Graph authorises before it looks at the resource: a missing permission
  // is 403 even for an id that does not exist.
  const refused = refuseUnlessAllowed(found.id, request.roles);
  if (refused !== undefined) return refused;
  return found.route(request, found.params, context);
}
