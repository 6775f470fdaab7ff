import type Database from "better-sqlite3";

/**
 * One table of JSON documents plus the few fields the queries filter on,
 * copied into columns so SQLite can index them. `coll` and `pk` mirror the
 * Cosmos container and partition key: ids are unique per (coll, pk, id) in
 * both adapters.
 *
 * Indexes, one per query (see ports/store.ts):
 * - docs_key (coll, pk, id): point reads, "meetings of a case" (cases/pk =
 *   case id), "open tasks of a meeting" (tasks/pk = meeting id), audit of a
 *   case (audit/pk = case id): all prefix scans of the key.
 * - docs_ready (ready_at, pk, id), partial: the due-task query is one range
 *   scan in order, and settled tasks (ready_at NULL) take no space in it, so
 *   a million done tasks do not slow the sweep.
 * - docs_meeting_start (start_at), partial on meetings: weekly/monthly lists.
 * - docs_audit_seq (pk, seq), unique, partial on the audit: one entry per
 *   place in a partition's hash chain (store/audit/ledger.ts), so two
 *   processes appending to one case at once cannot both take seq n.
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS docs (
  coll       TEXT NOT NULL,
  pk         TEXT NOT NULL,
  id         TEXT NOT NULL,
  type       TEXT NOT NULL,
  etag       TEXT NOT NULL,
  body       TEXT NOT NULL,
  status     TEXT,
  meeting_id TEXT,
  start_at   TEXT,
  ready_at   TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS docs_key ON docs (coll, pk, id);
CREATE INDEX IF NOT EXISTS docs_ready ON docs (ready_at, pk, id) WHERE ready_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS docs_meeting_start ON docs (start_at) WHERE type = 'meeting';
CREATE UNIQUE INDEX IF NOT EXISTS docs_audit_seq ON docs (pk, json_extract(body, '$.seq'))
  WHERE coll = 'audit';
`;

export function applySchema(db: Database.Database, busyTimeoutMs: number): void {
  // WAL: readers never block the writer and a killed process loses nothing
  // it committed. synchronous=FULL fsyncs every commit, so a power cut or an
  // OS crash cannot drop one either: a lost commit could be a booked
  // meeting's deadlines, which must never vanish. It costs throughput (the
  // scheduler sweeps ~1,100 tasks/s instead of ~4,000 on the dev machine),
  // far more than a council's daily load.
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  // Several store clients (processes or connections) share the file: wait
  // for the write lock instead of failing with SQLITE_BUSY at once.
  db.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  db.exec(SCHEMA_SQL);
}
