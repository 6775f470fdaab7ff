import { DOC_SCHEMAS, INCIDENTS_PK, type DocType } from "../../model";
import type { MutableDocument, QuarantinedRef, Store } from "../../ports/store";
import { isStoreError } from "../../ports/store";
import { audit } from "../kernel/audit";
import { CASE_FILE_TYPES, unreadableIncidentId } from "../kernel/unreadable";
import { closeIncident } from "./retry";

type Deps = { store: Store; clock: () => Date };

export type RestoreOutcome =
  { ok: true; ref: QuarantinedRef; incidentClosed: boolean } | { ok: false; reason: string };

/** The quarantined records with this id (usually one), found by id alone. */
export async function heldWithId(store: Store, id: string): Promise<QuarantinedRef[]> {
  return (await store.quarantined()).filter((q) => q.id === id);
}

/**
 * An operator puts a quarantined record right (docs/failure-handling.md,
 * "Unreadable records"): the corrected record goes back where it was held,
 * only if it passes its schema and names the same type, partition and id;
 * the restore is audited (in the case's trail where it is a case-file
 * record) and the incident that raised it is marked handled, so the lists
 * stop counting it. Reasons in words for the command line; never a value
 * of the record (it may name a child).
 */
export async function restoreRecord(
  deps: Deps,
  corrected: unknown,
  id: string,
): Promise<RestoreOutcome> {
  if (typeof corrected !== "object" || corrected === null || Array.isArray(corrected)) {
    return { ok: false, reason: "the file does not hold one JSON object" };
  }
  const body = corrected as Record<string, unknown>;
  if (body.id !== id) return { ok: false, reason: `the record in the file is not "${id}"` };
  const type = body.type;
  if (typeof type !== "string" || !(type in DOC_SCHEMAS) || type === "audit-entry") {
    return { ok: false, reason: "the record in the file has no known type" };
  }
  const held = (await heldWithId(deps.store, id)).find(
    (q) => q.recordType === type && q.pk === body.pk,
  );
  if (held === undefined) {
    return {
      ok: false,
      reason: `no ${type} "${id}" is quarantined in partition "${String(body.pk)}" (see convene quarantine list)`,
    };
  }
  const parsed = DOC_SCHEMAS[type as DocType].safeParse(body);
  if (!parsed.success) {
    const paths = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.code}`);
    return {
      ok: false,
      reason: `the corrected record still fails its schema: ${paths.join("; ")}`,
    };
  }
  try {
    await deps.store.restoreQuarantined(parsed.data as MutableDocument);
  } catch (err) {
    if (isStoreError(err, "NotFound") || isStoreError(err, "PreconditionFailed")) {
      return { ok: false, reason: `"${id}" changed while it was being restored: try again` };
    }
    if (isStoreError(err, "InvalidDocument")) {
      return { ok: false, reason: "the corrected record still fails its schema" };
    }
    throw err;
  }
  await audit(deps, {
    ...(CASE_FILE_TYPES.has(type) ? { caseId: held.pk } : {}),
    // The command line has no signed-in person: "system", with where it came from.
    actor: "system",
    action: "record.restored",
    target: { type, id },
    detail: { source: "command-line" },
  });
  const incident = await deps.store.get(
    "incident",
    unreadableIncidentId({ type: held.recordType, pk: held.pk, id }),
    INCIDENTS_PK,
  );
  if (incident?.status === "open") {
    await closeIncident(deps, incident, "handled", "operator");
    return { ok: true, ref: held, incidentClosed: true };
  }
  return { ok: true, ref: held, incidentClosed: false };
}
