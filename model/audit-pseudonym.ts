import { createHmac, randomBytes } from "node:crypto";
import type { AuditEntry } from "./audit-entry";
import type { SubjectKey } from "./subject-key";
import { subjectKeyId } from "./subject-key";

/**
 * Pseudonyms for the people an audit entry is about. A case id or a
 * child's id is written as HMAC-SHA256(subject key, id), cut to 96 bits:
 * with the key, Convene can find a subject's entries (subject access);
 * once the key is destroyed (erasure) nobody can, and the entry, which
 * never changes, still verifies. Staff (the actor) are not pseudonymised:
 * the trail exists to show what staff did.
 */
export const PSEUDONYM = /ps-[0-9a-f]{24}/g;

export function pseudonym(key: string, id: string): string {
  return `ps-${createHmac("sha256", Buffer.from(key, "base64")).update(id).digest("hex").slice(0, 24)}`;
}

export function newKey(caseId: string, at: string, childId?: string): SubjectKey {
  const id = subjectKeyId(caseId, childId);
  return {
    id,
    type: "subject-key",
    pk: id,
    subject: childId === undefined ? "case" : "child",
    caseId,
    ...(childId !== undefined ? { childId } : {}),
    key: randomBytes(32).toString("base64"),
    createdAt: at,
  };
}

/** The identifiers of one case and the pseudonym each is written as. */
export interface SubjectIds {
  caseId: string;
  casePseudonym: string;
  /** Child id → pseudonym, for the children whose keys exist. */
  children: Map<string, string>;
}

export function subjectIds(caseId: string, keys: readonly SubjectKey[]): SubjectIds | undefined {
  const caseKey = keys.find((k) => k.subject === "case");
  if (caseKey === undefined) return undefined;
  const children = new Map<string, string>();
  for (const k of keys) {
    if (k.subject === "child" && k.childId !== undefined)
      children.set(k.childId, pseudonym(k.key, k.childId));
  }
  return { caseId, casePseudonym: pseudonym(caseKey.key, caseId), children };
}

/** Longest first, so that a child id containing the case id is replaced whole. */
function pairs(ids: SubjectIds): [string, string][] {
  return [...ids.children.entries(), [ids.caseId, ids.casePseudonym] as [string, string]].sort(
    (a, b) => b[0].length - a[0].length,
  );
}

function mapStrings(entry: AuditEntry, f: (s: string) => string): AuditEntry {
  const detail =
    entry.detail === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(entry.detail).map(([k, v]) => [k, typeof v === "string" ? f(v) : v]),
        );
  return {
    ...entry,
    ...(entry.caseId !== undefined ? { caseId: f(entry.caseId), pk: f(entry.pk) } : {}),
    target: { type: entry.target.type, id: f(entry.target.id) },
    ...(detail !== undefined ? { detail } : {}),
  };
}

/** The entry as stored: every identifier of the case and its children replaced. */
export function pseudonymise(entry: AuditEntry, ids: SubjectIds): AuditEntry {
  const list = pairs(ids);
  return mapStrings(entry, (s) => list.reduce((acc, [id, p]) => acc.split(id).join(p), s));
}

/** The entry as its case's staff read it back: the pseudonyms Convene still has keys for, undone. */
export function reidentify(entry: AuditEntry, ids: SubjectIds): AuditEntry {
  const back = new Map(pairs(ids).map(([id, p]) => [p, id]));
  return mapStrings(entry, (s) => s.replace(PSEUDONYM, (p) => back.get(p) ?? p));
}
