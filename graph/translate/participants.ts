import type * as MG from "@microsoft/microsoft-graph-types";
import type { Attendee, MeetingPeople, MeetingRoles } from "../../ports/calendar";

/**
 * The chair and the clerk as co-organisers of the Teams meeting.
 *
 * - A Teams meeting made from an Outlook event takes its participants from
 *   the event's people; only the organiser and co-organisers may admit from
 *   the lobby under `allowedLobbyAdmitters: organizerAndCoOrganizers`
 *   (https://learn.microsoft.com/en-us/graph/api/resources/onlinemeeting).
 * - `coorganizer` is an onlineMeetingRole after `unknownFutureValue`: it is
 *   sent and read back with `Prefer: include-unknown-enum-members`, without
 *   which Graph reads it as unknownFutureValue
 *   (https://learn.microsoft.com/en-us/graph/api/resources/meetingparticipantinfo;
 *   https://learn.microsoft.com/en-us/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations).
 * - A PATCH of `participants.attendees` replaces the collection whole
 *   (https://learn.microsoft.com/en-us/graph/api/onlinemeeting-update: "the
 *   request body" replaces what it names; OData 4.01 part 1, 11.4.3 Update
 *   an Entity: a collection-valued property is replaced): so the PATCH
 *   names every participant, never only the co-organisers.
 * - Microsoft documents nothing about roles after the event's attendees
 *   change; Convene takes the strictest reading (they are reset) and sets
 *   them again, then reads them back, after every change.
 */

export interface ParticipantsPatch {
  participants: { attendees: { upn: string; role: "attendee" | "coorganizer" }[] };
}

/** The roles people, lower-cased, each once. */
export function coOrganizersOf(roles: MeetingRoles): string[] {
  const out: string[] = [];
  for (const person of [roles.chair, roles.clerk]) {
    if (person === undefined) continue;
    const key = person.email.toLowerCase();
    if (!out.includes(key)) out.push(key);
  }
  return out;
}

/** The event's people: the chair and the clerk first, then the rest, each address once. */
export function eventPeople(people: Pick<MeetingPeople, "attendees" | "roles">): Attendee[] {
  const all = [
    ...(people.roles.chair !== undefined ? [people.roles.chair] : []),
    ...(people.roles.clerk !== undefined ? [people.roles.clerk] : []),
    ...people.attendees,
  ];
  const seen = new Set<string>();
  return all.filter((a) => {
    const key = a.email.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The room as the event's resource attendee (Exchange's booking assistant answers for it). */
export function roomAttendee(room: Attendee): {
  emailAddress: { address: string; name: string };
  type: "resource";
} {
  return { emailAddress: { address: room.email, name: room.name }, type: "resource" };
}

/** Every participant (rooms are not participants), the chair and the clerk as co-organisers. */
export function toParticipantsPatch(
  people: Pick<MeetingPeople, "attendees" | "roles">,
): ParticipantsPatch {
  const co = coOrganizersOf(people.roles);
  const attendees = eventPeople(people).map((a) => ({
    upn: a.email,
    role: co.includes(a.email.toLowerCase()) ? ("coorganizer" as const) : ("attendee" as const),
  }));
  return { participants: { attendees } } satisfies MG.OnlineMeeting;
}

/** The co-organisers Graph read back, lower-cased. */
export function coOrganizersRead(meeting: {
  participants?: { attendees?: { upn?: string | null; role?: string | null }[] | null } | null;
}): string[] {
  return (meeting.participants?.attendees ?? [])
    .filter((a) => a.role === "coorganizer" && typeof a.upn === "string")
    .map((a) => (a.upn as string).toLowerCase());
}

/**
 * How many co-organisers wanted were not read back, and how many read back
 * should not be (an absent chair after sick cover). Counts, never
 * addresses: they go to the logs.
 */
export function coOrganizersNotHeld(
  wanted: readonly string[],
  read: readonly string[],
): { missing: number; extra: number } {
  return {
    missing: wanted.filter((w) => !read.includes(w)).length,
    extra: read.filter((r) => !wanted.includes(r)).length,
  };
}
