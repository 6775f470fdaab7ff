import { readableItems } from "../kernel/unreadable";
import { optional } from "../kernel/optional";
import { createHash } from "node:crypto";
import { parseSubmission } from "../../cards/common/errors";
import {
  InviteListDraft,
  InviteListSubmission,
  withAnotherRow,
} from "../../cards/invite-list/submission";
import type { InviteeDraft, RemovalToConfirm } from "../../cards/invite-list/view-model";
import type { Case, Invitee, InviteList, Meeting } from "../../model";
import { isStoreError } from "../../ports/store";
import { audit } from "../kernel/audit";
import { queueReforecast } from "../quoracy/tasks";
import * as cards from "../kernel/cards";
import { conferenceKind } from "../kernel/conference-kind";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { recordMilestones } from "../timeline/record-milestones";
import { MILESTONES } from "../timeline/milestones";
import type { ActionRequest, ActionResponse } from "../../ports";
import { enqueue } from "../kernel/enqueue";
import { dueOf, INVITE_LIST_RULES, POLICE_CHECK_RULES } from "../timeline/timeline-dates";
import { updateDoc } from "../kernel/update-doc";
import { loadForAction } from "../kernel/load-for-action";
import { cardResponse } from "../kernel/respond";
import { CORE_GROUP_TASK } from "../after-meeting/core-group";

/**
 * The SW, their team manager covering (`invite-list.due`: the TM signs off
 * the list), or the clerk who books and sends the invitations (a list is
 * never retyped to change one person).
 */
export const LIST_KEEPERS = ["social-worker", "team-manager", "clerk"] as const;

/** A stored person as the card's row, so a reopened list shows everyone as they were. */
export function draftOf(i: Invitee): InviteeDraft {
  return {
    name: i.name,
    role: i.role,
    agency: i.agency ?? "",
    email: i.email ?? "",
    relation: i.relation,
    policeCheck: String(i.policeCheck.needed),
    policeCheckReason: i.policeCheck.reason ?? "",
    dob: i.dob ?? "",
    address: i.address ?? "",
    id: i.id,
  };
}

/**
 * The rows an invite list opens with: the meeting's own list once
 * submitted; for an RCPC not yet given one, the last conference's list of
 * the case (the SW reviews it: the people carry over, the police checks do
 * not, as each conference asks for its own), as new rows of this meeting.
 */
export async function startingRows(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
): Promise<InviteeDraft[]> {
  const own = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  if (own !== undefined) return own.invitees.map(draftOf);
  const previous = await previousList(deps, kase, meeting);
  return (previous?.invitees ?? []).map((i) => ({
    ...draftOf(i),
    policeCheck: "false",
    policeCheckReason: "",
    id: "",
  }));
}

/** The invite list of the case's latest earlier conference (ICPC or RCPC), if any. */
export async function previousList(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
): Promise<InviteList | undefined> {
  if (meeting.kind !== "RCPC") return undefined;
  const when = (m: Meeting) => Date.parse(m.start ?? "") || 0;
  const earlier = (await readableItems(deps, deps.store.meetingsOfCase(kase.id), "invite list"))
    .filter((m) => m.id !== meeting.id && m.kind !== "CLA" && m.start !== undefined)
    .filter((m) => meeting.start === undefined || when(m) < when(meeting))
    .sort((a, b) => when(b) - when(a));
  for (const m of earlier) {
    const list = await deps.store.get("invite-list", `${m.id}:invite-list`, kase.id);
    if (list !== undefined) return list;
  }
  return undefined;
}

/** The invite list card as it opens (chat "invite list REF"). */
export async function openInviteListCard(deps: WorkflowDeps, kase: Case, meeting: Meeting) {
  return inviteListCard(deps, kase, meeting, await startingRows(deps, kase, meeting));
}

export function inviteListCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  rows: InviteeDraft[],
  errors?: Record<string, string>,
  removals?: RemovalToConfirm[],
) {
  const timeline = meeting.start !== undefined ? meetingTimeline(deps.policy, meeting) : undefined;
  return cards.inviteList({
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    meetingKind: conferenceKind(meeting),
    ...optional("meetingStart", meeting.start),
    ...optional("dueAt", timeline && dueOf(timeline, ...INVITE_LIST_RULES)),
    ...optional("policeChecksDueAt", timeline && dueOf(timeline, ...POLICE_CHECK_RULES)),
    rows,
    ...(errors !== undefined ? { errors } : {}),
    ...(removals !== undefined && removals.length > 0 ? { removals } : {}),
  });
}

