import { buildStandDownApprovalCard } from "../../cards/stand-down-approval/build";
import type { StandDownApprovalView } from "../../cards/stand-down-approval/view-model";
import type { Case, Meeting } from "../../model";
import type { CardJson } from "../../ports";
import { staffById } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { approvalText, rebookText, reasonText, tellerOf } from "./words";

/** The approver's card for the meeting's pending request (docs/rules.md, stand-down). */
export function standDownApprovalCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  request: NonNullable<Meeting["standDownRequest"]>,
  redisplay: Pick<StandDownApprovalView, "errors" | "values"> = {},
): CardJson {
  const nameOf = (id: string) =>
    staffById(deps.authority, id)?.name ?? "someone not on the staff list";
  const teller = tellerOf(deps, kase, request);
  return buildStandDownApprovalCard({
    caseId: kase.id,
    caseReference: kase.reference,
    ...(meeting.etag !== undefined ? { cardVersion: meeting.etag } : {}),
    meetingId: meeting.id,
    meetingKind: meeting.kind,
    ...(meeting.start !== undefined ? { meetingStart: meeting.start } : {}),
    requestId: request.id,
    reasonText: reasonText(request),
    rationale: request.rationale,
    requestedByName: nameOf(request.requestedBy),
    teller: `${teller.name} (${teller.role})`,
    approvalText: approvalText(deps),
    approvals: request.approvals.map((a) => ({ name: nameOf(a.by), at: a.at })),
    rebookText: rebookText(deps, meeting, request),
    ...redisplay,
  });
}
