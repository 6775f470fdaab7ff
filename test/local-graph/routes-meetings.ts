import { LATE_LOBBY_SCOPES, OnlineMeetingPatch } from "./schemas";
import {
  graphError,
  json,
  parseBody,
  prefersUnknownEnums,
  type FakeRequest,
  type ForgettableSetting,
  type Route,
} from "./http-types";
import { visibleRole, type Participant } from "./meeting-roles";
import type { GraphState, MeetingSettings, StoredMeeting } from "./state";

/**
 * An app reaches a user's online meetings only where a Teams application
 * access policy grants it that user (or the whole tenant); otherwise 403.
 * https://learn.microsoft.com/en-us/graph/cloud-communication-online-meeting-application-access-policy
 */
function refusedByAccessPolicy(state: GraphState, mailbox: string | undefined) {
  const policy = state.meetingAccessPolicy;
  if (policy === "global" || policy.has((mailbox ?? "").toLowerCase())) return undefined;
  return graphError(403, "Forbidden", "No application access policy found for this app.");
}

/** GET /users/{m}/onlineMeetings?$filter=JoinWebUrl eq '...': the only filter Graph allows here. */
export const findMeetings: Route = (request, [mailbox], { state }) => {
  const filter = request.query.get("$filter");
  const match = filter === null ? null : /^JoinWebUrl eq '((?:[^']|'')*)'$/i.exec(filter);
  if (match === null) {
    return graphError(400, "BadRequest", "a $filter on JoinWebUrl is required");
  }
  const refused = refusedByAccessPolicy(state, mailbox);
  if (refused !== undefined) return refused;
  const url = (match[1] as string).replace(/''/g, "'");
  const owner = mailbox?.toLowerCase();
  const found = [...state.meetings.values()].filter(
    (m) => m.mailbox === owner && m.joinWebUrl === url && !state.events.get(m.eventId)?.cancelled,
  );
  return json(200, { value: found.map((m) => meetingJson(m, m.settings, request)) });
};

export const getMeeting: Route = (request, [mailbox, id], { state }) => {
  const refused = refusedByAccessPolicy(state, mailbox);
  if (refused !== undefined) return refused;
  const meeting = findMeeting(state.meetings, mailbox, id);
  if (meeting === undefined) return notFound();
  return json(200, meetingJson(meeting, meeting.settings, request));
};

/**
 * PATCH /users/{m}/onlineMeetings/{id}. As Graph: a value of an evolvable
 * enum that comes after unknownFutureValue (organizationExcludingGuests) is
 * refused without `Prefer: include-unknown-enum-members`.
 */
export const patchMeeting: Route = (request, [mailbox, id], { state, forget }) => {
  const refused = refusedByAccessPolicy(state, mailbox);
  if (refused !== undefined) return refused;
  const meeting = findMeeting(state.meetings, mailbox, id);
  if (meeting === undefined) return notFound();
  const parsed = parseBody(OnlineMeetingPatch, request.body);
  if (!parsed.ok) return parsed.answer;
  const patch = parsed.value;
  const scope = patch.lobbyBypassSettings?.scope;
  if (scope !== undefined && LATE_LOBBY_SCOPES.includes(scope) && !prefersUnknownEnums(request)) {
    return graphError(
      400,
      "BadRequest",
      `lobbyBypassSettings.scope '${scope}' needs Prefer: include-unknown-enum-members`,
    );
  }
  const before = meeting.settings;
  const presenters = patch.allowedPresenters ?? before.allowedPresenters;
  const participants = participantsAfter(meeting, patch.participants, presenters, request);
  if ("status" in participants) return participants;
  const after: MeetingSettings = {
    lobbyBypassSettings: patch.lobbyBypassSettings ?? before.lobbyBypassSettings,
    allowedLobbyAdmitters: patch.allowedLobbyAdmitters ?? before.allowedLobbyAdmitters,
    allowMeetingChat: patch.allowMeetingChat ?? before.allowMeetingChat,
    allowRecording: patch.allowRecording ?? before.allowRecording,
    allowTranscription: patch.allowTranscription ?? before.allowTranscription,
    allowedPresenters: patch.allowedPresenters ?? before.allowedPresenters,
    isEntryExitAnnounced: patch.isEntryExitAnnounced ?? before.isEntryExitAnnounced,
    recordAutomatically: patch.recordAutomatically ?? before.recordAutomatically,
  };
  const answered = revert(after, before, (key) => forget.get(key) === "patch");
  const kept = revert(after, before, (key) => forget.has(key));
  meeting.settings = kept;
  meeting.participants = participants.value;
  meeting.patchCount++;
  return json(200, meetingJson(meeting, answered, request));
};

