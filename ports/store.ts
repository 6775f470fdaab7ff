import type { AuditEntry, DocOf, DocType, Document, Meeting, Notification, Task } from "../model";

export * from "./store-errors";

/** Audit entries are append-only: they go through appendAudit and never change. */
export type MutableDocument = Exclude<Document, { type: "audit-entry" }>;
export type MutableDocType = MutableDocument["type"];
/** Document types a job may list across partitions (never tasks or audit: they have their own queries). */
export type ListableType = Exclude<DocType, "task" | "audit-entry" | "notification">;

/**
 * A stored document that failed its schema: reported by where it is held
 * (type, partition, id) so the workflow can quarantine it, never handed on.
 */
export interface InvalidRef {
  id: string;
  /** The partition it is held in ("" when the stored body names none). */
  pk: string;
  /** The type it was read as. */
  type: DocType;
  /** Failing paths and zod's codes only: never a stored value. */
  error: string;
  /**
   * Stored in an older shape that the start-up migration brings up (an
   * instance of the previous version wrote it during a rolling deploy):
   * readable once migrated, so never quarantined.
   */
  outdated?: true;
}

/**
 * A record set aside because it could not be read: where it was and why.
 * Its raw form is kept by the store (for a person to put right, and for
 * subject access, erasure and retention through RecordKeeping.everyRecord)
 * and never listed here, so nothing that shows this can carry it.
 */
export interface QuarantinedRef {
  id: string;
  pk: string;
  /** The type it was read as. */
  recordType: DocType;
  reason: string;
  quarantinedAt: string;
}

/**
 * What quarantine did: set it aside now; found it already aside; found it
 * readable after all (put right since it was listed: left where it is);
 * found nothing there.
 */
export type QuarantineOutcome = "quarantined" | "already" | "readable" | "outdated" | "gone";

/**
 * A stored document as it is, not read through its schema: what the
 * start-up migrations read, so an older shape is seen whole.
 */
export interface RawDocument {
  id: string;
  pk: string;
  type: DocType;
  /** The IfMatch condition for the replace that migrates it. */
  etag: string;
  body: Record<string, unknown>;
}

export interface Listing<T> {
  items: T[];
  invalid: InvalidRef[];
}

export interface Page<T> extends Listing<T> {
  /** Opaque; pass back to get the next page. Absent on the last page. */
  continuation?: string;
}

/**
 * The one store port; adapters: SQLite (embedded default) and Cosmos DB.
 * Both pass the shared contract suite in test/store-contract.ts.
 *
 * Every write validates the document against its zod schema, strips any
 * `etag` it carries and answers the stored document with its new `etag`.
 * Every read validates too: a stored document that fails is reported by id
 * (InvalidDocument for a point read, `invalid` in a listing) and never
 * handed on as if it were good.
 */
export interface Store {
  /** Conflict if a document with that id already exists in its partition. */
  create<D extends MutableDocument>(doc: D): Promise<D>;
  /** undefined when absent (or when the id belongs to another document type). */
  get<T extends DocType>(type: T, id: string, pk: string): Promise<DocOf<T> | undefined>;
  /**
   * Replace only if the stored etag is still `ifMatch` (Cosmos IfMatch);
   * PreconditionFailed if not, NotFound if it is gone.
   */
  replace<D extends MutableDocument>(doc: D, ifMatch: string): Promise<D>;
  /** The only write for audit entries; there is no update or delete. */
  appendAudit(entry: AuditEntry): Promise<AuditEntry>;
  auditOfCase(caseId: string): Promise<Listing<AuditEntry>>;

  /**
   * Tasks the scheduler may claim at `now`: pending ones due at or before
   * `now`, and running ones whose lease ended at or before `now` (their
   * instance died). Oldest first by the instant they became claimable
   * (dueAt, or leaseUntil for an expired lease); paged.
   */
  dueTasks(now: Date, pageSize: number, continuation?: string): Promise<Page<Task>>;
  /** Meetings starting in [from, to), every status, by start. */
  meetingsInRange(from: Date, to: Date): Promise<Listing<Meeting>>;
  meetingsOfCase(caseId: string): Promise<Listing<Meeting>>;
  /**
   * Every valid document of one type across partitions, by id: for the
   * monthly and daily jobs that look at every case (indicator review, case
   * mapping, the CP register). Not for request paths.
   */
  listAll<T extends ListableType>(type: T): Promise<Listing<DocOf<T>>>;
  /** pending and running tasks of a meeting, by dueAt. */
  openTasksOfMeeting(meetingId: string): Promise<Listing<Task>>;
  /**
   * Notifications a sender claimed and never recorded an outcome for
   * (pending with a claim), by id: once per start, to report sends left in
   * doubt by a process that stopped. Cross-partition; not for request paths.
   */
  claimedNotifications(): Promise<Listing<Notification>>;

  /**
   * For the start-up migrations only: every stored document of `type`
   * whose schema version is below `below` (a document with no version is
   * version 1), raw, by id. A body that is not a JSON object is not
   * answered here: it is no shape to migrate, and reads report it by id.
   */
  outdated(type: DocType, below: number): Promise<RawDocument[]>;

  /**
   * Moves an unreadable record aside, raw form kept (the stored text
   * whole), with its type, partition, id, the reason and `at` (the
   * caller's clock). Idempotent. Afterwards no listing answers it and a
   * point read of it throws InvalidDocument ("quarantined"), so it is never
   * taken for absent. A record that reads well now is left alone, and so
   * is one only stored in an older shape ("outdated": the migration's).
   * Never an audit entry: the audit is append-only (RecordKeeping.auditChain
   * reports an unreadable one).
   */
  quarantine(
    ref: Pick<InvalidRef, "id" | "pk" | "type" | "error">,
    at: Date,
  ): Promise<QuarantineOutcome>;
  /** Every quarantined record, by id only (no raw form), oldest first. */
  quarantined(): Promise<QuarantinedRef[]>;
  /**
   * One quarantined record with the raw text it keeps, for an operator
   * putting it right (`convene quarantine show`); undefined when no record
   * of that type is held aside there.
   */
  quarantinedRecord(
    type: MutableDocType,
    pk: string,
    id: string,
  ): Promise<{ ref: QuarantinedRef; raw: string } | undefined>;
  /**
   * Puts a corrected record back in place of its quarantine wrapper (same
   * container, partition and id), validated like any write: NotFound when
   * no such record of that type is held aside, InvalidDocument when the
   * correction still fails its schema. Nothing else is ever overwritten.
   */
  restoreQuarantined<D extends MutableDocument>(doc: D): Promise<D>;

  close(): Promise<void>;
}
