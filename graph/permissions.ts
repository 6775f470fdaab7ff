/**
 * Every Microsoft Graph call Convene makes (or is about to make), with the
 * application permissions Microsoft's reference page lists for it. Any one
 * permission of a row's `permissions` lets the call through; the first is
 * the least privileged one the page names. Read by the local Graph (which
 * refuses a call with 403 when the token's `roles` claim holds none of
 * them), by the tenant-setup documentation and by the health check.
 *
 * Least privilege: CONVENE_APPLICATION_PERMISSIONS is the smallest set that
 * covers every row (graph/permissions.test.ts proves each member is needed).
 */

/** Which part of Microsoft 365 answers the call (its 403 body differs). */
export type GraphWorkload = "outlook" | "teams" | "directory" | "places" | "subscriptions";

export interface GraphCall {
  /** Stable name, used by the local Graph's route table. */
  id: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The path after /v1.0, `{…}` for a segment that varies. */
  path: string;
  /** Application permissions, least privileged first; any one suffices. */
  permissions: readonly string[];
  workload: GraphWorkload;
  /** The Microsoft Learn page the permissions come from. */
  reference: string;
  /** Where the page says more (or less) than the table shows. */
  note?: string;
}

export const GRAPH_CALLS = [
  {
    id: "event.create",
    method: "POST",
    path: "/users/{mailbox}/events",
    permissions: ["Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/user-post-events",
  },
  {
    id: "event.get",
    method: "GET",
    path: "/users/{mailbox}/events/{id}",
    permissions: ["Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/event-get",
  },
  {
    id: "event.update",
    method: "PATCH",
    path: "/users/{mailbox}/events/{id}",
    permissions: ["Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/event-update",
  },
  {
    id: "event.cancel",
    method: "POST",
    path: "/users/{mailbox}/events/{id}/cancel",
    permissions: ["Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/event-cancel",
  },
  {
    id: "schedule.get",
    method: "POST",
    path: "/users/{mailbox}/calendar/getSchedule",
    permissions: ["Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/calendar-getschedule",
  },
  {
    id: "onlineMeeting.find",
    method: "GET",
    path: "/users/{mailbox}/onlineMeetings",
    permissions: ["OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All"],
    workload: "teams",
    reference: "https://learn.microsoft.com/en-us/graph/api/onlinemeeting-get",
    note: "An application also needs an application access policy for the organiser (Grant-CsApplicationAccessPolicy).",
  },
  {
    id: "onlineMeeting.get",
    method: "GET",
    path: "/users/{mailbox}/onlineMeetings/{id}",
    permissions: ["OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All"],
    workload: "teams",
    reference: "https://learn.microsoft.com/en-us/graph/api/onlinemeeting-get",
    note: "An application also needs an application access policy for the organiser.",
  },
  {
    id: "onlineMeeting.update",
    method: "PATCH",
    path: "/users/{mailbox}/onlineMeetings/{id}",
    permissions: ["OnlineMeetings.ReadWrite.All"],
    workload: "teams",
    reference: "https://learn.microsoft.com/en-us/graph/api/onlinemeeting-update",
    note: "An application also needs an application access policy for the organiser.",
  },
  {
    id: "mail.send",
    method: "POST",
    path: "/users/{mailbox}/sendMail",
    permissions: ["Mail.Send"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/user-sendmail",
  },
  {
    id: "mail.findSent",
    method: "GET",
    path: "/users/{mailbox}/mailFolders/sentitems/messages",
    // Mail.ReadBasic.All is the page's least privileged permission, but it
    // excludes extended properties, and Convene finds a sent message by one.
    permissions: ["Mail.Read", "Mail.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/user-list-messages",
    note: "Mail.ReadBasic.All reads no extended property (https://learn.microsoft.com/en-us/graph/permissions-reference#mailreadbasicall); scope Mail.Read to the service mailbox with an Exchange application access policy.",
  },
  {
    id: "subscription.create",
    method: "POST",
    path: "/subscriptions",
    permissions: ["Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"],
    workload: "subscriptions",
    reference: "https://learn.microsoft.com/en-us/graph/api/subscription-post-subscriptions",
    note: "The permission depends on the resource: these are an Outlook event's.",
  },
  {
    id: "user.get",
    method: "GET",
    path: "/users/{user}",
    permissions: ["User.Read.All", "Directory.Read.All"],
    workload: "directory",
    reference: "https://learn.microsoft.com/en-us/graph/api/user-get",
    note: "User.ReadBasic.All would do for the basic profile only; Convene reads department.",
  },
  {
    id: "user.manager",
    method: "GET",
    path: "/users/{user}/manager",
    permissions: ["User.Read.All", "Directory.Read.All"],
    workload: "directory",
    reference: "https://learn.microsoft.com/en-us/graph/api/user-list-manager",
  },
  {
    id: "group.transitiveMembers",
    method: "GET",
    path: "/groups/{id}/transitiveMembers",
    permissions: [
      "GroupMember.Read.All",
      "Directory.Read.All",
      "Group.Read.All",
      "Group.ReadWrite.All",
      "GroupMember.ReadWrite.All",
    ],
    workload: "directory",
    reference: "https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers",
    note: "Members the app may not read (users without User.Read.All) come back with @odata.type and id only.",
  },
  {
    id: "teamsApp.listForUser",
    method: "GET",
    path: "/users/{user}/teamwork/installedApps",
    permissions: [
      "TeamsAppInstallation.ReadSelfForUser.All",
      "TeamsAppInstallation.ReadWriteSelfForUser.All",
      "TeamsAppInstallation.ReadForUser.All",
      "TeamsAppInstallation.ReadWriteForUser.All",
    ],
    workload: "teams",
    reference: "https://learn.microsoft.com/en-us/graph/api/userteamwork-list-installedapps",
    note: "The Self permissions see only the calling app's own installation.",
  },
  {
    id: "teamsApp.installForUser",
    method: "POST",
    path: "/users/{user}/teamwork/installedApps",
    permissions: [
      "TeamsAppInstallation.ReadWriteSelfForUser.All",
      "TeamsAppInstallation.ReadWriteForUser.All",
      "TeamsAppInstallation.ReadWriteAndConsentSelfForUser.All",
      "TeamsAppInstallation.ReadWriteAndConsentForUser.All",
    ],
    workload: "teams",
    reference: "https://learn.microsoft.com/en-us/graph/api/userteamwork-post-installedapps",
    note: "The Self permission installs only the calling app itself.",
  },
  {
    id: "teamsApp.chatForUser",
    method: "GET",
    path: "/users/{user}/teamwork/installedApps/{id}/chat",
    permissions: [
      "TeamsAppInstallation.ReadSelfForUser.All",
      "TeamsAppInstallation.ReadWriteSelfForUser.All",
      "TeamsAppInstallation.ReadForUser.All",
      "TeamsAppInstallation.ReadWriteForUser.All",
      "Chat.ReadBasic.All",
      "Chat.Read.All",
      "Chat.ReadWrite.All",
    ],
    workload: "teams",
    reference: "https://learn.microsoft.com/en-us/graph/api/userscopeteamsappinstallation-get-chat",
  },
  {
    id: "place.listRooms",
    method: "GET",
    path: "/places/microsoft.graph.room",
    permissions: ["Place.Read.All", "Place.ReadWrite.All"],
    workload: "places",
    reference: "https://learn.microsoft.com/en-us/graph/api/place-list",
  },
] as const satisfies readonly GraphCall[];

export type GraphCallId = (typeof GRAPH_CALLS)[number]["id"];

/**
 * What Convene's app registration is granted: one permission per need, the
 * least privileged that covers it (Calendars.ReadWrite also covers the
 * calendar reads; TeamsAppInstallation.ReadWriteSelfForUser.All the
 * installation reads).
 */
export const CONVENE_APPLICATION_PERMISSIONS = [
  "Calendars.ReadWrite",
  "OnlineMeetings.ReadWrite.All",
  "Mail.Send",
  "Mail.Read",
  "User.Read.All",
  "GroupMember.Read.All",
  "TeamsAppInstallation.ReadWriteSelfForUser.All",
  "Place.Read.All",
] as const;

export function graphCall(id: GraphCallId): GraphCall {
  const call = GRAPH_CALLS.find((c) => c.id === id);
  if (call === undefined) throw new Error(`no Graph call ${id}`);
  return call;
}

/** Whether `roles` (a token's `roles` claim) lets `call` through. */
export function isAllowed(call: GraphCall, roles: ReadonlySet<string>): boolean {
  return call.permissions.some((p) => roles.has(p));
}

/** The calls `granted` does not cover (empty: every call Convene makes is allowed). */
export function uncoveredCalls(granted: Iterable<string>): GraphCall[] {
  const roles = new Set(granted);
  return GRAPH_CALLS.filter((c) => !isAllowed(c, roles));
}
