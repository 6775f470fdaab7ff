import { randomUUID } from "node:crypto";
import type { AuditEntry } from "../../model";
import type { Store } from "../../ports/store";

/**
 * docs/data-protection.md: every read and change of a case is audited. `detail`
 * carries ids and codes only, never names or free text.
 */
export async function audit(
  deps: { store: Store; clock: () => Date },
  entry: {
    caseId?: string;
    actor: AuditEntry["actor"];
    action: string;
    target: AuditEntry["target"];
    detail?: AuditEntry["detail"];
  },
): Promise<void> {
  const id = randomUUID();
  await deps.store.appendAudit({
    id,
    type: "audit-entry",
    pk: entry.caseId ?? "system",
    ...(entry.caseId !== undefined ? { caseId: entry.caseId } : {}),
    actor: entry.actor,
    action: entry.action,
    target: entry.target,
    at: deps.clock().toISOString(),
    ...(entry.detail !== undefined ? { detail: entry.detail } : {}),
  });
}