async function load(deps: WorkflowDeps, request: ActionRequest) {
  const loaded = await loadForAction(deps, request, LIST_KEEPERS);
  if (loaded.meeting.status === "stood-down") {
    throw new WorkflowError("Conflict", "This conference was stood down.");
  }
  return loaded;
}

/** verb invite-list.add-row: the card again with one more row; nothing is stored. */
export async function addInviteeRow(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await load(deps, request);
  const draft = InviteListDraft.safeParse(request.data);
  const rows = draft.success ? draft.data.rows : [];
  return cardResponse(inviteListCard(deps, kase, meeting, withAnotherRow(rows)));
}

/** A person's id is a digest of who they are, so resubmitting the same list changes nothing. */
export function inviteeId(p: { name: string; email?: string; role: string }): string {
  const digest = createHash("sha256")
    .update(`${p.name.toLowerCase()}|${p.email ?? ""}|${p.role.toLowerCase()}`)
    .digest("hex");
  return `inv-${digest.slice(0, 16)}`;
}

/**
 * verb invite-list.submit: the SW says the list is complete (West Sussex).
 * 1. load, authorise (the case's SW or TM), parse; a malformed list comes
 *    back with the errors on its rows and nothing is stored;
 * 2. store the list (a repeat with the same people changes nothing);
 * 3. record `invite-list.complete` and, with no police check asked for,
 *    `police-checks.sent` (nothing to send);
 * 4. queue the invitations (professionals as Outlook attendees, each family
 *    member and legal representative by an individual email, Leicestershire) and the
 *    police-check request, keyed by the list's version;
 * 5. audit (counts only) and thank the SW.
 */
