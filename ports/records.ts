import type { AuditEntry, DocOf, DocType } from "../model";
import type { Listing, Store } from "./store";

/** One stored document exactly as it is held (system fields aside), readable or not. */
export interface RawRecord {
  container: string;
  pk: string;
  id: string;
  /** The document's `type` as stored ("" when the body is unreadable). */
  type: string;
  /** The stored JSON text. */
  body: string;
}

export type RemovableType = Exclude<DocType, "audit-entry">;

/**
 * What retention, subject access, erasure and audit verification need from
 * a store beyond the request paths of ports/store.ts: reading everything
 * and deleting. Both adapters implement it; only the data-protection jobs
 * and the command line use it (never a card's use case).
 */
export interface RecordKeeping {
  /** Every valid document of one type across partitions (tasks, notifications, keys too). */
  everyOfType<T extends RemovableType>(type: T): Promise<Listing<DocOf<T>>>;
  /** Every stored document as text, readable or not: for a search of everything. */
  everyRecord(): Promise<RawRecord[]>;
  /** Deletes one document; false when it was already gone. Never an audit entry. */
  remove(type: RemovableType, id: string, pk: string): Promise<boolean>;
  /** Deletes a record by where it is held, for one that fails its schema (quarantined). */
  removeRecord(container: string, pk: string, id: string): Promise<boolean>;
  /** One audit partition as stored, in chain order (seq), with unreadable entries reported. */
  auditChain(pk: string): Promise<Listing<AuditEntry>>;
  /** The last entry of a partition's chain (highest seq); undefined when none is chained. */
  auditHead(pk: string): Promise<AuditEntry | undefined>;
  /** The partition key of every audit partition. */
  auditPartitions(): Promise<string[]>;
  /** Deletes a whole audit partition when the audit trail's own period ends; the count. */
  removeAuditPartition(pk: string): Promise<number>;
}

export type RecordStore = Store & RecordKeeping;

export function isRecordStore(store: Store): store is RecordStore {
  const s = store as Partial<RecordKeeping>;
  return (
    typeof s.everyOfType === "function" &&
    typeof s.everyRecord === "function" &&
    typeof s.remove === "function" &&
    typeof s.auditChain === "function"
  );
}

/** The store as a RecordStore, or a plain error: both adapters are one. */
export function recordsOf(store: Store): RecordStore {
  if (!isRecordStore(store)) throw new Error("this store cannot list or delete records");
  return store;
}
