import type { Case, PersonRef, StandDownApproval } from "../../model";
import { asPersonRef, staffWithRole, type Authority, type StaffRole } from "../kernel/authority";

/**
 * One approval a stand-down needs: who can give it. `case-service-manager`
 * is the case's own (operational) service manager; a role is anyone on the
 * authority's staff list with it.
 */
export interface ApprovalRequirement {
  /** Recorded with the approval ("operational-sm"). */
  slot: string;
  /** "the operational service manager" (cards and refusals). */
  words: string;
  from: "case-service-manager" | { role: StaffRole };
}

/**
 * The approvals each policy needs to stand a meeting down (docs/rules.md, stand-down), all of them before anything changes:
 * - `leicestershire`: "permission from a Safeguarding manager";
 * - `swindon` (Swindon rule 17): "a joint decision between the operational SM
 *   and the QA & Review SM", so two people: one person holding both roles
 *   fills only one of them;
 * - every other policy: the case's service manager. docs/rules.md names no
 *   approver outside Leicestershire and Swindon; the SM is who approves a meeting going
 *   out of timescale (section 3), the nearest decision a council makes, so
 *   a stand-down is never decided by the person asking alone.
 */
export const STAND_DOWN_APPROVALS: Readonly<Record<string, readonly ApprovalRequirement[]>> = {
  leicestershire: [
    {
      slot: "safeguarding-manager",
      words: "a safeguarding manager",
      from: { role: "safeguarding-manager" },
    },
  ],
  swindon: [
    {
      slot: "operational-sm",
      words: "the operational service manager",
      from: "case-service-manager",
    },
    { slot: "qa-sm", words: "a QA & Review service manager", from: { role: "qa-manager" } },
  ],
};

export const DEFAULT_STAND_DOWN_APPROVALS: readonly ApprovalRequirement[] = [
  { slot: "service-manager", words: "the case's service manager", from: "case-service-manager" },
];

export function requirementsFor(policyId: string): readonly ApprovalRequirement[] {
  return STAND_DOWN_APPROVALS[policyId] ?? DEFAULT_STAND_DOWN_APPROVALS;
}

/** Who can give one approval, on this case. */
export function candidatesFor(
  requirement: ApprovalRequirement,
  authority: Authority,
  kase: Case,
): PersonRef[] {
  if (requirement.from === "case-service-manager") return [kase.serviceManager];
  return staffWithRole(authority, requirement.from.role).map(asPersonRef);
}

/**
 * "the operational service manager and a QA & Review service manager": the
 * people, in a social worker's words (the council's procedure is named in
 * docs/, never on a card).
 */
export function approvalWords(policyId: string): string {
  const words = requirementsFor(policyId).map((r) => r.words);
  return words.length <= 1
    ? (words[0] ?? "")
    : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

/**
 * The slot an actor's approval fills: the first requirement still open
 * that they can give, never one beside a slot they already filled (a joint
 * decision takes two people). Undefined when they can give none.
 */
export function slotFor(
  requirements: readonly ApprovalRequirement[],
  approvals: readonly StandDownApproval[],
  actorId: string,
  authority: Authority,
  kase: Case,
): ApprovalRequirement | undefined {
  if (approvals.some((a) => a.by === actorId)) return undefined;
  const filled = new Set(approvals.map((a) => a.slot));
  const open = requirements.filter((r) => !filled.has(r.slot));
  // Prefer the requirement fewest others can give (the case's SM before
  // "any QA manager"), so a person with both roles leaves the other open
  // for someone else.
  const mine = open.filter((r) =>
    candidatesFor(r, authority, kase).some((p) => p.entraObjectId === actorId),
  );
  mine.sort(
    (a, b) => candidatesFor(a, authority, kase).length - candidatesFor(b, authority, kase).length,
  );
  return mine[0];
}

/** The requirements not yet approved. */
export function missing(
  requirements: readonly ApprovalRequirement[],
  approvals: readonly StandDownApproval[],
): ApprovalRequirement[] {
  const filled = new Set(approvals.map((a) => a.slot));
  return requirements.filter((r) => !filled.has(r.slot));
}

/**
 * Whether distinct people can fill every requirement still open, given who
 * has approved already (a small matching: requirements are one or two).
 * A policy that cannot be satisfied is refused up front rather than left
 * waiting for an approval nobody can give.
 */
export function canBeMet(
  requirements: readonly ApprovalRequirement[],
  approvals: readonly StandDownApproval[],
  authority: Authority,
  kase: Case,
): boolean {
  const used = new Set(approvals.map((a) => a.by));
  const open = missing(requirements, approvals);
  const assign = (i: number): boolean => {
    const r = open[i];
    if (r === undefined) return true;
    for (const p of candidatesFor(r, authority, kase)) {
      if (used.has(p.entraObjectId)) continue;
      used.add(p.entraObjectId);
      if (assign(i + 1)) return true;
      used.delete(p.entraObjectId);
    }
    return false;
  };
  return assign(0);
}

/**
 * Whether the actor is an approver the policy names for this case (any of
 * its requirements, given or not): who may refuse a stand-down request
 * (docs/rules.md, stand-down). Approving needs an approval still open; refusing
 * only that the decision is theirs to share.
 */
export function isNamedApprover(
  requirements: readonly ApprovalRequirement[],
  actorId: string,
  authority: Authority,
  kase: Case,
): boolean {
  return requirements.some((r) =>
    candidatesFor(r, authority, kase).some((p) => p.entraObjectId === actorId),
  );
}
