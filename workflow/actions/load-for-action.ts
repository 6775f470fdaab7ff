import type { Case, Meeting } from "../../model";
import type { StaffRole } from "../authority";
import { authorise } from "../authorise";
import type { WorkflowDeps } from "../deps";
import { loadMeeting } from "../load";
import type { ActionRequest } from "../ports";
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
