import type { Case, Meeting } from "../../model";
import { audit } from "../kernel/audit";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { enqueue } from "../kernel/enqueue";
import { updateDoc } from "../kernel/update-doc";
import { missing, requirementsFor } from "./approvals";
import { rebookAfterStandDown } from "./rebook";
import { assertStillOpen } from "./status";
import { CANCEL_EVENT_TASK, STAND_DOWN_NOTIFY_TASK, STAND_DOWN_TASKS } from "./task-types";

/**
 * Stands a meeting down once every approval the policy names is in
 * (docs/rules.md, stand-down); refused, changing nothing, while one is missing.
 * 1. record it (IfMatch): status stood-down, the reason, rationale,
 *    requester, originator and each approval with who and when; the
 *    pending request, any booking offer and pending late slot go;
 * 2. the follow-ups (finishStandDown), each idempotent;
 * 3. audit.
 */
export async function applyStandDown(
  deps: WorkflowDeps,
  kase: Case,
  meetingId: string,
  actorId: string,
): Promise<Meeting> {
  const now = deps.clock().toISOString();
  const { doc, changed } = await updateDoc(deps.store, "meeting", meetingId, kase.id, (m) => {
    if (m.status === "stood-down") return undefined;
    assertStillOpen(m);
    const request = m.standDownRequest;
    if (request === undefined)
      throw new WorkflowError("Conflict", "No stand-down has been asked for on this meeting.");
    const waiting = missing(requirementsFor(deps.policy.id), request.approvals);
    if (waiting.length > 0) {
      throw new WorkflowError(
        "NeedsApproval",
        `Not stood down: it still needs the approval of ${waiting.map((r) => r.words).join(" and ")}.`,
      );
    }
    const next: Meeting = {
      ...m,
      status: "stood-down",
      standDown: {
        reason: request.reason,
        ...(request.detail !== undefined ? { detail: request.detail } : {}),
        rationale: request.rationale,
        requestedBy: request.requestedBy,
        originator: request.originator,
        approvals: request.approvals,
        approvedBy: request.approvals.map((a) => a.by),
        at: now,
      },
    };
    delete next.standDownRequest;
    delete next.offer;
    delete next.pendingBooking;
    return next;
  });
  if (doc.status !== "stood-down" || doc.standDown === undefined)
    throw new WorkflowError("Conflict", "This meeting was not stood down.");
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: actorId,
      action: "meeting.stand-down",
      target: { type: "meeting", id: meetingId },
      detail: {
        reason: doc.standDown.reason,
        ...(doc.standDown.detail !== undefined ? { detail: doc.standDown.detail } : {}),
        approvedBy: doc.standDown.approvedBy.join(","),
      },
    });
  }
  await finishStandDown(deps, kase, doc, actorId);
  return doc;
}

/**
 * What follows a stand-down; every step is idempotent, so an approver's
 * repeated click (or a retry after a failure part-way) finishes the job:
 * 1. cancel the meeting's pending tasks (reminders, escalations, the brief,
 *    the booking offer), except the stand-down's own;
 * 2. queue the Outlook cancellation for every attendee (retried);
 * 3. queue the originator's message to every attendee (once each);
 * 4. rebook unless the reason ends the need (workflow/stand-down/rebook.ts).
 */
export async function finishStandDown(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  actorId: string,
): Promise<void> {
  let cancelled = 0;
  for (const t of (await deps.store.openTasksOfMeeting(meeting.id)).items) {
    if (STAND_DOWN_TASKS.has(t.taskType)) continue;
    const { changed } = await updateDoc(deps.store, "task", t.id, meeting.id, (x) =>
      x.status === "pending" ? { ...x, status: "cancelled" } : undefined,
    );
    if (changed) cancelled += 1;
  }
  await enqueue(deps, { taskType: CANCEL_EVENT_TASK, caseId: kase.id, meetingId: meeting.id });
  await enqueue(deps, {
    taskType: STAND_DOWN_NOTIFY_TASK,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  const rebooked = await rebookAfterStandDown(deps, kase, meeting, actorId);
  if (cancelled > 0) {
    await audit(deps, {
      caseId: kase.id,
      actor: "system",
      action: "meeting.tasks-cancelled",
      target: { type: "meeting", id: meeting.id },
      detail: { cancelled, ...(rebooked !== undefined ? { rebookedAs: rebooked } : {}) },
    });
  }
}
