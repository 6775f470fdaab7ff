import { odataString } from "./mail";

/**
 * GET /users/{organizer}/onlineMeetings?$filter=JoinWebUrl eq '{url}': the
 * one way to reach the onlineMeeting behind an Outlook event (docs/architecture.md).
 * The join URL is itself percent-encoded ("19%3ameeting_..."); it goes into
 * the filter as it is and the whole filter is encoded once more, as Graph's
 * own examples do.
 */
export function onlineMeetingByJoinUrl(organizer: string, joinWebUrl: string): string {
  const filter = `JoinWebUrl eq '${odataString(joinWebUrl)}'`;
  return `/users/${encodeURIComponent(organizer)}/onlineMeetings?$filter=${encodeURIComponent(filter)}`;
}

export function onlineMeetingUrl(organizer: string, meetingId: string): string {
  return `/users/${encodeURIComponent(organizer)}/onlineMeetings/${encodeURIComponent(meetingId)}`;
}

export function eventsUrl(organizer: string): string {
  return `/users/${encodeURIComponent(organizer)}/events`;
}

export function eventUrl(organizer: string, eventId: string): string {
  return `${eventsUrl(organizer)}/${encodeURIComponent(eventId)}`;
}

/**
 * Evolvable enums: organizationExcludingGuests comes after
 * unknownFutureValue in LobbyBypassScope, so without this header Graph
 * refuses it on write and reads it back as "unknownFutureValue".
 */
export const PREFER_UNKNOWN_ENUMS = { Prefer: "include-unknown-enum-members" };
