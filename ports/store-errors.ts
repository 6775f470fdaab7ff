/**
 * Store failures carry a code so callers decide without parsing messages:
 * Conflict → it already exists (a deterministic id was created before);
 * PreconditionFailed → someone changed it since you read it: reload and
 * re-decide; NotFound; InvalidDocument → a stored or offered document fails
 * its schema (carries the id so an administrator can find it).
 */
export type StoreErrorCode = "Conflict" | "PreconditionFailed" | "NotFound" | "InvalidDocument";

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    readonly docId: string,
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}

export const conflict = (id: string): StoreError =>
  new StoreError("Conflict", id, `document ${id} already exists`);
export const preconditionFailed = (id: string): StoreError =>
  new StoreError("PreconditionFailed", id, `document ${id} changed since it was read`);
export const notFound = (id: string): StoreError =>
  new StoreError("NotFound", id, `document ${id} not found`);
export const invalidDocument = (id: string, why: string): StoreError =>
  new StoreError("InvalidDocument", id, `document ${id} fails its schema: ${why}`);

export function isStoreError(err: unknown, code?: StoreErrorCode): err is StoreError {
  return err instanceof StoreError && (code === undefined || err.code === code);
}

/**
 * Audit entries are append-only. The port's types already keep them out of
 * create and replace; this guards callers that cast their way past the types.
 */
export function assertWriteRoute(
  doc: { type: string; id: string },
  op: "create" | "replace" | "appendAudit",
): void {
  const isAudit = doc.type === "audit-entry";
  if (isAudit !== (op === "appendAudit")) {
    throw new StoreError(
      "InvalidDocument",
      doc.id,
      isAudit
        ? `audit entries are append-only: use appendAudit, not ${op}`
        : "appendAudit takes audit entries only",
    );
  }
}
