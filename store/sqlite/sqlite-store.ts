import { randomUUID } from "node:crypto";
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import {
  versionOf,
  type AuditEntry,
  type DocOf,
  type DocType,
  type Document,
  type Meeting,
  type Notification,
  type Task,
} from "../../model";
import type { RawRecord, RecordKeeping, RemovableType } from "../../ports/records";
import { appendChained, auditOfCase, type LedgerBackend } from "../audit/ledger";
import { decode, decodeAll, decodeOrThrow, forWrite, withoutEtag } from "../codec";
import {
  QUARANTINED,
  byQuarantinedAt,
  heldOf,
  quarantinedError,
  refOf,
  wrapperOf,
} from "../quarantine";
import { assertWriteRoute, conflict, notFound, preconditionFailed } from "../../ports/store-errors";
import { CONTAINER_OF, readyAtOf } from "../layout";
import type {
  InvalidRef,
  ListableType,
  Listing,
  MutableDocType,
  MutableDocument,
  Page,
  QuarantineOutcome,
  QuarantinedRef,
  RawDocument,
  Store,
} from "../../ports/store";
import { applySchema } from "./schema";

export interface SqliteStoreOptions {
  /** Database file; its directory is created if missing. */
  file: string;
  busyTimeoutMs?: number;
}

interface Row {
  id: string;
  pk: string;
  type: string;
  etag: string;
  body: string;
}

interface DueRow extends Row {
  ready_at: string;
}

/** Columns of one document, in the order the insert/update statements bind them. */
interface Columns {
  coll: string;
  pk: string;
  id: string;
  type: string;
  etag: string;
  body: string;
  status: string | null;
  meeting_id: string | null;
  start_at: string | null;
  ready_at: string | null;
}

function columnsOf(doc: Document, etag: string): Columns {
  return {
    coll: CONTAINER_OF[doc.type],
    pk: doc.pk,
    id: doc.id,
    type: doc.type,
    etag,
    body: JSON.stringify(withoutEtag(doc)),
    status: "status" in doc ? doc.status : null,
    meeting_id: "meetingId" in doc && doc.meetingId !== undefined ? doc.meetingId : null,
    start_at: doc.type === "meeting" ? (doc.start ?? null) : null,
    ready_at: doc.type === "task" ? (readyAtOf(doc) ?? null) : null,
  };
}

function parseBody(row: Row): unknown {
  try {
    return JSON.parse(row.body);
  } catch {
    // Left for the schema to reject, so a corrupt body is reported by id
    // like any other bad document.
    return undefined;
  }
}

/** Continuation: the key of the last row handed out (keyset paging, stable under claims). */
interface DueKey {
  r: string;
  p: string;
  i: string;
}
const encodeKey = (key: DueKey): string => Buffer.from(JSON.stringify(key)).toString("base64url");
function decodeKey(token: string): DueKey {
  const parsed: unknown = JSON.parse(Buffer.from(token, "base64url").toString("utf8"));
  if (
    typeof parsed === "object" &&
    parsed !== null &&
    "r" in parsed &&
    "p" in parsed &&
    "i" in parsed &&
    typeof parsed.r === "string" &&
    typeof parsed.p === "string" &&
    typeof parsed.i === "string"
  ) {
    return { r: parsed.r, p: parsed.p, i: parsed.i };
  }
  throw new TypeError("bad continuation token");
}

/**
 * The embedded default store: better-sqlite3 on a file under DATA_DIR.
 * Calls are synchronous underneath; each write is one short transaction so
 * no lock is ever held across an await.
 */
export class SqliteStore implements Store, RecordKeeping {
  private readonly db: Database.Database;
  private readonly stmt;
  private readonly ledger: LedgerBackend;
  private readonly insertAll: (docs: readonly MutableDocument[]) => void;

