import type { AuditEntry, Case, SubjectKey } from "../../model";
import { subjectKeyId } from "../../model";
import { conflict, isStoreError } from "../../ports/store-errors";
import type { Listing } from "../../ports/store";
import { chained } from "../../model/audit-chain";
import {
  newKey,
  pseudonymise,
  reidentify,
  subjectIds,
  type SubjectIds,
} from "../../model/audit-pseudonym";

/** What each adapter gives the audit ledger: a few point reads and writes. */
export interface LedgerBackend {
  getKey(id: string): Promise<SubjectKey | undefined>;
  /** Conflict when another writer created it first. */
  createKey(key: SubjectKey): Promise<SubjectKey>;
  /** The case, or undefined when absent or unreadable. */
  getCase(caseId: string): Promise<Case | undefined>;
  /** The entry with the highest seq in a partition. */
  head(pk: string): Promise<AuditEntry | undefined>;
  /** Conflict when the id, or the seq, is already taken in the partition. */
  insert(entry: AuditEntry): Promise<AuditEntry>;
  exists(pk: string, id: string): Promise<boolean>;
  /** Every entry of one partition, as stored. */
  partition(pk: string): Promise<Listing<AuditEntry>>;
}

/** Tries before giving up when other writers keep taking the next place. */
const ATTEMPTS = 8;

async function keyFor(
  backend: LedgerBackend,
  caseId: string,
  at: string,
  childId?: string,
): Promise<SubjectKey> {
  const id = subjectKeyId(caseId, childId);
  const found = await backend.getKey(id);
  if (found !== undefined) return found;
  try {
    return await backend.createKey(newKey(caseId, at, childId));
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    const again = await backend.getKey(id);
    if (again === undefined) throw err;
    return again;
  }
}

/**
 * The keys of a case and of each of its children, made on first use. A
 * child whose key was destroyed (erased) gets no new one unless the case
 * still lists them, which it no longer does after an erasure.
 */
async function idsForWriting(
  backend: LedgerBackend,
  caseId: string,
  at: string,
): Promise<SubjectIds> {
  const kase = await backend.getCase(caseId);
  const keys = [await keyFor(backend, caseId, at)];
  for (const child of kase?.children ?? []) keys.push(await keyFor(backend, caseId, at, child.id));
  const ids = subjectIds(caseId, keys);
  if (ids === undefined) throw new Error("a case key was just made and is missing");
  return ids;
}

/** The pseudonyms of a case that can still be undone (keys not destroyed). */
export async function idsForReading(
  backend: Pick<LedgerBackend, "getKey" | "getCase">,
  caseId: string,
): Promise<SubjectIds | undefined> {
  const caseKey = await backend.getKey(subjectKeyId(caseId));
  if (caseKey === undefined) return undefined;
  const kase = await backend.getCase(caseId);
  const keys: SubjectKey[] = [caseKey];
  for (const child of kase?.children ?? []) {
    const k = await backend.getKey(subjectKeyId(caseId, child.id));
    if (k !== undefined) keys.push(k);
  }
  return subjectIds(caseId, keys);
}

/**
 * Appends one entry: pseudonymised (an entry about a case), placed at the
 * end of its partition's hash chain. Partitions chain separately, so
 * instances writing about different cases never wait on each other; two
 * writing to the same case race for the next seq, which the store keeps
 * unique, and the loser places its entry after the winner's.
 */
export async function appendChained(
  backend: LedgerBackend,
  entry: AuditEntry,
): Promise<AuditEntry> {
  const stored =
    entry.caseId === undefined
      ? entry
      : pseudonymise(entry, await idsForWriting(backend, entry.caseId, entry.at));
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const next = chained(stored, await backend.head(stored.pk));
    try {
      return await backend.insert(next);
    } catch (err) {
      if (!isStoreError(err, "Conflict")) throw err;
      if (await backend.exists(stored.pk, stored.id)) throw conflict(stored.id);
      // Someone else took this place in the chain: go after them.
    }
  }
  throw new Error(`audit partition busy: no place in the chain after ${ATTEMPTS} tries`);
}

/**
 * A case's audit trail by time, read back with the identifiers Convene can
 * still undo; entries written before the chain (under the plain case id)
 * are included.
 */
export async function auditOfCase(
  backend: LedgerBackend,
  caseId: string,
): Promise<Listing<AuditEntry>> {
  const ids = await idsForReading(backend, caseId);
  const legacy = await backend.partition(caseId);
  const items: AuditEntry[] = [...legacy.items];
  const invalid = [...legacy.invalid];
  if (ids !== undefined) {
    const chain = await backend.partition(ids.casePseudonym);
    items.push(...chain.items.map((e) => ({ ...reidentify(e, ids), etag: e.etag })));
    invalid.push(...chain.invalid);
  }
  items.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : (a.seq ?? 0) - (b.seq ?? 0)));
  return { items, invalid };
}
