import { z } from "zod";
import {
  graphError,
  json,
  parseBody,
  type FakeRequest,
  type Route,
  type RouteContext,
} from "./http-types";
import type { CatalogApp, UserInstallation } from "./teams-apps";

/**
 * Teams apps in a user's personal scope:
 * - list: https://learn.microsoft.com/en-us/graph/api/userteamwork-list-installedapps
 * - install: https://learn.microsoft.com/en-us/graph/api/userteamwork-post-installedapps
 * - the installation's chat: https://learn.microsoft.com/en-us/graph/api/userscopeteamsappinstallation-get-chat
 *
 * The "Self" permissions (TeamsAppInstallation.*SelfForUser.All) reach only
 * the calling app's own Teams app, the one whose bot is the app
 * registration (permissions reference:
 * https://learn.microsoft.com/en-us/graph/permissions-reference#teamsappinstallationreadwriteselfforuserall).
 */
const BROAD = [
  "TeamsAppInstallation.ReadForUser.All",
  "TeamsAppInstallation.ReadWriteForUser.All",
  "TeamsAppInstallation.ReadWriteAndConsentForUser.All",
];

function onlySelf(request: FakeRequest, extra: string[] = []): boolean {
  return ![...BROAD, ...extra].some((p) => request.roles.has(p));
}

function isSelf(app: CatalogApp | undefined, context: RouteContext): boolean {
  return app?.botId === context.applicationId;
}

function userNotFound(id: string) {
  return graphError(404, "NotFound", `User ${id} not found.`);
}

function installationJson(i: UserInstallation, app: CatalogApp | undefined, expand: string[]) {
  return {
    id: i.id,
    ...(expand.includes("teamsApp") && app !== undefined
      ? {
          teamsApp: {
            id: app.id,
            externalId: app.externalId,
            displayName: app.displayName,
            distributionMethod: "organization",
          },
        }
      : {}),
    ...(expand.includes("teamsAppDefinition") && app !== undefined
      ? {
          teamsAppDefinition: {
            id: Buffer.from(`${app.id}##1.0.0`).toString("base64url"),
            teamsAppId: app.id,
            displayName: app.displayName,
            version: "1.0.0",
          },
        }
      : {}),
  };
}

/**
 * GET /users/{id}/teamwork/installedApps[?$expand=teamsApp,teamsAppDefinition]
 * [&$filter=teamsApp/id eq '…' | teamsApp/externalId eq '…'].
 */
export const listAppsForUser: Route = (request, [userRef], context) => {
  const user = context.state.directory.findUser(userRef ?? "");
  if (user === undefined) return userNotFound(userRef ?? "");
  const expand = (request.query.get("$expand") ?? "")
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const bad = expand.find((p) => p !== "teamsApp" && p !== "teamsAppDefinition");
  if (bad !== undefined) return graphError(400, "BadRequest", `cannot expand '${bad}'`);
  const filter = request.query.get("$filter");
  let keep: (app: CatalogApp | undefined) => boolean = () => true;
  if (filter !== null) {
    const m = /^teamsApp\/(id|externalId) eq '((?:[^']|'')*)'$/.exec(filter);
    if (m === null) return graphError(400, "BadRequest", "unsupported $filter");
    const [, field, raw] = m as unknown as [string, "id" | "externalId", string];
    const value = raw.replace(/''/g, "'");
    keep = (app) => app !== undefined && app[field] === value;
  }
  const self = onlySelf(request);
  const apps = context.state.teamsApps;
  const value = [...apps.installations.values()]
    .filter((i) => i.userId === user.id)
    .map((i) => ({ i, app: apps.catalog.get(i.teamsAppId) }))
    .filter(({ app }) => keep(app) && (!self || isSelf(app, context)))
    .map(({ i, app }) => installationJson(i, app, expand));
  return json(200, { value });
};

const InstallBody = z.strictObject({
  "teamsApp@odata.bind": z.string().regex(/\/appCatalogs\/teamsApps\/[^/]+$/),
  consentedPermissionSet: z.unknown().optional(),
});

/**
 * POST /users/{id}/teamwork/installedApps: 201 Created with no body.
 * - The app must be in the tenant catalog (404 otherwise).
 * - With a Self permission only, the app must be the caller's own: 403.
 * - An app permission policy that blocks the app for this user: 403.
 *   Microsoft's page lists no error; Teams answers Forbidden, so 403 here.
 * - Already installed for the user: 409 Conflict. The reference page lists
 *   no error codes; Graph answers 409 for an existing installation, and a
 *   caller must treat it as "installed" and go on to list it.
 */
export const installAppForUser: Route = (request, [userRef], context) => {
  const user = context.state.directory.findUser(userRef ?? "");
  if (user === undefined) return userNotFound(userRef ?? "");
  const parsed = parseBody(InstallBody, request.body);
  if (!parsed.ok) return parsed.answer;
  const appId = decodeURIComponent(
    (parsed.value["teamsApp@odata.bind"].split("/").pop() as string).trim(),
  );
  const apps = context.state.teamsApps;
  const app = apps.catalog.get(appId);
  if (app === undefined) {
    return graphError(404, "NotFound", `Teams app ${appId} is not in the tenant's app catalog.`);
  }
  if (onlySelf(request) && !isSelf(app, context)) {
    return graphError(
      403,
      "Forbidden",
      "The app can install only itself with TeamsAppInstallation.ReadWriteSelfForUser.All.",
    );
  }
  if (apps.isBlocked(appId, user.id)) {
    return graphError(
      403,
      "Forbidden",
      "The app is blocked for this user by the tenant's app permission policy.",
    );
  }
  if (apps.installationOf(user.id, appId) !== undefined) {
    return graphError(409, "Conflict", "App is already installed for this user.");
  }
  apps.install(user.id, appId);
  return { status: 201 };
};

/**
 * GET /users/{id}/teamwork/installedApps/{installationId}/chat: the 1:1
 * chat between the user and the app's bot, where a proactive message goes.
 */
export const installationChat: Route = (request, [userRef, installationId], context) => {
  const user = context.state.directory.findUser(userRef ?? "");
  if (user === undefined) return userNotFound(userRef ?? "");
  const apps = context.state.teamsApps;
  const installation = apps.installations.get(installationId ?? "");
  if (installation === undefined || installation.userId !== user.id) {
    return graphError(404, "NotFound", "The app installation was not found.");
  }
  const app = apps.catalog.get(installation.teamsAppId);
  const chatRoles = ["Chat.ReadBasic.All", "Chat.Read.All", "Chat.ReadWrite.All"];
  if (onlySelf(request, chatRoles) && !isSelf(app, context)) {
    return graphError(404, "NotFound", "The app installation was not found.");
  }
  return json(200, {
    "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#chats/$entity",
    id: installation.chatId,
    topic: null,
    chatType: "oneOnOne",
    tenantId: context.state.tenantId,
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(installation.chatId)}/0?tenantId=${context.state.tenantId}`,
  });
};
