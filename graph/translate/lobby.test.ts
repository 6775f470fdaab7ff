import { REQUIRED_LOBBY_SETTINGS } from "../../ports/calendar";
import { fromOnlineMeeting, settingsNotHeld, toSettingsPatch } from "./lobby";

const LOCKED = {
  lobbyBypassSettings: { scope: "organizationExcludingGuests", isDialInBypassEnabled: false },
  allowedLobbyAdmitters: "organizerAndCoOrganizers",
  allowMeetingChat: "disabled",
  allowRecording: false,
  allowTranscription: false,
  allowedPresenters: "organizer",
  isEntryExitAnnounced: true,
  recordAutomatically: false,
};

describe("lobby settings (Leicestershire)", () => {
  it("PATCH carries every required setting under Graph's names, lobby settings whole", () => {
    expect(toSettingsPatch(REQUIRED_LOBBY_SETTINGS)).toEqual(LOCKED);
  });

  it("reads Graph's meeting back into the port's names", () => {
    expect(fromOnlineMeeting(LOCKED)).toEqual(REQUIRED_LOBBY_SETTINGS);
    expect(settingsNotHeld(fromOnlineMeeting(LOCKED), REQUIRED_LOBBY_SETTINGS)).toEqual([]);
  });

  it("names each setting that did not hold", () => {
    const chatOn = { ...LOCKED, allowMeetingChat: "enabled", allowRecording: true };
    expect(settingsNotHeld(fromOnlineMeeting(chatOn), REQUIRED_LOBBY_SETTINGS)).toEqual([
      "allowMeetingChat",
      "allowRecording",
    ]);
  });

  it("counts 'organization' (guests skip the lobby) as not held", () => {
    const guestsIn = {
      ...LOCKED,
      lobbyBypassSettings: { scope: "organization", isDialInBypassEnabled: false },
    };
    expect(settingsNotHeld(fromOnlineMeeting(guestsIn), REQUIRED_LOBBY_SETTINGS)).toEqual([
      "lobbyScope",
    ]);
  });

  it("counts unknownFutureValue (read without the Prefer header) and missing fields as not held", () => {
    const unread = {
      ...LOCKED,
      lobbyBypassSettings: { scope: "unknownFutureValue", isDialInBypassEnabled: false },
    };
    expect(settingsNotHeld(fromOnlineMeeting(unread), REQUIRED_LOBBY_SETTINGS)).toEqual([
      "lobbyScope",
    ]);
    expect(settingsNotHeld(fromOnlineMeeting({}), REQUIRED_LOBBY_SETTINGS)).toHaveLength(8);
  });
});
