import { z } from "zod";

/**
 * A UTC instant as `Date.prototype.toISOString()` writes it: always with
 * milliseconds and `Z`. Fixed width matters: both stores answer range
 * queries (due tasks, meetings in a week) by comparing these strings, and
 * "…:00Z" would sort after "…:00.500Z" if both shapes were allowed.
 */
export const Instant = z.iso.datetime({ precision: 3 });
export type Instant = z.infer<typeof Instant>;

/** A calendar date (date of birth); no time, no zone. */
export const IsoDate = z.iso.date();

/**
 * Document ids travel in Cosmos URLs, which reject `/ \ ? #`; refusing them
 * here keeps both stores accepting exactly the same ids.
 */
export const DocId = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[^/\\?#]+$/, "id must not contain / \\ ? or #");

/** Microsoft Entra object ids are GUIDs; z.guid() accepts any GUID version. */
export const EntraObjectId = z.guid();

/**
 * Fields every stored document has. `pk` is the partition key: Cosmos routes
 * on it and point reads need it, so it is a plain field that each document
 * type derives from its own ids (checked by that type's schema). `etag` is
 * surfaced by the store on every read and write and is never written back;
 * a change passes it to `replace` as the IfMatch condition.
 */
export const docBase = <T extends string>(type: T) => ({
  id: DocId,
  type: z.literal(type),
  pk: z.string().min(1),
  etag: z.string().min(1).optional(),
  /**
   * The document's schema version (SCHEMA_VERSIONS in model/index.ts). The
   * store writes the current one on every create and replace; a document
   * stored before versions existed has none and reads as version 1. A
   * document below its type's current version is refused on read (never
   * half-read through a newer schema, which would drop its old fields)
   * until the start-up migrations bring it up (store/migrations/).
   */
  v: z.number().int().min(1).optional(),
});