/**
 * participants in a PATCH. participants is a complex property, attendees a
 * collection in it: OData updates the properties a complex value names and
 * replaces a collection whole, so the attendees sent are the attendees
 * after, and anyone left out is no longer a participant
 * (https://docs.oasis-open.org/odata/odata/v4.01/odata-v4.01-part1-protocol.html#sec_UpdateanEntity;
 * https://learn.microsoft.com/en-us/graph/api/onlinemeeting-update).
 * - The organiser cannot change: 400 if another is named (Microsoft
 *   documents nothing; strictest reading).
 * - coorganizer (after unknownFutureValue in the evolvable enum) needs
 *   `Prefer: include-unknown-enum-members`, as the lobby scopes do; producer
 *   is for Teams live events only; unknownFutureValue is "Don't use": 400
 *   (https://learn.microsoft.com/en-us/graph/api/resources/meetingparticipantinfo).
 * - presenter applies only with allowedPresenters roleIsPresenter (the
 *   page's tip). What Graph does otherwise is not documented; strictest
 *   reading: the role does not take, the person stays an attendee.
 * - No role: attendee.
 */
function participantsAfter(
  meeting: StoredMeeting,
  patch: { attendees?: { upn: string; role?: string }[]; organizer?: { upn: string } } | undefined,
  allowedPresenters: string,
  request: FakeRequest,
): { value: Participant[] } | ReturnType<typeof graphError> {
  if (patch === undefined) return { value: meeting.participants };
  if (
    patch.organizer !== undefined &&
    patch.organizer.upn.toLowerCase() !== meeting.mailbox.toLowerCase()
  ) {
    return graphError(400, "BadRequest", "the organizer of a meeting cannot be changed");
  }
  if (patch.attendees === undefined) return { value: meeting.participants };
  const out: Participant[] = [];
  for (const a of patch.attendees) {
    const upn = a.upn.toLowerCase();
    if (out.some((p) => p.upn === upn)) {
      return graphError(400, "BadRequest", `participant ${a.upn} is listed twice`);
    }
    const role = a.role ?? "attendee";
    if (role === "producer" || role === "unknownFutureValue") {
      return graphError(400, "BadRequest", `role '${role}' cannot be set on this meeting`);
    }
    if (role === "coorganizer" && !prefersUnknownEnums(request)) {
      return graphError(
        400,
        "BadRequest",
        "role 'coorganizer' needs Prefer: include-unknown-enum-members",
      );
    }
    const kept =
      role === "presenter" && allowedPresenters !== "roleIsPresenter" ? "attendee" : role;
    out.push({ upn, role: kept as Participant["role"] });
  }
  return { value: out };
}

function revert(
  after: MeetingSettings,
  before: MeetingSettings,
  forgotten: (key: ForgettableSetting) => boolean,
): MeetingSettings {
  const out = { ...after };
  for (const key of Object.keys(out) as ForgettableSetting[]) {
    if (forgotten(key)) (out as Record<string, unknown>)[key] = before[key];
  }
  return out;
}

function findMeeting(
  meetings: Map<string, StoredMeeting>,
  mailbox: string | undefined,
  id: string | undefined,
): StoredMeeting | undefined {
  const meeting = id === undefined ? undefined : meetings.get(id);
  return meeting !== undefined && meeting.mailbox === mailbox?.toLowerCase() ? meeting : undefined;
}

function notFound() {
  return graphError(404, "NotFound", "online meeting not found");
}

/** Without the Prefer header, late enum members read back as "unknownFutureValue", as in Graph. */
function meetingJson(meeting: StoredMeeting, settings: MeetingSettings, request: FakeRequest) {
  const scope = settings.lobbyBypassSettings.scope;
  const visibleScope =
    LATE_LOBBY_SCOPES.includes(scope) && !prefersUnknownEnums(request)
      ? "unknownFutureValue"
      : scope;
  return {
    id: meeting.id,
    joinWebUrl: meeting.joinWebUrl,
    subject: meeting.subject,
    ...settings,
    lobbyBypassSettings: { ...settings.lobbyBypassSettings, scope: visibleScope },
    audioConferencing: meeting.audioConferencing,
    participants: {
      // Graph shows the organiser of a Teams meeting as a presenter.
      organizer: { upn: meeting.mailbox, role: "presenter" },
      attendees: meeting.participants.map((p) => ({
        upn: p.upn,
        role: visibleRole(p.role, prefersUnknownEnums(request)),
      })),
    },
  };
}
