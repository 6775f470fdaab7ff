import { staffById, type Authority, type StaffRole } from "../kernel/authority";
import { chairsManagers } from "../chairs/staff";

/**
 * What the chat knows of a person before any case is named: their roles on
 * the staff list, and whether they are the chairs' team manager (the person
 * who makes the duty rota and sees caseloads). The help lists only what
 * these roles may do; each command still checks the roles on the case.
 */
export type ChatRole = StaffRole | "chairs-manager";

export function chatRolesOf(authority: Authority, actorId: string): Set<ChatRole> {
  const roles = new Set<ChatRole>(staffById(authority, actorId)?.roles ?? []);
  if (chairsManagers(authority).some((m) => m.entraObjectId === actorId))
    roles.add("chairs-manager");
  return roles;
}

/** How each role is named to the person who has it ("You are a social worker"). */
export const ROLE_NAMES: Record<ChatRole, string> = {
  clerk: "a clerk",
  "social-worker": "a social worker",
  "team-manager": "a team manager",
  "service-manager": "a service manager",
  chair: "a conference chair",
  director: "the Director",
  "qa-manager": "a quality assurance manager",
  "safeguarding-manager": "a safeguarding manager",
  "qa-admin": "the QA admin manager",
  iro: "an independent reviewing officer (IRO)",
  "service-owner": "a service owner for Convene",
  "chairs-manager": "the chairs' team manager",
};

/** "a social worker", "a clerk and a team manager", "a, b and c". */
export function roleList(roles: Iterable<ChatRole>): string {
  const words = [...roles].map((r) => ROLE_NAMES[r]);
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}
