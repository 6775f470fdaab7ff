import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/**
 * Who did what to which case, when. Append-only: the store has no update or
 * delete for these. `detail` holds ids and codes, never free text, so the
 * trail itself holds no more personal data than it must.
 */
export const AuditEntry = z
  .object({
    ...docBase("audit-entry"),
    caseId: DocId.optional(),
    /** An Entra object id, or "system" for the scheduler and other jobs. */
    actor: z.union([EntraObjectId, z.literal("system")]),
    /** e.g. case.read, meeting.book, meeting.stand-down, task.failed */
    action: z.string().min(1),
    target: z.object({ type: z.string().min(1), id: DocId }),
    at: Instant,
    detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    /**
     * The hash chain of the entry's partition, set by the store when it
     * appends (store/audit/ledger.ts): its place in the chain (1 = first),
     * the previous entry's hash, and the SHA-256 of this entry with `prev`.
     * An edited, deleted or cut-off entry then shows (`convene audit verify`).
     */
    seq: z.number().int().positive().optional(),
    prev: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
    hash: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .optional(),
  })
  .refine((a) => a.pk === (a.caseId ?? "system"), {
    message: "an audit entry's pk is its case id, or system",
    path: ["pk"],
  });
export type AuditEntry = z.infer<typeof AuditEntry>;
