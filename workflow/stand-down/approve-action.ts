import { parseSubmission } from "../../cards/common/errors";
import { StandDownApproveSubmission } from "../../cards/stand-down-approval/submission";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import type { ActionRequest, ActionResponse } from "../../ports";
import { cardResponse } from "../kernel/respond";
import { updateDoc } from "../kernel/update-doc";
import { approvalWords, missing, requirementsFor, slotFor } from "./approvals";
import { applyStandDown, finishStandDown } from "./apply";
import { assertStillOpen } from "./status";

/**
 * verb stand-down.approve (docs/rules.md, stand-down; Leicestershire, Swindon rule 17):
 * 1. parse; load; the card's request must be the one waiting;
 * 2. the actor must be able to give an approval still missing (the policy's
 *    data in approvals.ts); anyone else is refused, audited, and nothing
 *    changes; a repeat by the same approver changes nothing;
 * 3. record the approval with who and when (IfMatch); audit;
 * 4. the last one in stands the meeting down (apply.ts); until then the
 *    meeting goes ahead as booked.
 */
export async function approveStandDown(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const parsed = parseSubmission(StandDownApproveSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing its ids.");
  const { caseId, meetingId, requestId } = parsed.value;
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  const actorId = request.actor.objectId;
  const done = (title: string, message: string) =>
    cardResponse(cards.done({ title, message, caseReference: kase.reference }));

  if (meeting.status === "stood-down" && meeting.standDown?.approvedBy.includes(actorId)) {
    // A repeated click finishes anything a failure left undone.
    await finishStandDown(deps, kase, meeting, actorId);
    return done("Already stood down", "Your approval is recorded; the meeting is stood down.");
  }
  assertStillOpen(meeting);
  const pending = meeting.standDownRequest;
  if (pending === undefined || pending.id !== requestId)
    throw new WorkflowError(
      "Conflict",
      "This stand-down request is no longer waiting for approval.",
    );
  if (pending.approvals.some((a) => a.by === actorId))
    return done("Already approved", "Your approval is recorded.");
  const requirements = requirementsFor(deps.policy.id);
  if (slotFor(requirements, pending.approvals, actorId, deps.authority, kase) === undefined) {
    await authorise(deps, request.actor, [], {
      verb: request.verb,
      kase,
      meeting,
      refusal: `only ${approvalWords(deps.policy.id)} can approve this stand-down`,
    });
  }
  const now = deps.clock().toISOString();
  let slot = "";
  const { doc, changed } = await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => {
    assertStillOpen(m);
    const r = m.standDownRequest;
    if (r === undefined || r.id !== requestId)
      throw new WorkflowError(
        "Conflict",
        "This stand-down request is no longer waiting for approval.",
      );
    if (r.approvals.some((a) => a.by === actorId)) return undefined;
    const fills = slotFor(requirements, r.approvals, actorId, deps.authority, kase);
    if (fills === undefined)
      throw new WorkflowError(
        "Conflict",
        "That approval has been given by someone else meanwhile.",
      );
    slot = fills.slot;
    return {
      ...m,
      standDownRequest: {
        ...r,
        approvals: [...r.approvals, { slot: fills.slot, by: actorId, at: now }],
      },
    };
  });
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: actorId,
      action: "meeting.stand-down.approved",
      target: { type: "meeting", id: meeting.id },
      detail: { requestId, slot },
    });
  }
  const waiting = missing(requirements, doc.standDownRequest?.approvals ?? []);
  if (waiting.length > 0) {
    return done(
      "Approved",
      `The meeting stays booked until ${waiting.map((r) => r.words).join(" and ")} approve${waiting.length > 1 ? "" : "s"} too.`,
    );
  }
  await applyStandDown(deps, kase, meeting.id, actorId);
  return done("Stood down", "Everyone invited is being told and the Outlook event cancelled.");
}
