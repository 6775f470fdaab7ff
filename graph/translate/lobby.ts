import type * as MG from "@microsoft/microsoft-graph-types";
import type { LobbySettings } from "../../ports/calendar";

/**
 * The port's LobbySettings ↔ the onlineMeeting fields Graph uses for them.
 * Leicestershire: nobody from outside the organisation bypasses the lobby, the chair
 * (organiser and co-organisers) admits, chat is off, nothing is recorded.
 */

export interface OnlineMeetingSettingsPatch {
  lobbyBypassSettings: { scope: string; isDialInBypassEnabled: boolean };
  allowedLobbyAdmitters: string;
  allowMeetingChat: string;
  allowRecording: boolean;
  allowTranscription: boolean;
  allowedPresenters: string;
  isEntryExitAnnounced: boolean;
  recordAutomatically: boolean;
}

export function toSettingsPatch(settings: LobbySettings): OnlineMeetingSettingsPatch {
  const patch = {
    // lobbyBypassSettings is a complex value: Graph replaces it whole, so
    // both of its fields go every time.
    lobbyBypassSettings: {
      scope: settings.lobbyScope as MG.LobbyBypassScope,
      isDialInBypassEnabled: settings.isDialInBypassEnabled,
    },
    allowedLobbyAdmitters: settings.allowedLobbyAdmitters as MG.AllowedLobbyAdmitterRoles,
    allowMeetingChat: settings.allowMeetingChat as MG.MeetingChatMode,
    allowRecording: settings.allowRecording,
    allowTranscription: settings.allowTranscription,
    allowedPresenters: settings.allowedPresenters as MG.OnlineMeetingPresenters,
    isEntryExitAnnounced: settings.isEntryExitAnnounced,
    // onlineMeeting.recordAutomatically: Teams records from the start; with
    // allowRecording it is how a conference agreed for recording is recorded
    // (https://learn.microsoft.com/en-us/graph/api/resources/onlinemeeting).
    recordAutomatically: settings.recordAutomatically,
  } satisfies MG.OnlineMeeting;
  return patch;
}

/** What Graph answered for the meeting, as the port's LobbySettings (missing → undefined). */
export type ReadSettings = { [K in keyof LobbySettings]: LobbySettings[K] | undefined };

export interface OnlineMeetingSettingsRead {
  lobbyBypassSettings?: { scope?: string | null; isDialInBypassEnabled?: boolean | null } | null;
  allowedLobbyAdmitters?: string | null;
  allowMeetingChat?: string | null;
  allowRecording?: boolean | null;
  allowTranscription?: boolean | null;
  allowedPresenters?: string | null;
  isEntryExitAnnounced?: boolean | null;
  recordAutomatically?: boolean | null;
}

export function fromOnlineMeeting(meeting: OnlineMeetingSettingsRead): ReadSettings {
  return {
    lobbyScope: meeting.lobbyBypassSettings?.scope ?? undefined,
    isDialInBypassEnabled: meeting.lobbyBypassSettings?.isDialInBypassEnabled ?? undefined,
    allowedLobbyAdmitters: meeting.allowedLobbyAdmitters ?? undefined,
    allowMeetingChat: meeting.allowMeetingChat ?? undefined,
    allowRecording: meeting.allowRecording ?? undefined,
    allowTranscription: meeting.allowTranscription ?? undefined,
    allowedPresenters: meeting.allowedPresenters ?? undefined,
    isEntryExitAnnounced: meeting.isEntryExitAnnounced ?? undefined,
    // Graph may leave it out when it was never set: unset is false.
    recordAutomatically: meeting.recordAutomatically ?? false,
  };
}

/**
 * The settings that did not hold, by name (never by value: a name is safe
 * to log). A missing value counts as not held. "unknownFutureValue" is what
 * Graph reads back for an evolvable enum member when the request lacked
 * `Prefer: include-unknown-enum-members`, and it does not count either.
 */
export function settingsNotHeld(
  actual: ReadSettings,
  required: LobbySettings,
): (keyof LobbySettings)[] {
  return (Object.keys(required) as (keyof LobbySettings)[]).filter(
    (key) => actual[key] !== required[key],
  );
}
