import { z } from "zod";
import { DOC_SCHEMAS, type DocType } from "../model";
import { invalidDocument, type StoreError } from "../ports/store-errors";
import type { InvalidRef, QuarantinedRef } from "../ports/store";

/**
 * A quarantined record is the same stored item (same container, partition
 * and id), its body replaced by this wrapper: its type becomes
 * "quarantined", so no listing (they all filter on type, a due instant or
 * a meeting id, none of which the wrapper carries) answers it, and the raw
 * text it held is kept whole in `raw`. One conditional replace in either
 * adapter: nothing is ever in two places or in none, and there is no
 * container to add to the deployment (infra/azure.bicep). Reasons:
 * docs/failure-handling.md, "Unreadable records".
 */
export const QUARANTINED = "quarantined";

const DOC_TYPES = Object.keys(DOC_SCHEMAS) as [DocType, ...DocType[]];

const Wrapper = z.object({
  id: z.string(),
  pk: z.string(),
  type: z.literal(QUARANTINED),
  recordType: z.enum(DOC_TYPES),
  reason: z.string(),
  quarantinedAt: z.string(),
  /** The stored text exactly as it was (JSON, or whatever was there). */
  raw: z.string(),
});
export type QuarantineWrapper = z.infer<typeof Wrapper>;

export function wrapperOf(
  ref: Pick<InvalidRef, "id" | "pk" | "type" | "error">,
  at: Date,
  raw: string,
): QuarantineWrapper {
  return {
    id: ref.id,
    pk: ref.pk,
    type: QUARANTINED,
    recordType: ref.type,
    reason: ref.error.slice(0, 400),
    quarantinedAt: at.toISOString(),
    raw,
  };
}

/** The listing's view of a wrapper: never its raw form. undefined if it is not one. */
export function refOf(body: unknown): QuarantinedRef | undefined {
  const parsed = Wrapper.safeParse(body);
  if (!parsed.success) return undefined;
  const { id, pk, recordType, reason, quarantinedAt } = parsed.data;
  return { id, pk, recordType, reason, quarantinedAt };
}

/** A point read of a quarantined record: never "absent", which a caller could take for "not there". */
export function quarantinedError(id: string): StoreError {
  return invalidDocument(id, "quarantined: set aside as unreadable");
}

/** Oldest first, then by id: the same list from either adapter. */
export function byQuarantinedAt(a: QuarantinedRef, b: QuarantinedRef): number {
  return (
    a.quarantinedAt.localeCompare(b.quarantinedAt) ||
    a.recordType.localeCompare(b.recordType) ||
    a.pk.localeCompare(b.pk) ||
    a.id.localeCompare(b.id)
  );
}

/** A wrapper's listing view and the raw text it keeps: for an operator putting it right. */
export function heldOf(body: unknown): { ref: QuarantinedRef; raw: string } | undefined {
  const parsed = Wrapper.safeParse(body);
  if (!parsed.success) return undefined;
  const { id, pk, recordType, reason, quarantinedAt, raw } = parsed.data;
  return { ref: { id, pk, recordType, reason, quarantinedAt }, raw };
}
