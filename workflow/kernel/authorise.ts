import type { Case, Meeting } from "../../model";
import type { StaffRole } from "./authority";
import { audit } from "./audit";
import type { WorkflowDeps } from "./deps";
import { WorkflowError } from "./errors";
import type { Actor } from "../../ports";
import { hasAnyRole, rolesOn } from "./roles";

const ROLE_WORDS: Record<StaffRole, string> = {
  clerk: "a clerk",
  "social-worker": "the social worker on this case",
  "team-manager": "the team manager for this case",
  "service-manager": "the service manager for this case",
  chair: "the chair of this conference",
  director: "the Director",
  "qa-manager": "a QA manager",
  "safeguarding-manager": "a safeguarding manager",
  "qa-admin": "the QA admin manager",
  iro: "the IRO of this review",
  "service-owner": "a service owner",
};

/**
 * The rule: an action from someone without that role on the case is
 * refused with a clear message and audited, and changes nothing. Answers the
 * roles the actor does have, for use cases that vary by role.
 */
export async function authorise(
  deps: WorkflowDeps,
  actor: Actor,
  allowed: readonly StaffRole[],
  ctx: { verb: string; kase?: Case; meeting?: Meeting; refusal?: string },
): Promise<Set<StaffRole>> {
  const roles = rolesOn(deps.authority, actor.objectId, ctx.kase, ctx.meeting);
  if (hasAnyRole(roles, allowed)) return roles;
  await audit(deps, {
    ...(ctx.kase !== undefined ? { caseId: ctx.kase.id } : {}),
    actor: actor.objectId,
    action: "action.refused",
    target: ctx.meeting
      ? { type: "meeting", id: ctx.meeting.id }
      : ctx.kase
        ? { type: "case", id: ctx.kase.id }
        : { type: "verb", id: ctx.verb },
    detail: { verb: ctx.verb, code: "Forbidden" },
  });
  deps.logger.warn(
    { actor: actor.objectId, verb: ctx.verb, caseId: ctx.kase?.id, meetingId: ctx.meeting?.id },
    "action refused: actor has no such role on the case",
  );
  const who = allowed.map((r) => ROLE_WORDS[r]).join(" or ");
  throw new WorkflowError(
    "Forbidden",
    ctx.refusal ?? (who === "" ? "you are not named on this" : `only ${who} can do this`),
  );
}
