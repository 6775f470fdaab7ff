import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import { buildStandDownRequestCard } from "../../cards/stand-down-request/build";
import { StandDownRequestSubmission } from "../../cards/stand-down-request/submission";
import type { Case, Meeting } from "../../model";
import type { StaffRole } from "../kernel/authority";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import type { ActionRequest, ActionResponse, CardJson } from "../../ports";
import { loadForAction } from "../kernel/load-for-action";
import { cardResponse } from "../kernel/respond";
import { startStandDown } from "./start";
import { assertStillOpen } from "./status";
import { approvalText } from "./words";

/** Who may ask for a stand-down (docs/rules.md, stand-down; Leicestershire: the SW, the chair, the unit). */
export const STAND_DOWN_REQUESTERS: readonly StaffRole[] = [
  "clerk",
  "social-worker",
  "chair",
  "team-manager",
  "service-manager",
];

/** The request card for a meeting (chat "stand down REF", or the chair's inquorate record). */
export function standDownRequestCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  extra: {
    reason?: string;
    note?: string;
    errors?: Record<string, string>;
    values?: Record<string, string>;
  } = {},
): CardJson {
  return buildStandDownRequestCard({
    caseId: kase.id,
    caseReference: kase.reference,
    ...(meeting.etag !== undefined ? { cardVersion: meeting.etag } : {}),
    meetingId: meeting.id,
    meetingKind: meeting.kind,
    ...(meeting.start !== undefined ? { meetingStart: meeting.start } : {}),
    approvalText: approvalText(deps),
    ...extra,
  });
}

/**
 * verb stand-down.request:
 * 1. load; authorise (clerk, SW, chair, the case's TM or SM); a meeting
 *    held or stood down is refused;
 * 2. parse: a reason of the fixed list and a rationale; errors re-render
 *    the card with what was typed;
 * 3. start the stand-down (workflow/stand-down/start.ts), which records the
 *    request and asks the approvers the policy names; nothing else changes
 *    until they approve.
 */
export async function requestStandDown(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await loadForAction(deps, request, STAND_DOWN_REQUESTERS);
  assertStillOpen(meeting);
  const parsed = parseSubmission(StandDownRequestSubmission, request.data);
  if (!parsed.ok) {
    return cardResponse(
      standDownRequestCard(deps, kase, meeting, {
        errors: parsed.errors,
        values: submittedValues(request.data),
      }),
    );
  }
  const s = parsed.value;
  const result = await startStandDown(deps, {
    caseId: kase.id,
    meetingId: meeting.id,
    reason: s.reason,
    ...(s.detail !== undefined ? { detail: s.detail } : {}),
    rationale: s.rationale,
    originator: request.actor,
  });
  const waiting = result.waitingFor.join(" and ");
  return cardResponse(
    cards.done({
      title: result.applied
        ? "Stood down"
        : result.repeated
          ? "Already waiting for approval"
          : "Stand-down sent for approval",
      message: result.applied
        ? "Everyone invited is being told and the Outlook event cancelled."
        : `The meeting stays booked until ${waiting} approve${result.waitingFor.length > 1 ? "" : "s"}.`,
      caseReference: kase.reference,
    }),
  );
}
