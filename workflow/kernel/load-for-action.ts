import type { Case, Meeting } from "../../model";
import type { StaffRole } from "./authority";
import { authorise } from "./authorise";
import type { WorkflowDeps } from "./deps";
import { loadCase, loadMeeting } from "./load";
import { WorkflowError } from "./errors";
import type { ActionRequest } from "../../ports";
import { meetingIds } from "./ids";

/**
 * The opening of every meeting action: the ids the card sent, the case and
 * meeting they name, and the actor's role on them (refused and audited if
 * they have none of `roles`).
 */
export async function loadForAction(
  deps: WorkflowDeps,
  request: ActionRequest,
  roles: readonly StaffRole[],
): Promise<{ kase: Case; meeting: Meeting }> {
  const { caseId, meetingId } = meetingIds(request.data);
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  await authorise(deps, request.actor, roles, { verb: request.verb, kase, meeting });
  return { kase, meeting };
}

/**
 * The opening of an action about a case that may name one of its meetings
 * (a QA notice, a consultation): the case, and the meeting if the card
 * sent one. Authorising is the caller's (the roles differ).
 */
export async function loadCaseAndMeeting(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<{ kase: Case; meeting: Meeting | undefined }> {
  const d = (request.data ?? {}) as Record<string, unknown>;
  if (typeof d.caseId !== "string") throw new WorkflowError("BadInput", "The card has no case id.");
  const meetingId = typeof d.meetingId === "string" && d.meetingId !== "" ? d.meetingId : undefined;
  return meetingId === undefined
    ? { kase: await loadCase(deps, d.caseId), meeting: undefined }
    : await loadMeeting(deps, d.caseId, meetingId);
}
