import type { StaffMember } from "../kernel/authority";

/** One change between two staff lists, by ids only (it goes into the audit trail). */
export type StaffChange =
  | { action: "staff.joined"; person: string; roles: string }
  | { action: "staff.left"; person: string; roles: string }
  | { action: "staff.role-added"; person: string; role: string }
  | { action: "staff.role-removed"; person: string; role: string }
  | { action: "staff.manager-changed"; person: string; from: string; to: string }
  | { action: "staff.team-changed"; person: string };

/** What changed from `before` to `after`, person by person. */
export function staffChanges(
  before: readonly StaffMember[],
  after: readonly StaffMember[],
): StaffChange[] {
  const old = new Map(before.map((s) => [s.entraObjectId, s]));
  const now = new Map(after.map((s) => [s.entraObjectId, s]));
  const out: StaffChange[] = [];
  for (const [id, s] of now) {
    const was = old.get(id);
    if (was === undefined) {
      out.push({ action: "staff.joined", person: id, roles: [...s.roles].sort().join(",") });
      continue;
    }
    for (const role of s.roles)
      if (!was.roles.includes(role)) out.push({ action: "staff.role-added", person: id, role });
    for (const role of was.roles)
      if (!s.roles.includes(role)) out.push({ action: "staff.role-removed", person: id, role });
    const from = was.lineManager?.entraObjectId ?? was.teamManager ?? "none";
    const to = s.lineManager?.entraObjectId ?? s.teamManager ?? "none";
    if (from !== to) out.push({ action: "staff.manager-changed", person: id, from, to });
    if ((was.team ?? "") !== (s.team ?? "")) out.push({ action: "staff.team-changed", person: id });
  }
  for (const [id, s] of old) {
    if (!now.has(id))
      out.push({ action: "staff.left", person: id, roles: [...s.roles].sort().join(",") });
  }
  return out;
}
