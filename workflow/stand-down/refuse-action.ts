import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import {
  StandDownApproveSubmission,
  StandDownRefuseSubmission,
} from "../../cards/stand-down-approval/submission";
import type { Meeting } from "../../model";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import type { ActionRequest, ActionResponse } from "../../ports";
import { cardResponse } from "../kernel/respond";
import { enqueue } from "../kernel/enqueue";
import { updateDoc } from "../kernel/update-doc";
import { approvalWords, isNamedApprover, requirementsFor } from "./approvals";
import { standDownApprovalCard } from "./approval-card";
import { assertStillOpen } from "./status";
import { STAND_DOWN_REFUSED_TASK } from "./task-types";

const NOT_WAITING = "This stand-down request is no longer waiting for approval.";

const refusedBy = (m: Meeting, requestId: string, actorId: string): boolean =>
  (m.standDownRefusals ?? []).some((r) => r.requestId === requestId && r.by === actorId);

/**
 * verb stand-down.refuse (docs/rules.md, stand-down; Leicestershire, Swindon rule 17): an
 * approver the policy names refuses a stand-down request, with a reason.
 * 1. parse the ids; load; a repeat by the same approver changes nothing;
 * 2. only an approver the policy names for this case may refuse; anyone
 *    else is refused, audited, and nothing changes;
 * 3. the meeting must still be open and the card's request the one
 *    waiting; no reason → the card again with the error, nothing changed;
 * 4. close the request (IfMatch): it leaves the meeting, the refusal is
 *    kept in `standDownRefusals`; the meeting goes ahead as booked and its
 *    tasks stay; audit (ids only);
 * 5. the person who asked is told who refused and why, once (a task).
 * Other approvers' cards stay as they are: an approval of a closed request
 * is refused as stale (approve-action.ts), and a new request can be made.
 */
export async function refuseStandDown(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const ids = parseSubmission(StandDownApproveSubmission, request.data);
  if (!ids.ok) throw new WorkflowError("BadInput", "The card is missing its ids.");
  const { caseId, meetingId, requestId } = ids.value;
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  const actorId = request.actor.objectId;
  const done = (title: string, message: string) =>
    cardResponse(cards.done({ title, message, caseReference: kase.reference }));
  const queueNotice = () =>
    enqueue(deps, {
      taskType: STAND_DOWN_REFUSED_TASK,
      caseId: kase.id,
      meetingId: meeting.id,
      key: requestId,
    });

  if (refusedBy(meeting, requestId, actorId)) {
    // A repeated click finishes what a failure left undone: the notice is queued once.
    await queueNotice();
    return done("Already refused", "Your refusal is recorded; the meeting goes ahead as booked.");
  }
  const requirements = requirementsFor(deps.policy.id);
  if (!isNamedApprover(requirements, actorId, deps.authority, kase)) {
    await authorise(deps, request.actor, [], {
      verb: request.verb,
      kase,
      meeting,
      refusal: `only ${approvalWords(deps.policy.id)} can refuse this stand-down`,
    });
  }
  assertStillOpen(meeting);
  const pending = meeting.standDownRequest;
  if (pending === undefined || pending.id !== requestId)
    throw new WorkflowError("Conflict", NOT_WAITING);
  const parsed = parseSubmission(StandDownRefuseSubmission, request.data);
  if (!parsed.ok) {
    return cardResponse(
      standDownApprovalCard(deps, kase, meeting, pending, {
        errors: parsed.errors,
        values: submittedValues(request.data),
      }),
    );
  }

  const now = deps.clock().toISOString();
  const { changed } = await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => {
    if (refusedBy(m, requestId, actorId)) return undefined;
    assertStillOpen(m);
    const r = m.standDownRequest;
    if (r === undefined || r.id !== requestId) throw new WorkflowError("Conflict", NOT_WAITING);
    const next: Meeting = {
      ...m,
      standDownRefusals: [
        ...(m.standDownRefusals ?? []),
        {
          requestId,
          requestedBy: r.requestedBy,
          by: actorId,
          at: now,
          reason: parsed.value.refuseReason,
        },
      ],
    };
    delete next.standDownRequest;
    return next;
  });
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: actorId,
      action: "meeting.stand-down.refused",
      target: { type: "meeting", id: meeting.id },
      detail: { requestId },
    });
  }
  await queueNotice();
  return done(
    "Stand-down refused",
    "The meeting goes ahead as booked. The person who asked is told who refused and why.",
  );
}
