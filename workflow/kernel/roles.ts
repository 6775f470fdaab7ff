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
    // With the staff list from Entra ID groups, a case role also needs the
    // role's group: someone removed from the chairs' group no longer chairs,
    // from the next refresh on (workflow/staff). The hand-kept JSON list
    // keeps the case's word alone, as before.
    const holds = (...wanted: StaffRole[]): boolean =>
      authority.staffGroups === undefined || wanted.some((r) => member?.roles.includes(r));
    if (kase.socialWorker.entraObjectId === actorObjectId && holds("social-worker"))
      roles.add("social-worker");
    if (
      kase.teamManager.entraObjectId === actorObjectId &&
      holds("team-manager", "service-manager")
    )
      roles.add("team-manager");
    if (kase.serviceManager.entraObjectId === actorObjectId && holds("service-manager"))
      roles.add("service-manager");
    const chair = meeting?.chair ?? kase.chair;
    if (chair?.entraObjectId === actorObjectId && holds("chair", "iro")) roles.add("chair");
  }
  return roles;
}

/**
 * Who a case's escalations go to. The case's own allocated managers win for
 * that case. With the staff list from Entra ID groups, an allocated manager
 * who no longer holds the role (left, moved on) is replaced by the line
 * manager the directory names: the social worker's for the team manager,
 * the team manager's for the service manager. Nobody is dropped: with no
 * better answer the case's own stays.
 */
export function caseManagers(
  authority: Authority,
  kase: Case,
): { teamManager: PersonRef; serviceManager: PersonRef } {
  if (authority.staffGroups === undefined) {
    return { teamManager: kase.teamManager, serviceManager: kase.serviceManager };
  }
  const stillHolds = (p: PersonRef, wanted: StaffRole[]): boolean =>
    staffById(authority, p.entraObjectId)?.roles.some((r) => wanted.includes(r)) === true;
  const teamManager = stillHolds(kase.teamManager, ["team-manager", "service-manager"])
    ? kase.teamManager
    : (staffById(authority, kase.socialWorker.entraObjectId)?.lineManager ?? kase.teamManager);
  const serviceManager = stillHolds(kase.serviceManager, ["service-manager"])
    ? kase.serviceManager
    : (staffById(authority, teamManager.entraObjectId)?.lineManager ?? kase.serviceManager);
  return { teamManager, serviceManager };
}

export const hasAnyRole = (roles: Set<StaffRole>, wanted: readonly StaffRole[]): boolean =>
  wanted.some((r) => roles.has(r));

/**
 * The staff a rule's `who` names (docs/rules.md, words), for Teams cards.
 * "agencies" and "health" are reached by email, not here. Practice and group
 * managers (West Sussex's PM, GM) are the case's team and service managers; the QA
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
  const managers = caseManagers(authority, kase);
  for (const w of who) {
    switch (w) {
      case "SW":
        add(kase.socialWorker);
        break;
      case "TM":
      case "PM":
        add(managers.teamManager);
        break;
      case "SM":
      case "GM":
        add(managers.serviceManager);
        break;
      case "managers":
        add(managers.teamManager);
        add(managers.serviceManager);
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
