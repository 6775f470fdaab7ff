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
  /** Why Convene makes the call, in a sentence (docs/permissions.md). */
  purpose: string;
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
    purpose:
      "Books a conference: the organiser's Outlook event with its Teams meeting, inviting the people on the invite list.",
    method: "POST",
    path: "/users/{mailbox}/events",
    permissions: ["Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/user-post-events",
  },
  {
    id: "event.get",
    purpose:
      "Reads an event back: the Teams join link once it exists, attendees' replies, and at go-live an event booked before Convene that the import links.",
    method: "GET",
    path: "/users/{mailbox}/events/{id}",
    permissions: ["Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/event-get",
  },
  {
    id: "event.update",
    purpose: "Moves a conference to another slot or changes who is invited.",
    method: "PATCH",
    path: "/users/{mailbox}/events/{id}",
    permissions: ["Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/event-update",
  },
  {
    id: "event.cancel",
    purpose: "Stands a conference down, telling every attendee.",
    method: "POST",
    path: "/users/{mailbox}/events/{id}/cancel",
    permissions: ["Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/event-cancel",
  },
  {
    id: "schedule.get",
    purpose: "Finds slots where the chair and a room are free (free/busy only).",
    method: "POST",
    path: "/users/{mailbox}/calendar/getSchedule",
    permissions: ["Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/calendar-getschedule",
  },
  {
    id: "onlineMeeting.find",
    purpose: "Finds the Teams meeting behind an event by its join link, to lock its lobby.",
    method: "GET",
    path: "/users/{mailbox}/onlineMeetings",
    permissions: ["OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All"],
    workload: "teams",
    reference: "https://learn.microsoft.com/en-us/graph/api/onlinemeeting-get",
    note: "An application also needs an application access policy for the organiser (Grant-CsApplicationAccessPolicy).",
  },
  {
    id: "onlineMeeting.get",
    purpose: "Reads the meeting's lobby, presenter and recording settings back to check them.",
    method: "GET",
    path: "/users/{mailbox}/onlineMeetings/{id}",
    permissions: ["OnlineMeetings.Read.All", "OnlineMeetings.ReadWrite.All"],
    workload: "teams",
    reference: "https://learn.microsoft.com/en-us/graph/api/onlinemeeting-get",
    note: "An application also needs an application access policy for the organiser.",
  },
  {
    id: "onlineMeeting.update",
    purpose: "Sets who waits in the lobby, who may present, co-organisers and recording.",
    method: "PATCH",
    path: "/users/{mailbox}/onlineMeetings/{id}",
    permissions: ["OnlineMeetings.ReadWrite.All"],
    workload: "teams",
    reference: "https://learn.microsoft.com/en-us/graph/api/onlinemeeting-update",
    note: "An application also needs an application access policy for the organiser.",
  },
  {
    id: "mail.send",
    purpose:
      "Sends invitations, reminders and lists by email (to families and agencies outside Teams).",
    method: "POST",
    path: "/users/{mailbox}/sendMail",
    permissions: ["Mail.Send"],
    workload: "outlook",
    reference: "https://learn.microsoft.com/en-us/graph/api/user-sendmail",
  },
  {
    id: "mail.findSent",
    purpose:
      "After a lost answer, looks in Sent Items for the message first, so nobody gets an email twice.",
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
    purpose:
      "Asks Graph to notify Convene when the organiser's events change (attendees' replies).",
    method: "POST",
    path: "/subscriptions",
    permissions: ["Calendars.ReadBasic", "Calendars.Read", "Calendars.ReadWrite"],
    workload: "subscriptions",
    reference: "https://learn.microsoft.com/en-us/graph/api/subscription-post-subscriptions",
    note: "The permission depends on the resource: these are an Outlook event's.",
  },
  {
    id: "user.get",
    purpose: "Reads a member of staff's name, email and team (department).",
    method: "GET",
    path: "/users/{user}",
    permissions: ["User.Read.All", "Directory.Read.All"],
    workload: "directory",
    reference: "https://learn.microsoft.com/en-us/graph/api/user-get",
    note: "User.ReadBasic.All would do for the basic profile only; Convene reads department.",
  },
  {
    id: "user.manager",
    purpose: "Finds a member of staff's line manager, who escalations go to.",
    method: "GET",
    path: "/users/{user}/manager",
    permissions: ["User.Read.All", "Directory.Read.All"],
    workload: "directory",
    reference: "https://learn.microsoft.com/en-us/graph/api/user-list-manager",
  },
  {
    id: "group.transitiveMembers",
    purpose:
      "Reads the staff groups' members (nested groups included) to know who holds which role.",
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
    purpose: "Checks whether Convene is installed for someone before a card is sent to them.",
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
    purpose: "Installs Convene for a member of staff so a card can reach them in Teams.",
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
    purpose: "Finds the 1:1 chat with someone Convene was installed for, to send the first card.",
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
    purpose: "Lists the council's room mailboxes to offer rooms for meetings in person.",
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

/**
 * The mailbox permissions. Exchange Online scopes these to named mailboxes
 * with RBAC for Applications, whose grants are independent of (and do not
 * narrow) an unscoped grant in Entra ID
 * (https://learn.microsoft.com/en-us/graph/auth-limit-mailbox-access), so
 * scripts/tenant-setup.ps1 grants them there, scoped to the organiser and
 * the rooms, and not in Entra ID; they are then absent from the token's
 * `roles` claim and `convene doctor` checks them with a call instead.
 */
export const EXCHANGE_SCOPED_PERMISSIONS = [
  "Calendars.ReadWrite",
  "Mail.Send",
  "Mail.Read",
] as const;

export type ConvenePermission = (typeof CONVENE_APPLICATION_PERMISSIONS)[number];

/** Why each granted permission, and not a wider one (docs/permissions.md). */
export const PERMISSION_REASONS: Readonly<Record<ConvenePermission, string>> = {
  "Calendars.ReadWrite":
    "Convene creates, moves and cancels the organiser's events; the same permission covers reading them, free/busy and event subscriptions. Scope it to the organiser and the rooms with Exchange RBAC for Applications.",
  "OnlineMeetings.ReadWrite.All":
    "Convene locks each conference's lobby and sets presenters and recording. Useless without the Teams application access policy for the organiser.",
  "Mail.Send":
    "Invitations and reminders go by email from the organiser mailbox. Scope it to the organiser with Exchange RBAC for Applications.",
  "Mail.Read":
    "Finding a sent message by Convene's own extended property (Mail.ReadBasic.All reads none). Scope it to the organiser with Exchange RBAC for Applications.",
  "User.Read.All":
    "Staff names, emails, team (department) and line manager; User.ReadBasic.All has no department or manager.",
  "GroupMember.Read.All":
    "The members of the staff groups; narrower than Group.Read.All or Directory.Read.All.",
  "TeamsAppInstallation.ReadWriteSelfForUser.All":
    "Installs, finds and opens the chat of Convene itself only, never another app.",
  "Place.Read.All": "Lists room mailboxes; read only.",
};

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
