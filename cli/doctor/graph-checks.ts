import type { TokenCredential } from "@azure/identity";
import type { CalendarConfig } from "../../app/config";
import { createCredential, GRAPH_SCOPE } from "../../graph/auth";
import { createHttpsFetch, type FetchLike } from "../../graph/http/https-fetch";
import {
  CONVENE_APPLICATION_PERMISSIONS,
  EXCHANGE_SCOPED_PERMISSIONS,
  GRAPH_CALLS,
} from "../../graph/permissions";
import { errorName, fail, pass, warn, type CheckResult } from "./check";

export interface GraphCheckDeps {
  /** Tests: the local Graph's token endpoint instead of Entra ID. */
  authorityHost?: string;
  /** Tests: the local Graph's certificate. */
  ca?: string;
}

export interface GraphTargets {
  organizer: string;
  rooms: readonly string[];
  /** Staff groups by name (the authority file's staffGroups), when staff come from Entra ID. */
  groups: Readonly<Record<string, string>>;
}

const SETUP = "run scripts/tenant-setup.ps1 (docs/deploy.md)";

function fixFor(permission: string, clientId: string): string {
  const scoped = (EXCHANGE_SCOPED_PERMISSIONS as readonly string[]).includes(permission);
  return scoped
    ? `assign the Exchange role "Application ${permission}" to app ${clientId} scoped to the organiser and rooms (New-ManagementRoleAssignment -App), or ${SETUP}`
    : `grant the Microsoft Graph application permission ${permission} to app ${clientId} and give admin consent, or ${SETUP}`;
}

/** The `roles` claim of an app-only token (a JWT); [] when it has none. */
export function rolesOf(token: string): string[] {
  const payload = token.split(".")[1];
  if (payload === undefined) return [];
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as {
      roles?: unknown;
    };
    return Array.isArray(claims.roles)
      ? claims.roles.filter((r): r is string => typeof r === "string")
      : [];
  } catch {
    return [];
  }
}

/**
 * Graph as the server would reach it: a token, the permissions its `roles`
 * claim carries against the table (graph/permissions.ts), the mailbox
 * permissions Exchange scopes (absent from the claim) by a read each, the
 * Teams application access policy by an online-meeting read, and the
 * organiser, rooms and staff groups the authority names.
 */
export async function graphChecks(
  config: CalendarConfig,
  targets: GraphTargets,
  deps: GraphCheckDeps = {},
): Promise<CheckResult[]> {
  if (config.kind !== "graph") {
    return [
      fail(
        "graph",
        "configured",
        "no Microsoft Graph settings: invitations would be written to OUTBOX_DIR, never sent",
        "set GRAPH_TENANT_ID, GRAPH_CLIENT_ID, GRAPH_ORGANIZER and a credential (docs/deploy.md)",
      ),
    ];
  }
  const credential: TokenCredential = createCredential(config, {
    ...(deps.authorityHost !== undefined ? { authorityHost: deps.authorityHost } : {}),
    ...(deps.ca !== undefined ? { ca: deps.ca } : {}),
  });
  let token: string;
  try {
    const got = await credential.getToken(GRAPH_SCOPE);
    if (got === null) throw new Error("no token");
    token = got.token;
  } catch (error) {
    return [
      fail(
        "graph",
        "token",
        `no Graph token for app ${config.clientId}: ${errorName(error)}`,
        "check GRAPH_TENANT_ID, GRAPH_CLIENT_ID and the secret, certificate or managed identity (an expired secret is the usual cause)",
      ),
    ];
  }
  const results: CheckResult[] = [pass("graph", "token", `a token for app ${config.clientId}`)];
  const http = createHttpsFetch({
    ...(deps.ca !== undefined ? { ca: deps.ca } : {}),
    timeoutMs: 30_000,
    ...(config.proxy !== undefined ? { proxy: config.proxy } : {}),
  });
  const call = callerFor(http.fetch, config.baseUrl, token);
  try {
    const roles = new Set(rolesOf(token));
    for (const permission of CONVENE_APPLICATION_PERMISSIONS) {
      results.push(await permissionCheck(permission, roles, call, config, targets.organizer));
    }
    const extra = [...roles].filter(
      (r) => !(CONVENE_APPLICATION_PERMISSIONS as readonly string[]).includes(r),
    );
    if (extra.length > 0) {
      results.push(
        warn(
          "graph",
          "least privilege",
          `granted beyond what Convene needs: ${extra.sort().join(", ")}`,
          "remove these application permissions unless another service uses this app registration",
        ),
      );
    }
    results.push(await accessPolicyCheck(call, targets.organizer, config.clientId));
    for (const mailbox of [targets.organizer, ...targets.rooms]) {
      results.push(
        await mailboxCheck(call, mailbox, mailbox === targets.organizer ? "organiser" : "room"),
      );
    }
    for (const [name, id] of Object.entries(targets.groups)) {
      results.push(await groupCheck(call, name, id));
    }
  } finally {
    http.close();
  }
  return results;
}

type Call = (
  method: "GET" | "POST",
  path: string,
  body?: unknown,
) => Promise<{ status: number; code?: string }>;

