import {
  DOC_SCHEMAS,
  DOC_TYPES,
  SCHEMA_VERSIONS,
  versionOf,
  type AuditEntry,
  type DocType,
} from "../../model";
import type { Logger } from "../../ports/logger";
import {
  isStoreError,
  type MutableDocument,
  type RawDocument,
  type Store,
} from "../../ports/store";
import { MIGRATION_STEPS, MigrationRefused, type StepContext } from "./steps";

export interface MigrationFailure {
  type: DocType;
  id: string;
  /** Why, in ids and codes only (a value could be a child's name). */
  error: string;
}

export interface MigrationReport {
  /** Documents this run brought to their current version. */
  migrated: number;
  /** Documents another instance migrated while this one was about to. */
  migratedElsewhere: number;
  /** Left as stored, by id: reads report them, and the next start tries again. */
  failed: MigrationFailure[];
}

export interface MigrationOptions {
  clock: () => Date;
  logger: Logger;
}

/** The audit entry of one document's migration: one id per document and version, so never twice. */
export const migrationAuditId = (type: DocType, id: string, to: number): string =>
  `migrate.${type}.v${to}.${id}`;

/**
 * Brings every stored document below its type's current schema version up
 * to it (model/index.ts SCHEMA_VERSIONS, store/migrations/steps.ts), at
 * start, before anything reads the store:
 * - idempotent: only documents below their version are read, and a
 *   document written by this version is at it;
 * - resumable: each document is one conditional replace, so a run that
 *   stops part-way leaves the rest for the next start;
 * - safe with two instances starting together: the replace carries the
 *   etag read (Cosmos IfMatch, the SQLite adapter's conditional UPDATE);
 *   the instance that loses finds the document current and counts it as
 *   migrated elsewhere, so each document is migrated once;
 * - audited: each document's migration is an audit entry with an id of its
 *   own (written before the replace, and only once the new shape has passed
 *   its schema; a second writer's Conflict is the same entry), so a run that
 *   stops between the two leaves an entry the next start's replace makes true;
 * - never drops a document: one that cannot be migrated (its step refuses
 *   to guess, or the result fails its schema) stays exactly as stored and
 *   is reported by id (logged as an error, in the report).
 */
export async function migrateStore(
  store: Store,
  options: MigrationOptions,
): Promise<MigrationReport> {
  const report: MigrationReport = { migrated: 0, migratedElsewhere: 0, failed: [] };
  const ctx: StepContext = {
    caseOf: (caseId) => store.get("case", caseId, caseId),
  };
  for (const type of DOC_TYPES) {
    const current = SCHEMA_VERSIONS[type];
    if (current === 1) continue;
    for (const raw of await store.outdated(type, current)) {
      await migrateOne(store, raw, current, ctx, options, report);
    }
  }
  const summary = {
    migrated: report.migrated,
    migratedElsewhere: report.migratedElsewhere,
    failed: report.failed.length,
  };
  if (report.failed.length > 0) {
    for (const f of report.failed)
      options.logger.error(
        { docType: f.type, docId: f.id, error: f.error },
        "store migration: document left as stored",
      );
  }
  if (report.migrated + report.migratedElsewhere + report.failed.length > 0)
    options.logger.info(summary, "store migration finished");
  return report;
}

async function migrateOne(
  store: Store,
  raw: RawDocument,
  current: number,
  ctx: StepContext,
  options: MigrationOptions,
  report: MigrationReport,
): Promise<void> {
  const from = versionOf(raw.body);
  const fail = (error: string): void => {
    report.failed.push({ type: raw.type, id: raw.id, error });
  };
  let body = raw.body;
  try {
    for (let v = from; v < current; v++) {
      const step = MIGRATION_STEPS[raw.type]?.[v];
      if (step === undefined) return fail(`no migration from version ${v}`);
      body = await step(body, ctx);
    }
  } catch (err) {
    if (err instanceof MigrationRefused) return fail(err.message);
    if (isStoreError(err)) return fail(`${err.code} while reading what it needs`);
    throw err;
  }
  const parsed = DOC_SCHEMAS[raw.type].safeParse({ ...body, v: current });
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.code}`).join("; "),
    );
  }
  const caseId = typeof body.caseId === "string" ? body.caseId : undefined;
  const entry: AuditEntry = {
    id: migrationAuditId(raw.type, raw.id, current),
    type: "audit-entry",
    pk: caseId ?? "system",
    ...(caseId !== undefined ? { caseId } : {}),
    actor: "system",
    action: "store.migrate",
    target: { type: raw.type, id: raw.id },
    at: options.clock().toISOString(),
    detail: { from, to: current },
  };
  try {
    await store.appendAudit(entry);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
  }
  try {
    await store.replace(parsed.data as MutableDocument, raw.etag);
    report.migrated += 1;
  } catch (err) {
    if (!isStoreError(err, "PreconditionFailed")) throw err;
    // Changed since it was read: by another instance migrating it (it now
    // reads in the current shape), or by an older instance still writing
    // the old one (the next start migrates it).
    try {
      const now = await store.get(raw.type, raw.id, raw.pk);
      if (now !== undefined) report.migratedElsewhere += 1;
      else fail("gone during migration");
    } catch (again) {
      if (!isStoreError(again, "InvalidDocument")) throw again;
      fail("changed during migration; the next start migrates it");
    }
  }
}
