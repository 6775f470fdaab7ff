import type { Case, InviteList, Meeting } from "../../model";
import { isStoreError } from "../../ports/store";
import { audit } from "../kernel/audit";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingLimit } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import { enqueue } from "../kernel/enqueue";
import { OFFER_BOOKING, limitRuleOf } from "../booking/offer-booking";
import { updateDoc } from "../kernel/update-doc";

/**
 * What the replacement keeps of the original's progress: what was done
 * before the date was fixed and stays true for a new date. Invitations,
 * the booking, reports and the brief belong to the old date and are
 * chased again for the new one.
 */
const CARRIED: readonly string[] = [
  MILESTONES.conferenceRequested,
  MILESTONES.inviteListComplete,
  MILESTONES.policeChecksSent,
  MILESTONES.familyAccessRecorded,
];

/** The replacement's id: the original's plus ".rebooked" (deterministic: a retry finds it). */
export const rebookedIdOf = (meetingId: string): string => `${meetingId}.rebooked`;

/**
 * docs/rules.md, stand-down: a stood-down meeting is rebooked unless the reason
 * ends the need (no longer needed). The replacement is a new meeting:
 * 1. linked both ways (rebookedFrom / rebookedAs);
 * 2. with the original's kind, anchors and review number, so its limit is
 *    the original's; where the timeline would give another, `limit` pins
 *    the original rule and instant (a rebooking must fall before the
 *    original limit unless the SM agrees it goes out of timescale: the
 *    book card's past-limit slots need the SM's recorded approval);
 * 3. the invite list copied (replies reset), so the same people are
 *    invited to the new date once it is booked;
 * 4. offered to the clerks (conference.offer-booking).
 * Idempotent: the id is deterministic and every step tolerates a repeat.
 */
export async function rebookAfterStandDown(
  deps: WorkflowDeps,
  kase: Case,
  original: Meeting,
  actorId: string,
): Promise<string | undefined> {
  const reason = original.standDown?.reason;
  if (reason === undefined || reason === "no-longer-needed") return undefined;
  const id = rebookedIdOf(original.id);
  const now = deps.clock().toISOString();
  const milestones = Object.fromEntries(
    Object.entries(original.milestones).filter(([name]) => CARRIED.includes(name)),
  );
  const draft: Meeting = {
    id,
    type: "meeting",
    pk: kase.id,
    caseId: kase.id,
    kind: original.kind,
    status: "requested",
    anchors: original.anchors,
    milestones,
    ...(original.requestedBy !== undefined ? { requestedBy: original.requestedBy } : {}),
    ...(original.reviewNumber !== undefined ? { reviewNumber: original.reviewNumber } : {}),
    // The rebooking is about the same children (decisions are per child).
    ...(original.childIds !== undefined ? { childIds: original.childIds } : {}),
    ...(original.indexChildId !== undefined ? { indexChildId: original.indexChildId } : {}),
    ...(original.limit !== undefined ? { limit: original.limit } : {}),
    ...(original.declinedChairs !== undefined ? { declinedChairs: original.declinedChairs } : {}),
    inPerson: original.inPerson,
    rebookedFrom: original.id,
    createdAt: now,
  };
  const originalLimit = meetingLimit(deps.policy, original);
  const draftLimit = meetingLimit(deps.policy, draft);
  const meeting: Meeting =
    originalLimit !== undefined && draftLimit?.getTime() !== originalLimit.getTime()
      ? { ...draft, limit: { rule: limitRuleOf(original), at: originalLimit.toISOString() } }
      : draft;
  let created = true;
  try {
    await deps.store.create(meeting);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    created = false;
  }
  await copyInviteList(deps, kase, original.id, id);
  await updateDoc(deps.store, "meeting", original.id, kase.id, (m) =>
    m.rebookedAs === id ? undefined : { ...m, rebookedAs: id },
  );
  await enqueue(deps, { taskType: OFFER_BOOKING, caseId: kase.id, meetingId: id });
  if (created) {
    await audit(deps, {
      caseId: kase.id,
      actor: actorId,
      action: "meeting.rebook-after-stand-down",
      target: { type: "meeting", id },
      detail: { rebookedFrom: original.id, limitPinned: meeting.limit !== undefined },
    });
  }
  return id;
}

async function copyInviteList(
  deps: WorkflowDeps,
  kase: Case,
  fromMeetingId: string,
  toMeetingId: string,
): Promise<void> {
  const list = await deps.store.get("invite-list", `${fromMeetingId}:invite-list`, kase.id);
  if (list === undefined) return;
  const copy: InviteList = {
    ...list,
    id: `${toMeetingId}:invite-list`,
    meetingId: toMeetingId,
    invitees: list.invitees.map((i) => ({ ...i, rsvp: "pending" })),
  };
  delete copy.etag;
  try {
    await deps.store.create(copy);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
  }
}
