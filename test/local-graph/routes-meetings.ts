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
import type { MeetingSettings, StoredMeeting } from "./state";

/** GET /users/{m}/onlineMeetings?$filter=JoinWebUrl eq '...': the only filter Graph allows here. */
export const findMeetings: Route = (request, [mailbox], { state }) => {
  const filter = request.query.get("$filter");
  const match = filter === null ? null : /^JoinWebUrl eq '((?:[^']|'')*)'$/i.exec(filter);
  if (match === null) {
    return graphError(400, "BadRequest", "a $filter on JoinWebUrl is required");
  }
  const url = (match[1] as string).replace(/''/g, "'");
  const owner = mailbox?.toLowerCase();
  const found = [...state.meetings.values()].filter(
    (m) => m.mailbox === owner && m.joinWebUrl === url && !state.events.get(m.eventId)?.cancelled,
  );
  return json(200, { value: found.map((m) => meetingJson(m, m.settings, request)) });
};

export const getMeeting: Route = (request, [mailbox, id], { state }) => {
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
  const after: MeetingSettings = {
    lobbyBypassSettings: patch.lobbyBypassSettings ?? before.lobbyBypassSettings,
    allowedLobbyAdmitters: patch.allowedLobbyAdmitters ?? before.allowedLobbyAdmitters,
    allowMeetingChat: patch.allowMeetingChat ?? before.allowMeetingChat,
    allowRecording: patch.allowRecording ?? before.allowRecording,
    allowTranscription: patch.allowTranscription ?? before.allowTranscription,
    allowedPresenters: patch.allowedPresenters ?? before.allowedPresenters,
    isEntryExitAnnounced: patch.isEntryExitAnnounced ?? before.isEntryExitAnnounced,
  };
  const answered = revert(after, before, (key) => forget.get(key) === "patch");
  const kept = revert(after, before, (key) => forget.has(key));
  meeting.settings = kept;
  meeting.patchCount++;
  return json(200, meetingJson(meeting, answered, request));
};

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
  };
}
