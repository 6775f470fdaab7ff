import { DOC_SCHEMAS, SCHEMA_VERSIONS, versionOf, type DocOf, type DocType } from "../model";
import { invalidDocument } from "../ports/store-errors";
import type { InvalidRef } from "../ports/store";

export type Decoded<T> = { ok: true; doc: T } | { ok: false; invalid: InvalidRef };

/**
 * Validates a raw stored document against its type's schema. The message
 * names the failing paths and zod's reason only: zod can quote the offending
 * value in some messages, and a value here may be a child's name.
 */
export function decode<T extends DocType>(
  type: T,
  id: string,
  raw: unknown,
  pk = "",
): Decoded<DocOf<T>> {
  // An older shape is never read through the newer schema: zod would drop
  // the fields that moved (a meeting's one decision for the case) and hand
  // on what is left as if it were whole. The start-up migration brings it up.
  const version = versionOf(raw);
  if (version < SCHEMA_VERSIONS[type]) {
    return {
      ok: false,
      invalid: {
        id,
        pk,
        type,
        outdated: true,
        error: `stored at version ${version}, not yet migrated to ${SCHEMA_VERSIONS[type]}`,
      },
    };
  }
  const parsed = DOC_SCHEMAS[type].safeParse(raw);
  if (parsed.success) return { ok: true, doc: parsed.data as DocOf<T> };
  const error = parsed.error.issues
    .map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.code}`)
    .join("; ");
  return { ok: false, invalid: { id, pk, type, error } };
}

/** Decode or throw InvalidDocument: for point reads and for writes. */
export function decodeOrThrow<T extends DocType>(type: T, id: string, raw: unknown): DocOf<T> {
  const result = decode(type, id, raw);
  if (!result.ok) throw invalidDocument(id, result.invalid.error);
  return result.doc;
}

/** Sorts a listing's raw rows into good documents and reported ids. */
export function decodeAll<T extends DocType>(
  type: T,
  rows: Iterable<{ id: string; pk: string; raw: unknown }>,
): { items: DocOf<T>[]; invalid: InvalidRef[] } {
  const items: DocOf<T>[] = [];
  const invalid: InvalidRef[] = [];
  for (const row of rows) {
    const result = decode(type, row.id, row.raw, row.pk);
    if (result.ok) items.push(result.doc);
    else invalid.push(result.invalid);
  }
  return { items, invalid };
}

/** The document as stored: everything but the etag, which the store owns. */
export function withoutEtag<D extends { etag?: string }>(doc: D): Omit<D, "etag"> {
  const { etag: _etag, ...rest } = doc;
  return rest;
}

/**
 * What a write validates and stores: the document without its etag,
 * stamped with its type's current schema version (every write is in the
 * current shape: the schema checks it).
 */
export function forWrite<D extends { etag?: string; type: DocType; v?: number }>(
  doc: D,
): Omit<D, "etag"> {
  return { ...withoutEtag(doc), v: SCHEMA_VERSIONS[doc.type] };
}
