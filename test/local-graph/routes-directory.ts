import type { DirectoryGroup, DirectoryUser } from "./directory";
import { graphError, json, type FakeRequest, type Route } from "./http-types";

/**
 * What GET /users/{id} returns without $select: a default set, which does
 * NOT include department (or manager): "By default, only a limited set of
 * properties are returned ... To return an alternative property set, you
 * must specify the desired set of user properties using $select"
 * (https://learn.microsoft.com/en-us/graph/api/user-get).
 */
export const DEFAULT_USER_PROPERTIES = [
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "id",
] as const;
const SELECTABLE = new Set<string>([...DEFAULT_USER_PROPERTIES, "department", "accountEnabled"]);
/** The basic profile User.ReadBasic.All reads (https://learn.microsoft.com/en-us/graph/permissions-reference#userreadbasicall). */
const BASIC = new Set(["displayName", "givenName", "surname", "mail", "userPrincipalName", "id"]);

/** Default 100, at most 999 directory objects a page (https://learn.microsoft.com/en-us/graph/paging). */
export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 999;

function selected(request: FakeRequest): string[] | ReturnType<typeof graphError> {
  const select = request.query.get("$select");
  if (select === null) return [...DEFAULT_USER_PROPERTIES];
  const wanted = select.split(",").map((p) => p.trim());
  const unknown = wanted.find((p) => !SELECTABLE.has(p));
  if (unknown !== undefined) {
    return graphError(
      400,
      "Request_BadRequest",
      `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
    );
  }
  return wanted.includes("id") ? wanted : [...wanted, "id"];
}

/**
 * A user as the caller may see it. With User.Read.All (or
 * Directory.Read.All) everything; with User.ReadBasic.All the basic
 * profile, the rest null; with neither (a member list read on
 * GroupMember.Read.All alone) only @odata.type and id, the rest null:
 * "Limited information returned for inaccessible member objects"
 * (https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers,
 * https://learn.microsoft.com/en-us/graph/permissions-overview#limited-information-returned-for-inaccessible-member-objects).
 */
function userJson(
  user: DirectoryUser,
  properties: readonly string[],
  roles: ReadonlySet<string>,
): Record<string, unknown> {
  const full = roles.has("User.Read.All") || roles.has("Directory.Read.All");
  const basic = full || roles.has("User.ReadBasic.All");
  const values: Record<string, unknown> = {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName ?? null,
    jobTitle: user.jobTitle ?? null,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: user.officeLocation ?? null,
    preferredLanguage: null,
    surname: user.surname ?? null,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    department: user.department ?? null,
    accountEnabled: true,
  };
  const out: Record<string, unknown> = { "@odata.type": "#microsoft.graph.user" };
  for (const p of properties) {
    const visible = p === "id" || full || (basic && BASIC.has(p));
    out[p] = visible ? values[p] : null;
  }
  return out;
}

function groupJson(group: DirectoryGroup): Record<string, unknown> {
  return {
    "@odata.type": "#microsoft.graph.group",
    id: group.id,
    displayName: group.displayName,
    securityEnabled: group.securityEnabled,
    mailEnabled: group.mailEnabled,
  };
}

function notFound(what: string) {
  return graphError(
    404,
    "Request_ResourceNotFound",
    `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
  );
}

/** GET /users/{id | userPrincipalName}[?$select=…]. */
export const getUser: Route = (request, [idOrUpn], { state }) => {
  const user = state.directory.findUser(idOrUpn ?? "");
  if (user === undefined) return notFound(idOrUpn ?? "");
  const properties = selected(request);
  if (!Array.isArray(properties)) return properties;
  return json(200, userJson(user, properties, request.roles));
};

/**
 * GET /users/{id}/manager: the manager as a directoryObject; 404 when the
 * user has none (https://learn.microsoft.com/en-us/graph/api/user-list-manager).
 */
export const getManager: Route = (request, [idOrUpn], { state }) => {
  const user = state.directory.findUser(idOrUpn ?? "");
  if (user === undefined) return notFound(idOrUpn ?? "");
  const manager =
    user.managerId === undefined ? undefined : state.directory.users.get(user.managerId);
  if (manager === undefined) return notFound("manager");
  const properties = selected(request);
  if (!Array.isArray(properties)) return properties;
  return json(200, userJson(manager, properties, request.roles));
};

/**
 * GET /groups/{id}/transitiveMembers[/microsoft.graph.user][?$top=&$select=]:
 * every nested member, flat, in pages of $top (100 by default, at most
 * 999), each page but the last with an @odata.nextLink to the next
 * (https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers,
 * https://learn.microsoft.com/en-us/graph/paging). The cast keeps users only.
 */
export const listTransitiveMembers: Route = (request, [groupId, cast], context) => {
  const group = context.state.directory.groups.get(groupId ?? "");
  if (group === undefined) return notFound(groupId ?? "");
  const topText = request.query.get("$top");
  const top = topText === null ? DEFAULT_PAGE_SIZE : Number(topText);
  if (!Number.isInteger(top) || top < 1 || top > MAX_PAGE_SIZE) {
    return graphError(400, "Request_BadRequest", "Invalid page size specified: '" + topText + "'.");
  }
  let offset = 0;
  const token = request.query.get("$skiptoken");
  if (token !== null) {
    const decoded = decodeSkipToken(token, groupId ?? "");
    if (decoded === undefined) {
      return graphError(
        400,
        "Directory_ExpiredPageToken",
        "The specified page token value has expired and can no longer be included in your request.",
      );
    }
    offset = decoded;
  }
  const properties = selected(request);
  if (!Array.isArray(properties)) return properties;
  const members = context.state.directory
    .transitiveMembers(groupId ?? "")
    .filter((m) => cast === "" || cast === undefined || "userPrincipalName" in m);
  const page = members.slice(offset, offset + top);
  const next = offset + top < members.length ? offset + top : undefined;
  const body: Record<string, unknown> = {
    "@odata.context": `https://graph.microsoft.com/v1.0/$metadata#directoryObjects`,
    value: page.map((m) =>
      "userPrincipalName" in m ? userJson(m, properties, request.roles) : groupJson(m),
    ),
  };
  if (next !== undefined) {
    const query = new URLSearchParams(request.query);
    query.set("$top", String(top));
    query.set("$skiptoken", encodeSkipToken(next, groupId ?? ""));
    body["@odata.nextLink"] = `${context.origin()}/v1.0${request.rawPath}?${query.toString()}`;
  }
  return json(200, body);
};

/** Opaque to the client, as Graph's are: it must follow nextLink, not build one. */
function encodeSkipToken(offset: number, groupId: string): string {
  return Buffer.from(JSON.stringify({ o: offset, g: groupId })).toString("base64url");
}

function decodeSkipToken(token: string, groupId: string): number | undefined {
  try {
    const parsed = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
      o?: unknown;
      g?: unknown;
    };
    return typeof parsed.o === "number" && parsed.g === groupId ? parsed.o : undefined;
  } catch {
    return undefined;
  }
}
