import { createHash } from "node:crypto";
import { formatIsoDate } from "../../rules";
import { CaseInput, fieldErrors, type AuditEntry, type Case } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "../kernel/deps";
import { caseFromInput, caseIdFor, sameCase, stableJson } from "./case-from-input";
import { queueCardMove, versionKey } from "./reassign";

/** Which way a case came in: recorded on every audit entry of the change. */
export type CaseSource = "card" | "api" | "import";

export type SaveOutcome =
  | { ok: true; outcome: "created" | "updated" | "unchanged"; kase: Case }
  | { ok: false; errors: Record<string, string> };

/**
 * Parse and check a case as any of the three ways in sends it, against the
 * stored case of the same reference. Writes nothing: the import checks its
 * whole file with this before writing a single row.
 */
export async function planCase(
  deps: WorkflowDeps,
  raw: unknown,
): Promise<
  | { ok: true; outcome: "created" | "updated" | "unchanged"; kase: Case; existing?: Case }
  | { ok: false; errors: Record<string, string> }
> {
  const parsed = CaseInput.safeParse(raw);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const input = parsed.data;
  const id = caseIdFor(input.reference);
  const existing = await deps.store.get("case", id, id);
  const now = deps.clock();
  const today = formatIsoDate(deps.policy.calendar.toLocal(now.getTime()).day);
  const built = caseFromInput(deps.authority, input, existing, { now, today });
  if (!built.ok) return built;
  if (existing === undefined) return { ok: true, outcome: "created", kase: built.kase };
  if (sameCase(existing, built.kase))
    return { ok: true, outcome: "unchanged", kase: existing, existing };
  return {
    ok: true,
    outcome: "updated",
    kase: { ...built.kase, updatedAt: now.toISOString() },
    existing,
  };
}

/**
 * Create or update a case (the card, `PUT /api/cases/{reference}`, one row
 * of the go-live file): idempotent (the same content twice is one case and
 * one audit entry), audited with who did it and which way it came in.
 * A new social worker gets the open cards of the case and the old one's are
 * withdrawn (reassign.ts), in the background, the same for all three ways in.
 *
 * Crash safety: the audit entry of a change is written before the change,
 * under an id made from the case and the content, so a rerun after a crash
 * between the two writes the change and finds the audit entry already there.
 * A change of social worker also writes its `case.reassign` entry and queues
 * the move of the open cards before the change.
 */
export async function saveCase(
  deps: WorkflowDeps,
  raw: unknown,
  by: { actor: AuditEntry["actor"]; source: CaseSource; app?: string },
): Promise<SaveOutcome> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const plan = await planCase(deps, raw);
    if (!plan.ok || plan.outcome === "unchanged") return plan;
    const kase = plan.kase;
    await auditOnce(deps, kase, by, plan.outcome === "created" ? "case.create" : "case.update");
    const before = plan.existing;
    const reassigned =
      before !== undefined && before.socialWorker.entraObjectId !== kase.socialWorker.entraObjectId;
    if (reassigned) {
      // Both before the write, under ids made from the version changed: a
      // crash after the write still leaves the reassignment audited and its
      // cards to move; a rerun finds both there.
      await reassignAudit(deps, before, kase, by);
      await queueCardMove(deps, before);
    }
    try {
      const stored =
        plan.existing === undefined
          ? await deps.store.create(kase)
          : await deps.store.replace(kase, plan.existing.etag ?? "");
      // The move was queued before the write: it can run now.
      if (reassigned) deps.kick();
      return { ok: true, outcome: plan.outcome, kase: stored };
    } catch (err) {
      // Someone else wrote the case between our read and write: read again.
      if (isStoreError(err, "Conflict") || isStoreError(err, "PreconditionFailed")) continue;
      throw err;
    }
  }
  throw new Error("case kept changing while it was being saved");
}

async function auditOnce(
  deps: WorkflowDeps,
  kase: Case,
  by: { actor: AuditEntry["actor"]; source: CaseSource; app?: string },
  action: string,
): Promise<void> {
  const digest = createHash("sha256")
    .update(stableJson({ ...kase, createdAt: undefined, updatedAt: undefined }))
    .digest("hex")
    .slice(0, 24);
  try {
    await deps.store.appendAudit({
      id: `${kase.id}:${action}:${digest}`,
      type: "audit-entry",
      pk: kase.id,
      caseId: kase.id,
      actor: by.actor,
      action,
      target: { type: "case", id: kase.id },
      at: deps.clock().toISOString(),
      detail: {
        via: by.source,
        children: kase.children.length,
        ...(by.app !== undefined ? { app: by.app } : {}),
      },
    });
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
  }
}

async function reassignAudit(
  deps: WorkflowDeps,
  before: Case,
  after: Case,
  by: { actor: AuditEntry["actor"]; source: CaseSource; app?: string },
): Promise<void> {
  try {
    await deps.store.appendAudit({
      id: `${before.id}:case.reassign:${versionKey(before)}`,
      type: "audit-entry",
      pk: after.id,
      caseId: after.id,
      actor: by.actor,
      action: "case.reassign",
      target: { type: "case", id: after.id },
      at: deps.clock().toISOString(),
      detail: {
        via: by.source,
        from: before.socialWorker.entraObjectId,
        to: after.socialWorker.entraObjectId,
        ...(by.app !== undefined ? { app: by.app } : {}),
      },
    });
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
  }
}
