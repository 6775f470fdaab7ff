import { z } from "zod";

/**
 * JSON batching: up to 20 requests in one POST /$batch (docs/architecture.md). Graph
 * answers 200 for the batch and a status per part; failed parts are ours to
 * retry (the SDK does not).
 */
export const MAX_BATCH_PARTS = 20;

export interface BatchPart {
  /** Unique within the batch. */
  id: string;
  method: "GET" | "POST";
  /** Relative to the version: "/users/{id}/sendMail". */
  url: string;
  body?: unknown;
}

export interface BatchRequestBody {
  requests: {
    id: string;
    method: string;
    url: string;
    body?: unknown;
    headers?: Record<string, string>;
  }[];
}

export function toBatchBody(parts: readonly BatchPart[]): BatchRequestBody {
  if (parts.length === 0 || parts.length > MAX_BATCH_PARTS) {
    throw new RangeError(`a batch holds 1 to ${MAX_BATCH_PARTS} parts, got ${parts.length}`);
  }
  return {
    requests: parts.map((part) =>
      part.body === undefined
        ? { id: part.id, method: part.method, url: part.url }
        : {
            id: part.id,
            method: part.method,
            url: part.url,
            body: part.body,
            // Graph requires it on every part that has a body.
            headers: { "Content-Type": "application/json" },
          },
    ),
  };
}

/** zod at the edge: the batch answer as Graph documents it. */
export const BatchResponseSchema = z.object({
  responses: z.array(
    z.object({
      id: z.string(),
      status: z.number().int(),
      headers: z.record(z.string(), z.string()).optional(),
      body: z.unknown().optional(),
    }),
  ),
});
export type BatchResponse = z.infer<typeof BatchResponseSchema>;
export type BatchPartResponse = BatchResponse["responses"][number];

/**
 * Graph refuses a request over 4 MB (4,194,304 bytes), a $batch included:
 * emails with attachments fill a batch long before its 20 parts. A batch
 * is cut at this many bytes of parts, leaving room for the JSON around them.
 */
export const MAX_BATCH_BYTES = 4 * 1024 * 1024 - 64 * 1024;

/**
 * Groups of at most `maxParts` items whose sizes add up to at most
 * `maxBytes`; an item bigger than that on its own goes alone (Graph
 * answers it, 413 if it is too big, and the caller reports that).
 */
export function chunkWithin<T>(
  items: readonly T[],
  maxParts: number,
  maxBytes: number,
  sizeOf: (item: T) => number,
): T[][] {
  const out: T[][] = [];
  let group: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (group.length > 0 && (group.length === maxParts || bytes + size > maxBytes)) {
      out.push(group);
      group = [];
      bytes = 0;
    }
    group.push(item);
    bytes += size;
  }
  if (group.length > 0) out.push(group);
  return out;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A part's header, case-insensitively (Graph writes "Retry-After"). */
export function partHeader(part: BatchPartResponse, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(part.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