export async function submitInviteList(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await load(deps, request);
  const parsed = parseSubmission(InviteListSubmission, request.data);
  if (!parsed.ok) {
    const draft = InviteListDraft.safeParse(request.data);
    return cardResponse(
      inviteListCard(deps, kase, meeting, draft.success ? draft.data.rows : [], parsed.errors),
    );
  }
  const now = deps.clock().toISOString();
  const listId = `${meeting.id}:invite-list`;
  const old = await deps.store.get("invite-list", listId, kase.id);
  const before = new Map((old?.invitees ?? []).map((i) => [i.id, i]));
  // A row that came from the stored list keeps its person (a changed email
  // or name is a change, not a removal); a new row is a new person.
  const invitees: Invitee[] = parsed.value.invitees.map(({ rowId, ...p }) => {
    const id = rowId !== undefined && before.has(rowId) ? rowId : inviteeId(p);
    const was = before.get(id);
    // A letter made (and how it was sent) stays while the person still has no email.
    const samePost = was !== undefined && p.email === undefined && was.name === p.name;
    return {
      ...p,
      id,
      rsvp: was?.rsvp ?? "pending",
      ...(was?.invitedInOutlook === true ? { invitedInOutlook: true } : {}),
      ...(samePost && was.letter !== undefined ? { letter: was.letter } : {}),
      ...(samePost && was.coreGroupLetter !== undefined
        ? { coreGroupLetter: was.coreGroupLetter }
        : {}),
    };
  });
  const kept = new Set(invitees.map((i) => i.id));
  const dropped = (old?.invitees ?? []).filter((i) => !kept.has(i.id));
  const invited = meeting.milestones[MILESTONES.invitesSent] !== undefined;
  // Invited by Convene, or already on an Outlook event linked at the import.
  const wasInvited = (i: Invitee) => invited || i.invitedInOutlook === true;
  // Nobody is uninvited without a word: someone already invited whom the
  // list leaves out is shown, and removed only when confirmed.
  if (dropped.some(wasInvited) && !parsed.value.confirmRemovals) {
    const draft = InviteListDraft.safeParse(request.data);
    return cardResponse(
      inviteListCard(
        deps,
        kase,
        meeting,
        draft.success ? draft.data.rows : invitees.map(draftOf),
        undefined,
        dropped.filter(wasInvited).map((i) => ({ name: i.name, role: i.role })),
      ),
    );
  }
  const version = createHash("sha256")
    .update(
      JSON.stringify(
        invitees.map((i) => [i.id, i.relation, i.policeCheck, i.email ?? "", i.name, i.role]),
      ),
    )
    .digest("hex")
    .slice(0, 12);
  const removed = [
    ...(old?.removed ?? []).filter((r) => !kept.has(r.invitee.id)),
    ...dropped.map((i) => ({
      invitee: i,
      at: now,
      by: request.actor.objectId,
      // Told only if they had been invited; a person dropped before any
      // invitation went has nothing to cancel.
      cancel: wasInvited(i),
    })),
  ];
  const list: InviteList = {
    id: listId,
    type: "invite-list",
    pk: kase.id,
    caseId: kase.id,
    meetingId: meeting.id,
    invitees,
    ...(removed.length > 0 ? { removed } : {}),
    // Kept after the review (unlike carriedFrom): a member added later is told the core group's date.
    ...optional("coreGroupOf", old?.coreGroupOf ?? old?.carriedFrom),
    complete: true,
    submittedBy: request.actor.objectId,
    submittedAt: now,
  };
  let changed = true;
  try {
    await deps.store.create(list);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    changed = (
      await updateDoc(deps.store, "invite-list", listId, kase.id, (old) =>
        // A carried-over list submitted unchanged is still reviewed: its mark goes.
        sameInvitees(old.invitees, invitees) &&
        old.complete &&
        old.carriedFrom === undefined &&
        old.carriedFromEvent === undefined
          ? undefined
          : { ...list, etag: old.etag },
      )
    ).changed;
  }
  const policeChecks = invitees.filter((i) => i.policeCheck.needed).length;
  const where = { caseId: kase.id, meetingId: meeting.id };
  await recordMilestones(deps, where, [MILESTONES.inviteListComplete], {
    at: now,
    by: request.actor.objectId,
  });
  // No police check asked for: nothing to send, so nobody is chased for it.
  if (policeChecks === 0) {
    await recordMilestones(deps, where, [MILESTONES.policeChecksSent], { at: now, by: "system" });
  }
  await enqueue(deps, {
    taskType: "meeting.send-invites",
    caseId: kase.id,
    meetingId: meeting.id,
    key: version,
  });
  // A list carried over from a conference with a core group: whoever is
  // added is told its date too (the task sends each person once and skips
  // them once the day has come).
  if (list.coreGroupOf !== undefined) {
    await enqueue(deps, {
      taskType: CORE_GROUP_TASK,
      caseId: kase.id,
      meetingId: list.coreGroupOf,
      key: version,
    });
  }
  if (policeChecks > 0) {
    await enqueue(deps, {
      taskType: "meeting.police-checks",
      caseId: kase.id,
      meetingId: meeting.id,
      key: version,
    });
  }
  if (changed) {
    // A report in or an agency added can change the quoracy forecast.
    await queueReforecast(deps, { caseId: kase.id, meetingId: meeting.id });
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "invite-list.submit",
      target: { type: "invite-list", id: listId },
      detail: {
        people: invitees.length,
        family: invitees.filter((i) => i.relation !== "professional").length,
        removed: dropped.length,
        policeChecks,
        version,
      },
    });
  }
  const byLetter = invitees.filter((i) => i.relation !== "professional" && i.email === undefined);
  return cardResponse(
    cards.done({
      title: changed ? "Invite list received" : "Invite list already received",
      message:
        "Professionals are added to the Outlook invitation; each family member and legal representative gets their own email." +
        (byLetter.length > 0
          ? " Anyone without an email gets a printed letter: it comes to you to post or hand over."
          : "") +
        (dropped.some(wasInvited) ? " The people you removed are sent a cancellation." : "") +
        (policeChecks > 0 ? " The police checks go to the police with your reasons." : "") +
        ' To change anyone later, type "invite list ' +
        kase.reference +
        '".',
      caseReference: kase.reference,
      facts: [
        { title: "People", value: String(invitees.length) },
        { title: "By letter", value: String(byLetter.length) },
        { title: "Removed", value: String(dropped.length) },
        { title: "Police checks", value: String(policeChecks) },
      ],
    }),
  );
}

function sameInvitees(a: readonly Invitee[], b: readonly Invitee[]): boolean {
  const key = (l: readonly Invitee[]) =>
    JSON.stringify(
      l
        .map((i) => [
          i.id,
          i.name,
          i.role,
          i.email ?? "",
          i.relation,
          i.policeCheck,
          i.agency ?? "",
          i.dob ?? "",
          i.address ?? "",
        ])
        .sort(),
    );
  return key(a) === key(b);
}
