import type { Case, InviteList, Meeting } from "../../model";
import type { Attendee } from "../../ports";
import { uniqueBy } from "../kernel/distinct";

/**
 * Who the Outlook event invites: the chair, the SW and the professionals on
 * the invite list, each address once. The family never: they are invited
 * by individual email (002). Used when invitations go and when a covering
 * chair replaces a sick one (003).
 */
export function eventAttendees(
  kase: Case,
  meeting: Meeting,
  list: InviteList | undefined,
): Attendee[] {
  const professionals: Attendee[] = (list?.invitees ?? [])
    .filter((i) => i.relation === "professional" && i.email !== undefined)
    .map((i) => ({ email: i.email as string, name: i.name }));
  const staff: Attendee[] = [
    ...(meeting.chair ? [{ email: meeting.chair.email, name: meeting.chair.name }] : []),
    { email: kase.socialWorker.email, name: kase.socialWorker.name },
  ];
  return uniqueBy([...staff, ...professionals], (a) => a.email.toLowerCase());
}
