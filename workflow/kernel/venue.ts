import type { Meeting } from "../../model";

/**
 * Where a meeting is held, in a social worker's words, for every card and
 * invitation: the room booked for a meeting in person or hybrid (which also
 * has a Teams link), or "Teams meeting". A meeting in person with no room
 * booked (yet, or after a room declined) says so rather than guess.
 */
export function venueWords(meeting: Pick<Meeting, "inPerson" | "room">): string {
  if (!meeting.inPerson) return "Teams meeting";
  if (meeting.room === undefined) return "In person and on Teams: room not recorded";
  return `${meeting.room.name} and on Teams`;
}
