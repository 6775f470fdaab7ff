import { readableItems } from "../kernel/unreadable";
import type { Case } from "../../model";
import type { Actor } from "../../ports";
import { audit } from "../kernel/audit";
import type { WorkflowDeps } from "../kernel/deps";
import { caseIdOf } from "../kernel/load";
import { rolesOn } from "../kernel/roles";

/** "c1001", "C 1001", "c-1001." → "C1001": how two spellings of one reference compare. */
export const referenceKey = (text: string): string => text.toUpperCase().replace(/[^A-Z0-9]/g, "");

/**
 * Words in a message that could be a case reference: letters and digits
 * with at least one digit ("C-1001", "c1001", "CP-2026-0412"). A date
 * ("2027-02") or a bare number is not taken for one.
 */
export function referenceCandidates(text: string): string[] {
  const out: string[] = [];
  const re = /[A-Za-z]+[\s-]?\d[A-Za-z0-9-]*/g;
  for (const m of text.matchAll(re)) out.push(m[0].replace(/[.,;:!?]+$/, ""));
  return out;
}

/** Edit distance (insert, delete, change, swap of neighbours), stopping early past `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  return d[a.length]![b.length]!;
}

/** Whether a person may see a case at all: any role on it, or an authority-wide one. */
export const maySee = (deps: WorkflowDeps, actor: Actor, kase: Case): boolean =>
  rolesOn(deps.authority, actor.objectId, kase).size > 0;

export type Resolved =
  { kind: "found"; kase: Case } | { kind: "near"; cases: Case[] } | { kind: "none" };

/**
 * A typed reference: the case itself when it is exactly right; otherwise the
 * cases this person may see whose reference is one slip away ("c1001",
 * "C-1010" for C-1001, "C-10001"). Never a case they may not see, so a
 * guess learns nothing. At most 3, nearest first.
 */
export async function resolveReference(
  deps: WorkflowDeps,
  actor: Actor,
  typed: string,
): Promise<Resolved> {
  const exact = await deps.store.get("case", caseIdOf(typed), caseIdOf(typed));
  if (exact !== undefined) return { kind: "found", kase: exact };
  const key = referenceKey(typed);
  if (key.length < 3) return { kind: "none" };
  const max = key.length >= 8 ? 2 : 1;
  const near = (await readableItems(deps, deps.store.listAll("case"), "chat"))
    .filter((c) => maySee(deps, actor, c))
    .map((c) => ({ c, d: editDistance(referenceKey(c.reference), key, max) }))
    .filter((x) => x.d <= max)
    .sort((a, b) => a.d - b.d || a.c.reference.localeCompare(b.c.reference));
  // The same letters and digits ("c1001" for C-1001) is no guess: offer that one alone.
  const nearest = near.filter((x) => x.d === near[0]?.d).slice(0, 3);
  return nearest.length === 0 ? { kind: "none" } : { kind: "near", cases: nearest.map((x) => x.c) };
}
/** Each "did you mean" offer is audited: the case was named to this person (ids only). */
export async function auditSuggestions(
  deps: WorkflowDeps,
  actor: Actor,
  cases: readonly Case[],
  via: string,
): Promise<void> {
  for (const kase of cases)
    await audit(deps, {
      caseId: kase.id,
      actor: actor.objectId,
      action: "case.suggested",
      target: { type: "case", id: kase.id },
      detail: { via },
    });
}
