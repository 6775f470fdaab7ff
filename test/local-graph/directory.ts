import { randomUUID } from "node:crypto";

/** A user in the local tenant's directory (Entra ID). */
export interface DirectoryUser {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
  givenName?: string;
  surname?: string;
  jobTitle?: string;
  department?: string;
  officeLocation?: string;
  /** The manager's id. */
  managerId?: string;
}

/** A security group: members are users or (nested) groups, by id. */
export interface DirectoryGroup {
  id: string;
  displayName: string;
  securityEnabled: true;
  mailEnabled: false;
  members: string[];
}

/**
 * The local tenant's users and security groups. Tests seed them with
 * addUser / addGroup; the Graph routes read them (routes-directory.ts).
 */
export class Directory {
  readonly users = new Map<string, DirectoryUser>();
  readonly groups = new Map<string, DirectoryGroup>();

  addUser(user: Omit<DirectoryUser, "id"> & { id?: string }): DirectoryUser {
    const stored: DirectoryUser = { ...user, id: user.id ?? randomUUID() };
    this.users.set(stored.id, stored);
    return stored;
  }

  addGroup(group: { id?: string; displayName: string; members?: string[] }): DirectoryGroup {
    const stored: DirectoryGroup = {
      id: group.id ?? randomUUID(),
      displayName: group.displayName,
      securityEnabled: true,
      mailEnabled: false,
      members: [...(group.members ?? [])],
    };
    this.groups.set(stored.id, stored);
    return stored;
  }

  /** Graph addresses a user by id or by userPrincipalName (case-insensitive). */
  findUser(idOrUpn: string): DirectoryUser | undefined {
    const direct = this.users.get(idOrUpn);
    if (direct !== undefined) return direct;
    const upn = idOrUpn.toLowerCase();
    for (const user of this.users.values()) {
      if (user.userPrincipalName.toLowerCase() === upn) return user;
    }
    return undefined;
  }

  /** A user by mail or UPN (how a meeting or an invitation names people). */
  findByAddress(address: string): DirectoryUser | undefined {
    const wanted = address.toLowerCase();
    for (const user of this.users.values()) {
      if (user.mail.toLowerCase() === wanted || user.userPrincipalName.toLowerCase() === wanted)
        return user;
    }
    return undefined;
  }

  /**
   * Every member of the group, nested groups flattened in: the nested
   * groups themselves and their members, each once, in the order first met
   * (https://learn.microsoft.com/en-us/graph/api/group-list-transitivemembers).
   */
  transitiveMembers(groupId: string): (DirectoryUser | DirectoryGroup)[] {
    const seen = new Set<string>([groupId]);
    const out: (DirectoryUser | DirectoryGroup)[] = [];
    const walk = (id: string): void => {
      const group = this.groups.get(id);
      if (group === undefined) return;
      for (const memberId of group.members) {
        if (seen.has(memberId)) continue;
        seen.add(memberId);
        const user = this.users.get(memberId);
        const nested = this.groups.get(memberId);
        if (user !== undefined) out.push(user);
        if (nested !== undefined) {
          out.push(nested);
          walk(memberId);
        }
      }
    };
    walk(groupId);
    return out;
  }

  clear(): void {
    this.users.clear();
    this.groups.clear();
  }
}
