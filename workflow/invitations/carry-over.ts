import type { Case, InviteList, Meeting } from "../../model";
import type { ExistingEvent } from "../../ports/calendar";
import { inviteeId } from "./invite-list";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "../kernel/deps";

/**
 * The next RCPC booked at the conference starts with that conference's
 * invite list (the list is reviewed at each conference, not retyped): the
 * same people with the same ids, so the SW's review is a change of rows, a
 * removal asks for confirmation and sends a cancellation, and nobody is
 * lost. Nothing of the old meeting carries over that belongs to it: the
 * replies, the police checks (each conference asks for its own) and the
 * letters (a letter gives its meeting's date). Stored complete, so the
 * invitations go with the booking; `carriedFrom` says it awaits the SW's
 * review (the `invite-list.complete` milestone is not recorded, so the
 * invite-list reminders still chase it). Idempotent: an existing list of the
 * RCPC (carried before, or already the SW's) is never replaced.
 */
export async function carryOverList(
  deps: WorkflowDeps,
  kase: Case,
  from: Meeting,
  to: Meeting,
): Promise<InviteList | undefined> {
  const listId = `${to.id}:invite-list`;
  const own = await deps.store.get("invite-list", listId, kase.id);
  if (own !== undefined) return own;
  const previous = await deps.store.get("invite-list", `${from.id}:invite-list`, kase.id);
  if (previous === undefined) return undefined;
  const list: InviteList = {
    id: listId,
    type: "invite-list",
    pk: kase.id,
    caseId: kase.id,
    meetingId: to.id,
    // Letters belong to their meeting (its date, its core group): not carried.
    invitees: previous.invitees.map(({ letter: _letter, coreGroupLetter: _cg, ...i }) => ({
      ...i,
      rsvp: "pending" as const,
      policeCheck: { needed: false },
    })),
    carriedFrom: from.id,
    coreGroupOf: from.id,
    complete: true,
  };
  try {
    await deps.store.create(list);
    return list;
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    return deps.store.get("invite-list", listId, kase.id);
  }
}

/**
 * A review booked in Outlook before Convene (linked at the go-live import)
 * starts with the people its event already invites, so nobody invited by
 * hand is dropped when Convene sets the event's attendees from the list:
 * each one a professional (the role "not recorded" until the SW says),
 * marked as invited in Outlook (removing one asks for confirmation and sends
 * a cancellation), apart from the chair, the clerk, the SW and the
 * organiser's mailbox, whom Convene adds itself. Stored not complete, so
 * nothing is sent until the SW has reviewed it, as for any RCPC.
 * Idempotent: an existing list of the meeting is never replaced.
 */
export async function listFromEvent(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  event: Pick<ExistingEvent, "eventId" | "attendees">,
): Promise<InviteList | undefined> {
  const listId = `${meeting.id}:invite-list`;
  const own = await deps.store.get("invite-list", listId, kase.id);
  if (own !== undefined) return own;
  const staff = new Set(
    [meeting.chair?.email, meeting.clerk?.email, kase.socialWorker.email, deps.authority.organizer]
      .filter((e): e is string => e !== undefined)
      .map((e) => e.toLowerCase()),
  );
  const people = event.attendees.filter((a) => !staff.has(a.email.toLowerCase()));
  if (people.length === 0) return undefined;
  const list: InviteList = {
    id: listId,
    type: "invite-list",
    pk: kase.id,
    caseId: kase.id,
    meetingId: meeting.id,
    invitees: people.map((a) => {
      const person = { name: a.name, email: a.email, role: "not recorded" };
      return {
        ...person,
        id: inviteeId(person),
        relation: "professional" as const,
        policeCheck: { needed: false },
        rsvp: "pending" as const,
        invitedInOutlook: true,
      };
    }),
    carriedFromEvent: event.eventId,
    complete: false,
  };
  try {
    await deps.store.create(list);
    return list;
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    return deps.store.get("invite-list", listId, kase.id);
  }
}
