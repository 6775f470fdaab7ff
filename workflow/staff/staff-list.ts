import type { StaffList } from "../../model";
import { StaffMember, StaffRole, type Authority } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";

export const staffListId = (authority: Authority): string => `staff-list:${authority.id}`;

export async function loadStaffList(deps: WorkflowDeps): Promise<StaffList | undefined> {
  const id = staffListId(deps.authority);
  return deps.store.get("staff-list", id, id);
}

/** The version of the stored list this process applied last, per authority object. */
const applied = new WeakMap<Authority, number>();

/**
 * Puts a stored list in force: every use case reads `authority.staff` when
 * it runs, so the next action sees the new roles. Roles Convene no longer
 * knows are left out rather than refused (the list was written by a newer
 * version of Convene).
 */
export function applyStaffList(authority: Authority, doc: StaffList): void {
  const staff: StaffMember[] = [];
  for (const m of doc.members) {
    const roles = m.roles.filter((r): r is StaffRole => StaffRole.safeParse(r).success);
    if (roles.length === 0) continue;
    staff.push(StaffMember.parse({ ...m, roles }));
  }
  authority.staff = staff;
  applied.set(authority, doc.version);
}

/**
 * Another instance (or the `convene staff refresh` command) may have
 * stored a newer list: apply it when its version is newer than ours. Cheap
 * (one point read); the composition root calls it at start and every
 * minute.
 */
export async function syncStaff(deps: WorkflowDeps): Promise<boolean> {
  if (deps.authority.staffGroups === undefined) return false;
  const doc = await loadStaffList(deps);
  if (doc === undefined || doc.version <= (applied.get(deps.authority) ?? 0)) return false;
  applyStaffList(deps.authority, doc);
  return true;
}
