import type { Case, Invitee, InviteList, Meeting } from "../../model";
import { updateDoc } from "../kernel/update-doc";
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
 * A list the meeting already has (the SW's, for a review the file requested
 * before it was booked in Outlook) is kept as it is, with whoever the event
 * invites and the list lacks added (nobody dropped); people the SW removed
 * stay removed. Idempotent: a second run adds nobody.
 */
export async function listFromEvent(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  event: Pick<ExistingEvent, "eventId" | "attendees">,
): Promise<InviteList | undefined> {
  const listId = `${meeting.id}:invite-list`;
  const staff = new Set(
    [meeting.chair?.email, meeting.clerk?.email, kase.socialWorker.email, deps.authority.organizer]
      .filter((e): e is string => e !== undefined)
      .map((e) => e.toLowerCase()),
  );
  const invitees: Invitee[] = event.attendees
    .filter((a) => !staff.has(a.email.toLowerCase()))
    .map((a) => {
      const person = { name: a.name, email: a.email, role: "not recorded" };
      return {
        ...person,
        id: inviteeId(person),
        relation: "professional" as const,
        policeCheck: { needed: false },
        rsvp: "pending" as const,
        invitedInOutlook: true,
      };
    });
  const own = await deps.store.get("invite-list", listId, kase.id);
  if (own !== undefined) return withEventPeople(deps, own, invitees);
  if (invitees.length === 0) return undefined;
  const list: InviteList = {
    id: listId,
    type: "invite-list",
    pk: kase.id,
    caseId: kase.id,
    meetingId: meeting.id,
    invitees,
    carriedFromEvent: event.eventId,
    complete: false,
  };
  try {
    await deps.store.create(list);
    return list;
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    const raced = await deps.store.get("invite-list", listId, kase.id);
    return raced === undefined ? undefined : withEventPeople(deps, raced, invitees);
  }
}

/** The list with the event's people it lacks (by address), never one the SW removed. */
async function withEventPeople(
  deps: WorkflowDeps,
  list: InviteList,
  fromEvent: readonly Invitee[],
): Promise<InviteList> {
  const known = (l: InviteList) =>
    new Set(
      [...l.invitees, ...(l.removed ?? []).map((r) => r.invitee)]
        .map((i) => i.email?.toLowerCase())
        .filter((e): e is string => e !== undefined),
    );
  if (fromEvent.every((i) => known(list).has((i.email ?? "").toLowerCase()))) return list;
  const { doc } = await updateDoc(deps.store, "invite-list", list.id, list.pk, (current) => {
    const have = known(current);
    const added = fromEvent.filter((i) => !have.has((i.email ?? "").toLowerCase()));
    return added.length === 0
      ? undefined
      : { ...current, invitees: [...current.invitees, ...added] };
  });
  return doc;
}
