import type { Case, Meeting, PersonRef } from "../../model";
import type { Who } from "../../rules";
import { asPersonRef, staffById, staffWithRole, type Authority, type StaffRole } from "./authority";

/**
 * What an actor is on a case: the basis of every authorisation decision.
 * Authority-wide roles (clerk, director, QA) come from the staff list; the
 * case roles only from the case and meeting themselves, so a social worker
 * of another case is nobody here.
 */
export function rolesOn(
  authority: Authority,
  actorObjectId: string,
  kase?: Case,
  meeting?: Meeting,
): Set<StaffRole> {
  const roles = new Set<StaffRole>();
  const member = staffById(authority, actorObjectId);
  for (const role of ["clerk", "director", "qa-manager"] as const) {
    if (member?.roles.includes(role)) roles.add(role);
  }
  if (kase !== undefined) {
    if (kase.socialWorker.entraObjectId === actorObjectId) roles.add("social-worker");
    if (kase.teamManager.entraObjectId === actorObjectId) roles.add("team-manager");
    if (kase.serviceManager.entraObjectId === actorObjectId) roles.add("service-manager");
    const chair = meeting?.chair ?? kase.chair;
    if (chair?.entraObjectId === actorObjectId) roles.add("chair");
  }
  return roles;
}

export const hasAnyRole = (roles: Set<StaffRole>, wanted: readonly StaffRole[]): boolean =>
  wanted.some((r) => roles.has(r));

/**
 * The staff a rule's `who` names (RULES.md section 1), for Teams cards.
 * "agencies" and "health" are reached by email, not here. Practice and group
 * managers (003's PM, GM) are the case's team and service managers; the QA
 * roles and the CPA team manager are the authority's QA managers.
 */
export function staffFor(
  who: readonly Who[],
  ctx: { authority: Authority; kase: Case; meeting?: Meeting },
): PersonRef[] {
  const { authority, kase, meeting } = ctx;
  const out = new Map<string, PersonRef>();
  const add = (p: PersonRef | undefined): void => {
    if (p !== undefined) out.set(p.entraObjectId, p);
  };
  const chair = meeting?.chair ?? kase.chair;
  for (const w of who) {
    switch (w) {
      case "SW":
        add(kase.socialWorker);
        break;
      case "TM":
      case "PM":
        add(kase.teamManager);
        break;
      case "SM":
      case "GM":
        add(kase.serviceManager);
        break;
      case "managers":
        add(kase.teamManager);
        add(kase.serviceManager);
        break;
      case "clerk":
        staffWithRole(authority, "clerk").forEach((s) => add(asPersonRef(s)));
        break;
      case "CP chair":
      case "CPA":
      case "IRO":
        add(chair);
        break;
      case "Director":
        staffWithRole(authority, "director").forEach((s) => add(asPersonRef(s)));
        break;
      case "CPA TM":
      case "QA TM":
      case "QA SM":
      case "QA admin manager":
        staffWithRole(authority, "qa-manager").forEach((s) => add(asPersonRef(s)));
        break;
      case "agencies":
      case "health":
        break;
    }
  }
  return [...out.values()];
}
