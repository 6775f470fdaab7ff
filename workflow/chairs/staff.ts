import type { PersonRef } from "../../model";
import { audit } from "../kernel/audit";
import {
  asPersonRef,
  staffById,
  staffWithRole,
  type Authority,
  type StaffRole,
} from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import type { Actor } from "../../ports";

/** The chairs (West Sussex's CPAs) in the authority's order: the rota's and the chooser's. */
export const chairsOf = (authority: Authority): PersonRef[] =>
  staffWithRole(authority, "chair").map(asPersonRef);

export const isChair = (authority: Authority, id: string): boolean =>
  staffById(authority, id)?.roles.includes("chair") === true;

/**
 * The chairs' team managers (West Sussex: "a Team Manager" of the 11 CPAs, who
 * writes the rota and arranges cover): the `teamManager` configured on the
 * chairs, else the QA managers (docs/rules.md's "CPA TM", as workflow/kernel/roles.ts
 * reads it).
 */
export function chairsManagers(authority: Authority): PersonRef[] {
  const ids = new Set(
    staffWithRole(authority, "chair")
      .map((c) => c.teamManager)
      .filter((id): id is string => id !== undefined),
  );
  const managers =
    ids.size > 0
      ? authority.staff.filter((s) => ids.has(s.entraObjectId))
      : staffWithRole(authority, "qa-manager");
  return managers.map(asPersonRef);
}

/** Who may act on chairs' rota and cover: chair, manager (the chairs' team manager) or clerk. */
export type ChairsRole = "chair" | "manager" | "clerk";

export function chairsRolesOf(authority: Authority, actorId: string): Set<ChairsRole> {
  const out = new Set<ChairsRole>();
  const member = staffById(authority, actorId);
  if (member === undefined) return out;
  if (member.roles.includes("chair")) out.add("chair");
  if (member.roles.includes("clerk")) out.add("clerk");
  if (chairsManagers(authority).some((m) => m.entraObjectId === actorId)) out.add("manager");
  return out;
}

const WORDS: Record<ChairsRole, string> = {
  chair: "a chair",
  manager: "the chairs' team manager",
  clerk: "a clerk",
};

/**
 * The chairs' actions are about no case: the actor's authority-wide role
 * decides. Refused like every other action (workflow/kernel/authorise.ts): audited
 * as action.refused (ids only), logged by ids, a clear message, nothing
 * changed.
 */
export async function authoriseChairs(
  deps: WorkflowDeps,
  actor: Actor,
  allowed: readonly ChairsRole[],
  verb: string,
): Promise<Set<ChairsRole>> {
  const roles = chairsRolesOf(deps.authority, actor.objectId);
  if (allowed.some((r) => roles.has(r))) return roles;
  await audit(deps, {
    actor: actor.objectId,
    action: "action.refused",
    target: { type: "verb", id: verb },
    detail: { verb, code: "Forbidden" },
  });
  deps.logger.warn({ actor: actor.objectId, verb }, "action refused: actor has no such role");
  throw new WorkflowError(
    "Forbidden",
    `only ${allowed.map((r) => WORDS[r]).join(" or ")} can do this`,
  );
}

export function personOf(authority: Authority, id: string): PersonRef {
  const s = staffById(authority, id);
  if (s === undefined) throw new WorkflowError("NotFound", "That person is not on the staff list.");
  return asPersonRef(s);
}

export type { StaffRole };
