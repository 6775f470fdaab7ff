import { GENESIS, entryHash } from "../../model/audit-chain";
import type { AuditEntry } from "../../model";
import type { RecordKeeping } from "../../ports/records";
import { ChainHead, type HeadsRecord } from "./heads";

export type ProblemKind =
  "edited" | "deleted" | "truncated" | "unreadable" | "missing-partition" | "rewritten";

export interface Problem {
  kind: ProblemKind;
  pk: string;
  seq?: number;
  id?: string;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  partitions: number;
  entries: number;
  /** Entries written before the chain existed: readable, not provable. */
  unchained: number;
  /** Which recorded heads the tails were checked against. */
  headsFrom: string[];
  problems: Problem[];
}

/** The action of the daily run's entry, whose detail carries the heads it recorded. */
export const RETENTION_RUN = "retention.run";

/**
 * Checks every partition's chain: each entry's hash over its content, each
 * link to the one before, no gap in seq (an entry deleted), and each tail
 * against the heads recorded earlier (the tail cut off): the heads the
 * last daily run wrote into the system partition, and any the operator
 * gives from the log or the operations mailbox, which the store's writers
 * cannot have rewritten.
 */
export async function verifyAudit(
  records: RecordKeeping,
  given: HeadsRecord[] = [],
): Promise<VerifyReport> {
  const problems: Problem[] = [];
  let entries = 0;
  let unchained = 0;
  const chains = new Map<string, AuditEntry[]>();
  const partitions = await records.auditPartitions();
  for (const pk of partitions) {
    const { items, invalid } = await records.auditChain(pk);
    for (const bad of invalid) {
      problems.push({
        kind: "unreadable",
        pk,
        id: bad.id,
        message: `entry ${bad.id} no longer reads as an audit entry (${bad.error})`,
      });
    }
    const chain = items.filter((e) => e.seq !== undefined);
    unchained += items.length - chain.length;
    entries += items.length + invalid.length;
    chains.set(pk, chain);
    let expected = 1;
    let prevHash = GENESIS;
    for (const e of chain) {
      const seq = e.seq as number;
      if (seq > expected) {
        problems.push({
          kind: "deleted",
          pk,
          seq: expected,
          message: `entries ${expected}${seq - 1 > expected ? `-${seq - 1}` : ""} of ${pk} are missing`,
        });
      } else if (seq < expected) {
        problems.push({ kind: "edited", pk, seq, id: e.id, message: `seq ${seq} repeats` });
      }
      if (entryHash(e) !== e.hash) {
        problems.push({
          kind: "edited",
          pk,
          seq,
          id: e.id,
          message: `entry ${seq} of ${pk} does not match its hash`,
        });
      } else if (seq === expected && e.prev !== prevHash) {
        problems.push({
          kind: "edited",
          pk,
          seq,
          id: e.id,
          message: `entry ${seq} of ${pk} does not follow the entry before it`,
        });
      }
      prevHash = e.hash ?? "";
      expected = seq + 1;
    }
  }

  const removed = new Set<string>();
  const recorded: HeadsRecord[] = [...given];
  for (const e of chains.get("system") ?? []) {
    if (e.action !== RETENTION_RUN) continue;
    const gone = e.detail?.auditPartitionsRemoved;
    if (typeof gone === "string" && gone !== "") for (const pk of gone.split(",")) removed.add(pk);
    const heads = e.detail?.heads;
    if (typeof heads === "string") {
      const parsed = ChainHead.array().safeParse(JSON.parse(heads));
      if (parsed.success) recorded.push({ recordedAt: e.at, heads: parsed.data });
    }
  }
  // The latest record in the store, and every record given: a tail cut
  // after the last run shows against the operator's copy.
  const inStore = recorded
    .slice(given.length)
    .sort((a, b) => (a.recordedAt < b.recordedAt ? 1 : -1));
  const against = [...given, ...inStore.slice(0, 1)];
  for (const record of against) {
    for (const head of record.heads) {
      const chain = chains.get(head.pk);
      if (chain === undefined || chain.length === 0) {
        if (!removed.has(head.pk))
          problems.push({
            kind: "missing-partition",
            pk: head.pk,
            message: `${head.pk} had ${head.seq} entries at ${record.recordedAt} and is gone`,
          });
        continue;
      }
      const last = chain[chain.length - 1] as AuditEntry;
      if ((last.seq ?? 0) < head.seq) {
        problems.push({
          kind: "truncated",
          pk: head.pk,
          seq: head.seq,
          message: `${head.pk} ended at entry ${head.seq} at ${record.recordedAt}; it now ends at ${last.seq ?? 0}`,
        });
        continue;
      }
      const at = chain.find((e) => e.seq === head.seq);
      if (at !== undefined && at.hash !== head.hash)
        problems.push({
          kind: "rewritten",
          pk: head.pk,
          seq: head.seq,
          message: `entry ${head.seq} of ${head.pk} is not the one recorded at ${record.recordedAt}`,
        });
    }
  }
  return {
    ok: problems.length === 0,
    partitions: partitions.length,
    entries,
    unchained,
    headsFrom: against.map((r) => r.recordedAt),
    problems,
  };
}