function callerFor(fetch: FetchLike, baseUrl: string, token: string): Call {
  return async (method, path, body) => {
    try {
      const response = await fetch(`${baseUrl}/v1.0${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
      const text = await response.text();
      let code: string | undefined;
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
      } catch {
        code = undefined;
      }
      return { status: response.status, ...(code !== undefined ? { code } : {}) };
    } catch (error) {
      return { status: 0, code: errorName(error) };
    }
  };
}

const mailboxPath = (mailbox: string): string => `/users/${encodeURIComponent(mailbox)}`;

/** A read that only a mailbox permission lets through, for a permission Exchange scopes. */
async function probeScoped(
  permission: string,
  call: Call,
  organizer: string,
): Promise<{ status: number; code?: string } | undefined> {
  if (permission === "Calendars.ReadWrite") {
    const start = new Date();
    const end = new Date(start.getTime() + 60 * 60_000);
    return call("POST", `${mailboxPath(organizer)}/calendar/getSchedule`, {
      schedules: [organizer],
      startTime: { dateTime: start.toISOString().slice(0, 19), timeZone: "UTC" },
      endTime: { dateTime: end.toISOString().slice(0, 19), timeZone: "UTC" },
      availabilityViewInterval: 60,
    });
  }
  if (permission === "Mail.Read") {
    return call(
      "GET",
      `${mailboxPath(organizer)}/mailFolders/sentitems/messages?$top=1&$select=id`,
    );
  }
  return undefined; // Mail.Send: only a send proves it
}

async function permissionCheck(
  permission: string,
  roles: ReadonlySet<string>,
  call: Call,
  config: Extract<CalendarConfig, { kind: "graph" }>,
  organizer: string,
): Promise<CheckResult> {
  const name = `permission ${permission}`;
  const needs = GRAPH_CALLS.filter((c) =>
    (c.permissions as readonly string[]).includes(permission),
  ).map((c) => c.id);
  if (roles.has(permission)) return pass("graph", name, `in the token (${needs.join(", ")})`);
  const stronger = GRAPH_CALLS.filter((c) => needs.includes(c.id)).every((c) =>
    c.permissions.some((p) => roles.has(p)),
  );
  if (stronger) {
    return warn(
      "graph",
      name,
      "not granted, but a wider permission covers its calls",
      `grant ${permission} and remove the wider one (least privilege)`,
    );
  }
  if (!(EXCHANGE_SCOPED_PERMISSIONS as readonly string[]).includes(permission)) {
    return fail(
      "graph",
      name,
      `not granted: ${needs.join(", ")} will be refused (403)`,
      fixFor(permission, config.clientId),
    );
  }
  const probe = await probeScoped(permission, call, organizer);
  if (probe === undefined) {
    return warn(
      "graph",
      name,
      "not in the token; granted through Exchange RBAC for Applications cannot be checked without sending",
      `confirm with Test-ServicePrincipalAuthorization -Identity ${config.clientId} -Resource ${organizer}`,
    );
  }
  if (probe.status >= 200 && probe.status < 300) {
    return pass(
      "graph",
      name,
      "not in the token; a read of the organiser's mailbox succeeds (Exchange RBAC for Applications)",
    );
  }
  return fail(
    "graph",
    name,
    `not granted: a read of the organiser's mailbox was refused (${probe.status} ${probe.code ?? ""})`.trim(),
    fixFor(permission, config.clientId),
  );
}

async function accessPolicyCheck(
  call: Call,
  organizer: string,
  clientId: string,
): Promise<CheckResult> {
  const filter = encodeURIComponent(
    "JoinWebUrl eq 'https://teams.microsoft.com/l/meetup-join/convene-doctor'",
  );
  const answer = await call("GET", `${mailboxPath(organizer)}/onlineMeetings?$filter=${filter}`);
  if (answer.status === 200)
    return pass(
      "graph",
      "Teams access policy",
      "an online-meeting read for the organiser is allowed",
    );
  return fail(
    "graph",
    "Teams access policy",
    `an online-meeting read for the organiser was refused (${answer.status} ${answer.code ?? ""}): every meeting Convene books would be left unlocked`.trim(),
    `New-CsApplicationAccessPolicy -Identity Convene-OnlineMeetings -AppIds ${clientId}; Grant-CsApplicationAccessPolicy -PolicyName Convene-OnlineMeetings -Identity ${organizer} (or ${SETUP}); a new policy can take up to 30 minutes`,
  );
}

async function mailboxCheck(
  call: Call,
  mailbox: string,
  role: "organiser" | "room",
): Promise<CheckResult> {
  const answer = await call("GET", `${mailboxPath(mailbox)}?$select=id`);
  const name = `${role} ${mailbox}`;
  if (answer.status === 200) return pass("authority", name, "found in the directory");
  if (answer.status === 404) {
    return fail(
      "authority",
      name,
      "not found in the directory",
      `create the ${role === "organiser" ? "shared" : "room"} mailbox or correct the authority file`,
    );
  }
  return fail(
    "authority",
    name,
    `could not be read (${answer.status} ${answer.code ?? ""})`.trim(),
    fixFor("User.Read.All", "Convene's app"),
  );
}

async function groupCheck(call: Call, name: string, id: string): Promise<CheckResult> {
  const answer = await call(
    "GET",
    `/groups/${encodeURIComponent(id)}/transitiveMembers?$top=1&$select=id`,
  );
  const label = `group ${name} (${id})`;
  if (answer.status === 200) return pass("authority", label, "found and its members can be read");
  if (answer.status === 404)
    return fail(
      "authority",
      label,
      "no such group",
      "correct staffGroups in the authority file (an Entra group's object id)",
    );
  return fail(
    "authority",
    label,
    `members could not be read (${answer.status} ${answer.code ?? ""})`.trim(),
    fixFor("GroupMember.Read.All", "Convene's app"),
  );
}
