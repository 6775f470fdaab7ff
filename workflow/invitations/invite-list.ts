import { optional } from "../kernel/optional";
import { createHash } from "node:crypto";
import { parseSubmission } from "../../cards/common/errors";
import {
  InviteListDraft,
  InviteListSubmission,
  withAnotherRow,
} from "../../cards/invite-list/submission";
import type { InviteeDraft } from "../../cards/invite-list/view-model";
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

/** The SW, or their team manager covering (000 rule 1: the TM signs off the list). */
const LIST_KEEPERS = ["social-worker", "team-manager"] as const;

export function inviteListCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  rows: InviteeDraft[],
  errors?: Record<string, string>,
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
function inviteeId(p: { name: string; email?: string; role: string }): string {
  const digest = createHash("sha256")
    .update(`${p.name.toLowerCase()}|${p.email ?? ""}|${p.role.toLowerCase()}`)
    .digest("hex");
  return `inv-${digest.slice(0, 16)}`;
}

/**
 * verb invite-list.submit: the SW says the list is complete (003).
 * 1. load, authorise (the case's SW or TM), parse; a malformed list comes
 *    back with the errors on its rows and nothing is stored;
 * 2. store the list (a repeat with the same people changes nothing);
 * 3. record `invite-list.complete` and, with no police check asked for,
 *    `police-checks.sent` (nothing to send);
 * 4. queue the invitations (professionals as Outlook attendees, each family
 *    member and legal representative by an individual email, 002) and the
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
  const invitees: Invitee[] = parsed.value.invitees.map((p) => ({
    ...p,
    id: inviteeId(p),
    rsvp: "pending",
  }));
  const version = createHash("sha256")
    .update(JSON.stringify(invitees.map((i) => [i.id, i.relation, i.policeCheck])))
    .digest("hex")
    .slice(0, 12);
  const listId = `${meeting.id}:invite-list`;
  const list: InviteList = {
    id: listId,
    type: "invite-list",
    pk: kase.id,
    caseId: kase.id,
    meetingId: meeting.id,
    invitees,
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
        sameInvitees(old.invitees, invitees) ? undefined : { ...list, etag: old.etag },
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
        policeChecks,
        version,
      },
    });
  }
  return cardResponse(
    cards.done({
      title: changed ? "Invite list received" : "Invite list already received",
      message:
        "Professionals are added to the Outlook invitation; each family member and legal representative gets their own email." +
        (policeChecks > 0 ? " The police checks go to the police with your reasons." : ""),
      caseReference: kase.reference,
      facts: [
        { title: "People", value: String(invitees.length) },
        { title: "Police checks", value: String(policeChecks) },
      ],
    }),
  );
}

function sameInvitees(a: readonly Invitee[], b: readonly Invitee[]): boolean {
  const key = (l: readonly Invitee[]) =>
    JSON.stringify(l.map((i) => [i.id, i.relation, i.policeCheck, i.agency ?? ""]).sort());
  return key(a) === key(b);
}
