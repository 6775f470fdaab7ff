import type { DirectoryPerson, DirectoryPort } from "../../ports/directory";
import { GROUP_ROLES, StaffMember, type StaffGroups, type StaffRole } from "../kernel/authority";
import type { PersonRef } from "../../model";

/** Manager look-ups in flight at once (Graph's directory throttles per app). */
const CONCURRENCY = 4;

export interface DirectoryRead {
  staff: StaffMember[];
  /** Group members Convene cannot use (no mailbox): counted, never silently dropped. */
  withoutMailbox: string[];
}

/**
 * The staff list as the directory has it: each configured group's members
 * (transitive, every page) hold its role; each person's line manager comes
 * from `/users/{id}/manager`; their team from the configured attribute. A
 * social worker's team manager is their line manager, and their service
 * manager the team manager's line manager (when those are on the list).
 * Any failed read throws: the caller keeps the last good list.
 */
export async function readStaffFromDirectory(
  directory: DirectoryPort,
  groups: StaffGroups,
  teamAttribute: string,
): Promise<DirectoryRead> {
  const people = new Map<string, { person: DirectoryPerson; roles: Set<StaffRole> }>();
  for (const [key, role] of Object.entries(GROUP_ROLES) as [keyof StaffGroups, StaffRole][]) {
    const groupId = groups[key];
    if (groupId === undefined) continue;
    for (const person of await directory.groupUsers(groupId, teamAttribute)) {
      const entry = people.get(person.id) ?? { person, roles: new Set<StaffRole>() };
      entry.roles.add(role);
      people.set(person.id, entry);
    }
  }
  const ids = [...people.keys()];
  const managers = new Map<string, DirectoryPerson | undefined>();
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, ids.length) }, async () => {
      while (next < ids.length) {
        const id = ids[next++] as string;
        managers.set(id, await directory.managerOf(id, teamAttribute));
      }
    }),
  );
  const withoutMailbox: string[] = [];
  const staff: StaffMember[] = [];
  for (const { person, roles } of people.values()) {
    if (person.mail === undefined) {
      withoutMailbox.push(person.id);
      continue;
    }
    const manager = managers.get(person.id);
    const onList = (p: DirectoryPerson | undefined): p is DirectoryPerson =>
      p !== undefined && people.get(p.id)?.person.mail !== undefined;
    const managersManager = onList(manager) ? managers.get(manager.id) : undefined;
    const lineManager: PersonRef | undefined =
      manager?.mail !== undefined
        ? { entraObjectId: manager.id, email: manager.mail, name: manager.displayName }
        : undefined;
    staff.push(
      StaffMember.parse({
        entraObjectId: person.id,
        email: person.mail,
        name: person.displayName,
        roles: [...roles],
        ...(person.team !== undefined ? { team: person.team } : {}),
        ...(lineManager !== undefined ? { lineManager } : {}),
        ...(onList(manager) ? { teamManager: manager.id } : {}),
        ...(onList(managersManager) ? { serviceManager: managersManager.id } : {}),
      }),
    );
  }
  staff.sort(
    (a, b) => a.name.localeCompare(b.name) || a.entraObjectId.localeCompare(b.entraObjectId),
  );
  return { staff, withoutMailbox };
}
