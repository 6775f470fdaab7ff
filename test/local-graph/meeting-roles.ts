/**
 * Online-meeting participants and what their roles let them do.
 *
 * Roles (onlineMeetingRole): attendee, presenter, coorganizer (producer is
 * for Teams live events only, refused here). coorganizer and producer come
 * after unknownFutureValue in the evolvable enum, so without
 * `Prefer: include-unknown-enum-members` they read back as
 * unknownFutureValue; a presenter role only applies when allowedPresenters
 * is roleIsPresenter:
 * https://learn.microsoft.com/en-us/graph/api/resources/meetingparticipantinfo
 * https://learn.microsoft.com/en-us/graph/best-practices-concept#handling-future-members-in-evolvable-enumerations
 */
export type MeetingRole = "attendee" | "presenter" | "coorganizer";

export const MEETING_ROLES: readonly MeetingRole[] = ["attendee", "presenter", "coorganizer"];
/** Members after unknownFutureValue in onlineMeetingRole. */
export const LATE_ROLES: readonly string[] = ["producer", "coorganizer"];

export interface Participant {
  /** Lower-cased address (UPN). */
  upn: string;
  role: MeetingRole;
}

/** Who may let people in from the lobby, under the meeting's current settings. */
export interface LobbyAdmitters {
  /** Invited people (the organiser first) who may admit, lower-cased. */
  people: string[];
  /**
   * People who were not invited but would also be presenters, so admitters
   * (allowedPresenters everyone/organization with ...AndPresenters).
   */
  alsoUninvited: "none" | "organization" | "everyone";
}

/**
 * allowedLobbyAdmitters (https://learn.microsoft.com/en-us/graph/api/resources/onlinemeeting):
 * - organizerAndCoOrganizersAndPresenters: the organiser, co-organisers and presenters;
 * - organizerAndCoOrganizers: the organiser and co-organisers only;
 * - unknownFutureValue: Microsoft documents nothing; strictest reading: the
 *   organiser and co-organisers only.
 * Who is a presenter follows allowedPresenters
 * (https://learn.microsoft.com/en-us/graph/api/resources/onlinemeeting#onlinemeetingpresenters-values):
 * everyone, organization (people of the organiser's tenant), roleIsPresenter
 * (those with the presenter role), organizer (nobody but the organiser).
 * The organiser of a Convene meeting is a service mailbox nobody attends
 * as: a meeting whose only admitter is the organiser admits nobody.
 */
export function lobbyAdmitters(
  organizer: string,
  participants: readonly Participant[],
  allowedLobbyAdmitters: string,
  allowedPresenters: string,
  inOrganization: (upn: string) => boolean,
): LobbyAdmitters {
  const people = new Set<string>([organizer.toLowerCase()]);
  for (const p of participants) if (p.role === "coorganizer") people.add(p.upn);
  let alsoUninvited: LobbyAdmitters["alsoUninvited"] = "none";
  if (allowedLobbyAdmitters === "organizerAndCoOrganizersAndPresenters") {
    for (const p of participants) {
      const presenter =
        allowedPresenters === "everyone" ||
        (allowedPresenters === "organization" && inOrganization(p.upn)) ||
        (allowedPresenters === "roleIsPresenter" && p.role === "presenter");
      if (presenter) people.add(p.upn);
    }
    if (allowedPresenters === "everyone") alsoUninvited = "everyone";
    if (allowedPresenters === "organization") alsoUninvited = "organization";
  }
  return { people: [...people], alsoUninvited };
}

/** A role as a client reads it back: late enum members hidden without the Prefer header. */
export function visibleRole(role: string, prefersUnknownEnums: boolean): string {
  return LATE_ROLES.includes(role) && !prefersUnknownEnums ? "unknownFutureValue" : role;
}
