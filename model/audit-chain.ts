import { createHash } from "node:crypto";
import type { AuditEntry } from "./audit-entry";

/** `prev` of the first entry of a partition. */
export const GENESIS = "0".repeat(64);

/** JSON with keys sorted at every level: the same entry always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * SHA-256 over everything the entry says, its place (seq) and the previous
 * hash; not the etag (the store's) or the hash itself.
 */
export function entryHash(entry: AuditEntry): string {
  // The schema version (`v`) is the store's bookkeeping, stamped on write
  // like the etag: an entry hashes the same before and after it is stored.
  const { etag: _etag, hash: _hash, v: _v, ...content } = entry as AuditEntry & { v?: number };
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/** The entry placed after `head` (or first in its partition), with its hash. */
export function chained(
  entry: AuditEntry,
  head: { seq?: number; hash?: string } | undefined,
): AuditEntry {
  const { etag: _etag, seq: _s, prev: _p, hash: _h, ...content } = entry;
  const placed: AuditEntry = {
    ...content,
    seq: (head?.seq ?? 0) + 1,
    prev: head?.hash ?? GENESIS,
  };
  return { ...placed, hash: entryHash(placed) };
}
