import { createHash } from "node:crypto";
import type { DocOf, DocType } from "../../model";
import { isStoreError, type InvalidRef, type Listing } from "../../ports/store";
import type { WorkflowDeps } from "./deps";
import { audit } from "./audit";
import { raiseIncident } from "./incidents";

export type UnreadableDeps = Pick<WorkflowDeps, "store" | "clock" | "logger" | "kick">;

/**
 * The record types each list or report is made from. A list says how many
 * of these could not be read (docs/failure-handling.md, "Unreadable records").
 * The case-file types: a meeting list, the exception report, the caseload
 * and the timeliness figures are all made from cases and their meetings.
 */
export const CASE_FILE_TYPES: ReadonlySet<string> = new Set<DocType>([
  "case",
  "meeting",
  "invite-list",
  "report-status",
  "access-needs",
]);

/** One incident per unreadable record, whatever finds it and however often. */
export function unreadableIncidentId(ref: Pick<InvalidRef, "type" | "pk" | "id">): string {
  const id = `unreadable:${ref.type}:${ref.id}`;
  // Ids are at most 255 characters and may not hold / \ ? #.
  if (id.length <= 200 && !/[/\\?#]/.test(id)) return id;
  const hash = createHash("sha256").update(`${ref.type}\n${ref.pk}\n${ref.id}`).digest("hex");
  return `unreadable:${ref.type}:${hash.slice(0, 40)}`;
}

/** The case a record belongs to, where its partition says so. */
function caseOf(ref: Pick<InvalidRef, "type" | "pk">): { caseId?: string } {
  return CASE_FILE_TYPES.has(ref.type) && ref.pk !== "" && !/[/\\?#]/.test(ref.pk)
    ? { caseId: ref.pk }
    : {};
}

/**
 * Failure is never silent: a stored record that fails its schema is moved
 * aside with its raw form (the store keeps it whole) and raised once as an
 * "unreadable-record" incident, so the service owners get their card and
 * email, and it stays counted by the lists until an operator marks it
 * handled. The incident first: if setting it aside fails, the next reading
 * finds it again and sets it aside then, without a second alert. Ids only
 * in the log.
 */
export async function setAsideUnreadable(
  deps: UnreadableDeps,
  refs: readonly InvalidRef[],
  where: string,
): Promise<void> {
  for (const ref of refs) {
    const raised = await raiseIncident(deps, {
      id: unreadableIncidentId(ref),
      kind: "unreadable-record",
      reason: `Unreadable: ${ref.error}`.slice(0, 400),
      recordType: ref.type,
      recordId: ref.id,
      ...caseOf(ref),
    });
    if (ref.type === "audit-entry" || ref.outdated === true) {
      // The audit is append-only: it is reported, never moved. A record in
      // an older shape is the start-up migration's (a rolling deploy's old
      // instance wrote it): raised and counted, left where it is.
      deps.logger.error(
        { docId: ref.id, docType: ref.type, where, raised, outdated: ref.outdated === true },
        "unreadable record left in place",
      );
      continue;
    }
    const outcome = await deps.store.quarantine(ref, deps.clock());
    if (outcome === "quarantined") await auditQuarantine(deps, ref);
    deps.logger.warn(
      { docId: ref.id, docType: ref.type, pk: ref.pk, where, outcome, raised },
      "unreadable record quarantined",
    );
  }
}

/**
 * Every change is audited: setting a record aside is one, by the system, in
 * the case's trail where the record belongs to a case. An audit that cannot
 * be written is logged and does not undo the quarantine.
 */
async function auditQuarantine(deps: UnreadableDeps, ref: InvalidRef): Promise<void> {
  try {
    await audit(deps, {
      ...caseOf(ref),
      actor: "system",
      action: "record.quarantined",
      target: { type: ref.type, id: ref.id },
    });
  } catch (err) {
    deps.logger.error(
      { docId: ref.id, docType: ref.type, errorCode: (err as { code?: string }).code },
      "could not audit a quarantine",
    );
  }
}

/** A point read that sets an unreadable record aside instead of failing or taking it for absent. */
export async function readOrSetAside<T extends Exclude<DocType, "audit-entry">>(
  deps: UnreadableDeps,
  type: T,
  id: string,
  pk: string,
  where: string,
): Promise<{ doc?: DocOf<T>; unreadable: boolean }> {
  try {
    const doc = await deps.store.get(type, id, pk);
    return { ...(doc !== undefined ? { doc } : {}), unreadable: false };
  } catch (err) {
    if (!isStoreError(err, "InvalidDocument")) throw err;
    const error = err.message.split("fails its schema: ")[1] ?? "fails its schema";
    await setAsideUnreadable(deps, [{ id, pk, type, error }], where);
    return { unreadable: true };
  }
}

/**
 * How many records of these types could not be read and are still open
 * (an unreadable-record incident nobody has marked handled): a list keeps
 * counting a quarantined record until a person has dealt with it.
 */
export async function unreadableCount(
  deps: Pick<WorkflowDeps, "store">,
  types: ReadonlySet<string>,
): Promise<number> {
  const incidents = await deps.store.listAll("incident");
  return incidents.items.filter(
    (i) => i.kind === "unreadable-record" && i.status === "open" && types.has(i.recordType ?? ""),
  ).length;
}

/** The scheduler's onInvalid: a due task that cannot be read is set aside and raised, not met every sweep. */
export function unreadableTaskReporter(deps: UnreadableDeps): (ref: InvalidRef) => Promise<void> {
  return (ref) => setAsideUnreadable(deps, [ref], "scheduler");
}

/** A listing's readable items; what it could not read is set aside and raised, never dropped in silence. */
export async function readableItems<T>(
  deps: UnreadableDeps,
  listing: Promise<Listing<T>>,
  where: string,
): Promise<T[]> {
  const { items, invalid } = await listing;
  await setAsideUnreadable(deps, invalid, where);
  return items;
}

/** As readableItems, also saying how many it could not read (an answer must not pass over them in silence). */
export async function readableWithCount<T>(
  deps: UnreadableDeps,
  listing: Promise<Listing<T>>,
  where: string,
): Promise<{ items: T[]; unreadable: number }> {
  const { items, invalid } = await listing;
  await setAsideUnreadable(deps, invalid, where);
  return { items, unreadable: invalid.length };
}
