import { reasonProblem } from "../../cards/stand-down-request/reasons";
import { StandDownDetail, StandDownReason, type Case, type StandDownApproval } from "../../model";
import { audit } from "../kernel/audit";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { enqueue } from "../kernel/enqueue";
import { updateDoc } from "../kernel/update-doc";
import { approvalWords, canBeMet, missing, requirementsFor, slotFor } from "./approvals";
import { applyStandDown } from "./apply";
import { assertStillOpen } from "./status";
import { STAND_DOWN_APPROVAL_TASK } from "./task-types";

export interface StartStandDownInput {
  meetingId: string;
  caseId: string;
  /** One of docs/rules.md, stand-down's reasons. */
  reason: StandDownReason;
  /** Required for "no-longer-needed" and "unforeseen" (their sub-reasons), refused for the others. */
  detail?: StandDownDetail;
  /** Always required (Leicestershire, Swindon rule 17). */
  rationale: string;
  /** Who asks (the requester); their own approval counts if they are an approver. */
  originator: { objectId: string; name: string };
  /**
   * Who tells the attendees (Leicestershire): "unit" (the clerk) or "social-worker".
   * By default the SW when the case's SW, TM or SM asks, else the unit.
   */
  originatedBy?: "unit" | "social-worker";
}

export interface StartStandDownResult {
  requestId: string;
  /** Every approval was in (the requester was the only approver needed): stood down now. */
  applied: boolean;
  /** The same request was already waiting: nothing changed. */
  repeated: boolean;
  /** The approvals still needed, in words. */
  waitingFor: string[];
}

function originatorOf(kase: Case, actorId: string): "unit" | "social-worker" {
  const sideOfSw = [kase.socialWorker, kase.teamManager, kase.serviceManager];
  return sideOfSw.some((p) => p.entraObjectId === actorId) ? "social-worker" : "unit";
}

/**
 * Asks for a stand-down (docs/rules.md, stand-down). Callers authorise the
 * requester first (the stand-down.request card: clerk, SW, chair, the
 * case's TM or SM; chairs' sick cover: the team manager), then:
 * 1. check the reason, its sub-reason and the rationale, and that the
 *    meeting is neither held nor stood down;
 * 2. check the policy's approvals can be given by distinct people
 *    (workflow/stand-down/approvals.ts); the requester's own counts;
 * 3. record the request on the meeting (IfMatch): nothing else changes yet;
 * 4. all approvals in → stand down now; else queue the approval cards (a
 *    task, so they are retried);
 * 5. audit (ids and codes only).
 * A repeat of the same request changes nothing; a different one while one
 * waits is refused.
 */
export async function startStandDown(
  deps: WorkflowDeps,
  input: StartStandDownInput,
): Promise<StartStandDownResult> {
  const reason = StandDownReason.safeParse(input.reason);
  if (!reason.success)
    throw new WorkflowError("BadInput", "Choose one of the stand-down reasons listed.");
  const detail =
    input.detail === undefined ? undefined : StandDownDetail.safeParse(input.detail).data;
  if (input.detail !== undefined && detail === undefined)
    throw new WorkflowError("BadInput", "That sub-reason is not one of those listed.");
  const problem = reasonProblem(reason.data, detail);
  if (problem !== undefined) throw new WorkflowError("BadInput", problem);
  const rationale = input.rationale.trim();
  if (rationale === "")
    throw new WorkflowError("BadInput", "Give the rationale for standing the meeting down.");
  if (rationale.length > 1000)
    throw new WorkflowError("BadInput", "Keep the rationale under 1000 characters.");

  const { kase, meeting } = await loadMeeting(deps, input.caseId, input.meetingId);
  assertStillOpen(meeting);
  const actorId = input.originator.objectId;
  const pending = meeting.standDownRequest;
  if (pending !== undefined) {
    const same =
      pending.requestedBy === actorId &&
      pending.reason === reason.data &&
      pending.detail === detail &&
      pending.rationale === rationale;
    if (same) {
      return {
        requestId: pending.id,
        applied: false,
        repeated: true,
        waitingFor: missing(requirementsFor(deps.policy.id), pending.approvals).map((r) => r.words),
      };
    }
    throw new WorkflowError(
      "Conflict",
      "A stand-down of this meeting is already waiting for approval: it must be approved first.",
    );
  }

  const requirements = requirementsFor(deps.policy.id);
  const now = deps.clock().toISOString();
  const own = slotFor(requirements, [], actorId, deps.authority, kase);
  const approvals: StandDownApproval[] =
    own === undefined ? [] : [{ slot: own.slot, by: actorId, at: now }];
  if (!canBeMet(requirements, approvals, deps.authority, kase)) {
    throw new WorkflowError(
      "Conflict",
      `Standing down needs the approval of ${approvalWords(deps.policy.id)}, and nobody on the staff list can give it: ask an administrator to add them.`,
    );
  }
  // A request after a refusal must never reuse a refused one's id (the old
  // approval cards carry it, and its approval task is keyed by it).
  const refused = meeting.standDownRefusals?.length ?? 0;
  const requestId = `sd-${Date.parse(now)}${refused > 0 ? `-r${refused}` : ""}`;
  const originator = input.originatedBy ?? originatorOf(kase, actorId);
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => {
    assertStillOpen(m);
    if (m.standDownRequest !== undefined)
      throw new WorkflowError(
        "Conflict",
        "A stand-down of this meeting is already waiting for approval.",
      );
    if ((m.standDownRefusals?.length ?? 0) !== refused)
      throw new WorkflowError("Conflict", "The meeting changed meanwhile: please ask again.");
    return {
      ...m,
      standDownRequest: {
        id: requestId,
        reason: reason.data,
        ...(detail !== undefined ? { detail } : {}),
        rationale,
        requestedBy: actorId,
        requestedAt: now,
        originator,
        approvals,
      },
    };
  });
  await audit(deps, {
    caseId: kase.id,
    actor: actorId,
    action: "meeting.stand-down.requested",
    target: { type: "meeting", id: meeting.id },
    detail: {
      reason: reason.data,
      ...(detail !== undefined ? { detail } : {}),
      requestId,
      originator,
      approvals: approvals.length,
    },
  });
  const waiting = missing(requirements, approvals);
  if (waiting.length === 0) {
    await applyStandDown(deps, kase, meeting.id, actorId);
    return { requestId, applied: true, repeated: false, waitingFor: [] };
  }
  await enqueue(deps, {
    taskType: STAND_DOWN_APPROVAL_TASK,
    caseId: kase.id,
    meetingId: meeting.id,
    key: requestId,
  });
  return { requestId, applied: false, repeated: false, waitingFor: waiting.map((r) => r.words) };
}