  constructor(options: SqliteStoreOptions) {
    mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });
    // Owner-only (0600) whatever the umask: the file holds children's and
    // families' details. SQLite gives the -wal and -shm files the database
    // file's own permissions, so creating it first with 0600 covers them.
    if (!existsSync(options.file)) closeSync(openSync(options.file, "a", 0o600));
    chmodSync(options.file, 0o600);
    this.db = new Database(options.file);
    applySchema(this.db, options.busyTimeoutMs ?? 5000);
    const db = this.db;
    this.stmt = {
      insert: db.prepare<Columns>(
        `INSERT INTO docs (coll, pk, id, type, etag, body, status, meeting_id, start_at, ready_at)
         VALUES (@coll, @pk, @id, @type, @etag, @body, @status, @meeting_id, @start_at, @ready_at)`,
      ),
      current: db.prepare<[string, string, string], { type: string; etag: string }>(
        "SELECT type, etag FROM docs WHERE coll = ? AND pk = ? AND id = ?",
      ),
      update: db.prepare<Columns & { if_match: string }>(
        `UPDATE docs SET etag = @etag, body = @body, status = @status, meeting_id = @meeting_id,
           start_at = @start_at, ready_at = @ready_at
         WHERE coll = @coll AND pk = @pk AND id = @id AND type = @type AND etag = @if_match`,
      ),
      get: db.prepare<[string, string, string], Row>(
        "SELECT id, pk, type, etag, body FROM docs WHERE coll = ? AND pk = ? AND id = ?",
      ),
      // Quarantine in place: the wrapper carries no column any listing filters on.
      quarantine: db.prepare<{
        coll: string;
        pk: string;
        id: string;
        etag: string;
        body: string;
        if_match: string;
      }>(
        `UPDATE docs SET type = '${QUARANTINED}', etag = @etag, body = @body, status = NULL,
           meeting_id = NULL, start_at = NULL, ready_at = NULL
         WHERE coll = @coll AND pk = @pk AND id = @id AND etag = @if_match`,
      ),
      restore: db.prepare<Columns & { if_match: string }>(
        `UPDATE docs SET type = @type, etag = @etag, body = @body, status = @status,
           meeting_id = @meeting_id, start_at = @start_at, ready_at = @ready_at
         WHERE coll = @coll AND pk = @pk AND id = @id AND type = '${QUARANTINED}' AND etag = @if_match`,
      ),
      quarantined: db.prepare<[], { body: string }>(
        `SELECT body FROM docs WHERE type = '${QUARANTINED}' AND coll <> 'audit'`,
      ),
      dueFirst: db.prepare<[string, number], DueRow>(
        `SELECT id, pk, type, etag, body, ready_at FROM docs
         WHERE ready_at <= ? ORDER BY ready_at, pk, id LIMIT ?`,
      ),
      dueAfter: db.prepare<[string, string, string, string, number], DueRow>(
        `SELECT id, pk, type, etag, body, ready_at FROM docs
         WHERE ready_at <= ? AND (ready_at, pk, id) > (?, ?, ?)
         ORDER BY ready_at, pk, id LIMIT ?`,
      ),
      meetingsInRange: db.prepare<[string, string], Row>(
        `SELECT id, pk, type, etag, body FROM docs
         WHERE type = 'meeting' AND start_at >= ? AND start_at < ? ORDER BY start_at, id`,
      ),
      ofType: db.prepare<[string, string], Row>(
        "SELECT id, pk, type, etag, body FROM docs WHERE coll = ? AND type = ? ORDER BY id",
      ),
      rawOfType: db.prepare<[string, string], Row & { pk: string }>(
        "SELECT id, pk, type, etag, body FROM docs WHERE coll = ? AND type = ? ORDER BY pk, id",
      ),
      ofPartition: db.prepare<[string, string, string], Row>(
        "SELECT id, pk, type, etag, body FROM docs WHERE coll = ? AND pk = ? AND type = ? ORDER BY id",
      ),
      openTasksOfMeeting: db.prepare<[string, string], Row>(
        `SELECT id, pk, type, etag, body FROM docs
         WHERE coll = 'tasks' AND pk = ? AND meeting_id = ? AND status IN ('pending', 'running')`,
      ),
      claimedNotifications: db.prepare<[], Row>(
        `SELECT id, pk, type, etag, body FROM docs
         WHERE coll = 'notifications' AND type = 'notification' AND status = 'pending'
           AND json_extract(body, '$.claimedAt') IS NOT NULL
         ORDER BY id`,
      ),
      auditHead: db.prepare<[string], Row>(
        `SELECT id, pk, type, etag, body FROM docs
         WHERE coll = 'audit' AND pk = ? AND json_extract(body, '$.seq') IS NOT NULL
         ORDER BY json_extract(body, '$.seq') DESC LIMIT 1`,
      ),
      auditChain: db.prepare<[string], Row>(
        `SELECT id, pk, type, etag, body FROM docs WHERE coll = 'audit' AND pk = ?
         ORDER BY json_extract(body, '$.seq'), id`,
      ),
      auditPartitions: db.prepare<[], { pk: string }>(
        "SELECT DISTINCT pk FROM docs WHERE coll = 'audit' ORDER BY pk",
      ),
      removeAuditPartition: db.prepare<[string]>(
        "DELETE FROM docs WHERE coll = 'audit' AND pk = ?",
      ),
      everyType: db.prepare<[string], Row>(
        "SELECT id, pk, type, etag, body FROM docs WHERE type = ? ORDER BY coll, pk, id",
      ),
      everyRecord: db.prepare<[], RawRecord>(
        "SELECT coll AS container, pk, id, type, body FROM docs ORDER BY coll, pk, id",
      ),
      remove: db.prepare<[string, string, string]>(
        "DELETE FROM docs WHERE coll = ? AND pk = ? AND id = ? AND coll <> 'audit'",
      ),
    };
    this.ledger = {
      getKey: (id) => this.get("subject-key", id, id),
      createKey: async (key) => this.insertOne(key),
      getCase: async (caseId) => {
        try {
          return await this.get("case", caseId, caseId);
        } catch {
          return undefined;
        }
      },
      head: async (pk) => {
        const row = this.stmt.auditHead.get(pk);
        return row === undefined ? undefined : this.listing("audit-entry", [row]).items[0];
      },
      insert: async (entry) => this.insertOne(entry),
      exists: async (pk, id) => this.stmt.current.get("audit", pk, id) !== undefined,
      partition: async (pk) => this.listing("audit-entry", this.stmt.auditChain.all(pk)),
    };
    this.insertAll = db.transaction((batch: readonly MutableDocument[]) => {
      for (const doc of batch) {
        assertWriteRoute(doc, "create");
        this.insertRow(doc);
      }
    });
  }

  async create<D extends MutableDocument>(doc: D): Promise<D> {
    assertWriteRoute(doc, "create");
    return this.insertOne(doc);
  }

  async appendAudit(entry: AuditEntry): Promise<AuditEntry> {
    assertWriteRoute(entry, "appendAudit");
    return appendChained(this.ledger, entry);
  }

  /**
   * Bulk load in one transaction (bench, imports): validated like create;
   * Conflict aborts the whole batch. Not part of the port: Cosmos has no
   * equivalent that the emulator supports.
   */
  createMany(docs: readonly MutableDocument[]): number {
    this.insertAll(docs);
    return docs.length;
  }

  async get<T extends DocType>(type: T, id: string, pk: string): Promise<DocOf<T> | undefined> {
    const row = this.stmt.get.get(CONTAINER_OF[type], pk, id);
    if (row?.type === QUARANTINED && refOf(parseBody(row))?.recordType === type)
      throw quarantinedError(id);
    if (row === undefined || row.type !== type) return undefined;
    return { ...decodeOrThrow(type, id, parseBody(row)), etag: row.etag };
  }

  async replace<D extends MutableDocument>(doc: D, ifMatch: string): Promise<D> {
    assertWriteRoute(doc, "replace");
    const valid = decodeOrThrow(doc.type, doc.id, forWrite(doc));
    const etag = randomUUID();
    const columns = columnsOf(valid, etag);
    // One conditional UPDATE is the IfMatch: SQLite runs a statement under
    // the database write lock, so no other connection can change the row
    // between the etag comparison and the write. (A BEGIN IMMEDIATE around
    // a SELECT and an UPDATE gives the same guarantee at twice the cost.)
    const changed = this.stmt.update.run({ ...columns, if_match: ifMatch }).changes;
    if (changed === 0) {
      // Only now find out why. Only retention and erasure delete, and never
      // a record still in use, so this answer cannot be overtaken.
      const current = this.stmt.current.get(columns.coll, columns.pk, columns.id);
      if (current === undefined || current.type !== doc.type) throw notFound(doc.id);
      throw preconditionFailed(doc.id);
    }
    return { ...valid, etag } as D;
  }

  async dueTasks(now: Date, pageSize: number, continuation?: string): Promise<Page<Task>> {
    const at = now.toISOString();
    const limit = pageSize + 1;
    let rows: DueRow[];
    if (continuation === undefined) {
      rows = this.stmt.dueFirst.all(at, limit);
    } else {
      const key = decodeKey(continuation);
      rows = this.stmt.dueAfter.all(at, key.r, key.p, key.i, limit);
    }
    const more = rows.length > pageSize;
    const pageRows = more ? rows.slice(0, pageSize) : rows;
    const items: Task[] = [];
    const invalid: InvalidRef[] = [];
    for (const row of pageRows) {
      const result = decode("task", row.id, parseBody(row), row.pk);
      if (result.ok) items.push({ ...result.doc, etag: row.etag });
      else invalid.push(result.invalid);
    }
    const last = pageRows[pageRows.length - 1];
    return {
      items,
      invalid,
      ...(more && last !== undefined
        ? { continuation: encodeKey({ r: last.ready_at, p: last.pk, i: last.id }) }
        : {}),
    };
  }

  async meetingsInRange(from: Date, to: Date): Promise<Listing<Meeting>> {
    return this.listing(
      "meeting",
      this.stmt.meetingsInRange.all(from.toISOString(), to.toISOString()),
    );
  }

  async listAll<T extends ListableType>(type: T): Promise<Listing<DocOf<T>>> {
    return this.listing(type, this.stmt.ofType.all(CONTAINER_OF[type], type));
  }

  async meetingsOfCase(caseId: string): Promise<Listing<Meeting>> {
    const listing = this.listing("meeting", this.stmt.ofPartition.all("cases", caseId, "meeting"));
    listing.items.sort(byStart);
    return listing;
  }

  async openTasksOfMeeting(meetingId: string): Promise<Listing<Task>> {
    const listing = this.listing("task", this.stmt.openTasksOfMeeting.all(meetingId, meetingId));
    listing.items.sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0));
    return listing;
  }

  async claimedNotifications(): Promise<Listing<Notification>> {
    return this.listing("notification", this.stmt.claimedNotifications.all());
  }

  async outdated(type: DocType, below: number): Promise<RawDocument[]> {
    const found: RawDocument[] = [];
    for (const row of this.stmt.rawOfType.all(CONTAINER_OF[type], type)) {
      const body = parseBody(row);
      if (typeof body !== "object" || body === null || Array.isArray(body)) continue;
      if (versionOf(body) >= below) continue;
      found.push({
        id: row.id,
        pk: row.pk,
        type,
        etag: row.etag,
        body: body as Record<string, unknown>,
      });
    }
    return found;
  }

  async quarantine(
    ref: Pick<InvalidRef, "id" | "pk" | "type" | "error">,
    at: Date,
  ): Promise<QuarantineOutcome> {
    if (ref.type === "audit-entry") throw new Error("audit entries are never quarantined");
    const coll = CONTAINER_OF[ref.type];
    // A write between the read and the conditional update: look again.
    for (let round = 0; round < 3; round += 1) {
      const row = this.stmt.get.get(coll, ref.pk, ref.id);
      if (row === undefined) return "gone";
      if (row.type === QUARANTINED) return "already";
      if (row.type !== ref.type) return "gone";
      const result = decode(ref.type, ref.id, parseBody(row), ref.pk);
      if (result.ok) return "readable";
      if (result.invalid.outdated === true) return "outdated";
      const wrapper = wrapperOf(result.invalid, at, row.body);
      const changed = this.stmt.quarantine.run({
        coll,
        pk: ref.pk,
        id: ref.id,
        etag: randomUUID(),
        body: JSON.stringify(wrapper),
        if_match: row.etag,
      }).changes;
      if (changed > 0) return "quarantined";
    }
    throw preconditionFailed(ref.id);
  }

  async quarantinedRecord(
    type: MutableDocType,
    pk: string,
    id: string,
  ): Promise<{ ref: QuarantinedRef; raw: string } | undefined> {
    const row = this.stmt.get.get(CONTAINER_OF[type], pk, id);
    if (row === undefined || row.type !== QUARANTINED) return undefined;
    const held = heldOf(parseBody(row));
    return held?.ref.recordType === type ? held : undefined;
  }

  async restoreQuarantined<D extends MutableDocument>(doc: D): Promise<D> {
    assertWriteRoute(doc, "replace");
    const valid = decodeOrThrow(doc.type, doc.id, forWrite(doc));
    const row = this.stmt.get.get(CONTAINER_OF[doc.type], doc.pk, doc.id);
    const held = row !== undefined && row.type === QUARANTINED ? heldOf(parseBody(row)) : undefined;
    if (row === undefined || held?.ref.recordType !== doc.type) throw notFound(doc.id);
    const etag = randomUUID();
    const changed = this.stmt.restore.run({
      ...columnsOf(valid, etag),
      if_match: row.etag,
    }).changes;
    if (changed === 0) throw preconditionFailed(doc.id);
    return { ...valid, etag } as D;
  }

  async quarantined(): Promise<QuarantinedRef[]> {
    const refs: QuarantinedRef[] = [];
    for (const row of this.stmt.quarantined.all()) {
      let body: unknown;
      try {
        body = JSON.parse(row.body);
      } catch {
        body = undefined;
      }
      const ref = refOf(body);
      if (ref !== undefined) refs.push(ref);
    }
    return refs.sort(byQuarantinedAt);
  }

  async auditOfCase(caseId: string): Promise<Listing<AuditEntry>> {
    return auditOfCase(this.ledger, caseId);
  }

  async everyOfType<T extends RemovableType>(type: T): Promise<Listing<DocOf<T>>> {
    return this.listing(type, this.stmt.everyType.all(type));
  }

  async everyRecord(): Promise<RawRecord[]> {
    return this.stmt.everyRecord.all();
  }

  async remove(type: RemovableType, id: string, pk: string): Promise<boolean> {
    return this.stmt.remove.run(CONTAINER_OF[type], pk, id).changes > 0;
  }

  async removeRecord(container: string, pk: string, id: string): Promise<boolean> {
    return this.stmt.remove.run(container, pk, id).changes > 0;
  }

  async auditChain(pk: string): Promise<Listing<AuditEntry>> {
    return this.listing("audit-entry", this.stmt.auditChain.all(pk));
  }

  async auditHead(pk: string): Promise<AuditEntry | undefined> {
    return this.ledger.head(pk);
  }

  async auditPartitions(): Promise<string[]> {
    return this.stmt.auditPartitions.all().map((r) => r.pk);
  }

  async removeAuditPartition(pk: string): Promise<number> {
    return this.stmt.removeAuditPartition.run(pk).changes;
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private insertOne<D extends Document>(doc: D): D {
    const { valid, etag } = this.insertRow(doc);
    return { ...valid, etag } as D;
  }

  private insertRow(doc: Document): { valid: Document; etag: string } {
    const valid = decodeOrThrow(doc.type, doc.id, forWrite(doc));
    const etag = randomUUID();
    try {
      this.stmt.insert.run(columnsOf(valid, etag));
    } catch (err) {
      if (isUniqueViolation(err)) throw conflict(doc.id);
      throw err;
    }
    return { valid, etag };
  }

  private listing<T extends DocType>(type: T, rows: Row[]): Listing<DocOf<T>> {
    const etags = new Map(rows.map((row) => [row.id, row.etag]));
    const { items, invalid } = decodeAll(
      type,
      rows.map((row) => ({ id: row.id, pk: row.pk, raw: parseBody(row) })),
    );
    return { items: items.map((doc) => ({ ...doc, etag: etags.get(doc.id) })), invalid };
  }
}

function byStart(a: Meeting, b: Meeting): number {
  const x = a.start ?? "";
  const y = b.start ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Not `instanceof Error`: better-sqlite3's native side keeps the SqliteError
 * class of the first realm that loaded it, so under jest (a realm per test
 * file) a later file's errors are not instances of its own Error.
 */
function isUniqueViolation(err: unknown): boolean {
  return (
    typeof err === "object" &&
    err !== null &&
    "code" in err &&
    (err.code === "SQLITE_CONSTRAINT_UNIQUE" || err.code === "SQLITE_CONSTRAINT_PRIMARYKEY")
  );
}
