import {
  staffWithRole,
  type Authority,
  type StaffMember,
  type StaffRole,
} from "../kernel/authority";
import { distinctPeople } from "../kernel/distinct";

/**
 * The staff an authority-wide list goes to, by role, each once, as
 * StaffMember (deliverList needs `inTeams` to choose card or CSV email).
 * docs/rules.md's `who` for these lists: Swindon's "QA TM/SM" are the QA managers,
 * "Director of Social Work" the director; West Sussex's "CPA TM" the QA managers
 * (as workflow/kernel/roles.ts reads it); chair-consultation's "QA admin manager" the qa-admin.
 */
export function staffWithRoles(authority: Authority, roles: readonly StaffRole[]): StaffMember[] {
  return distinctPeople(roles.flatMap((r) => staffWithRole(authority, r)));
}

/**
 * Chair-consultation's QA admin manager. An authority that has not configured one still
 * gets the list, at its QA managers: a list nobody receives is a month of
 * CIN cases nobody maps.
 */
export function qaAdmins(authority: Authority): StaffMember[] {
  const admins = staffWithRole(authority, "qa-admin");
  return admins.length > 0 ? admins : staffWithRole(authority, "qa-manager");
}
