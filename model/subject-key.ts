import { z } from "zod";
import { DocId, Instant, docBase } from "./common";

/**
 * The secret with which the audit trail pseudonymises one data subject's
 * identifiers (a case, or one child of a case): an audit entry carries
 * HMAC(key, id), never the id. Erasing the child destroys its key, so the
 * entries that stay (the hash chain must not change) can no longer be
 * linked to them. Kept in their own container, apart from the audit.
 */
export const SubjectKey = z
  .object({
    ...docBase("subject-key"),
    subject: z.enum(["case", "child"]),
    caseId: DocId,
    childId: DocId.optional(),
    /** 32 random bytes, base64. */
    key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, "a key is 32 bytes in base64"),
    createdAt: Instant,
  })
  .refine((k) => k.pk === k.id && k.id === subjectKeyId(k.caseId, k.childId), {
    message: "a subject key's id and pk are key:<case>[:<child>]",
    path: ["pk"],
  });
export type SubjectKey = z.infer<typeof SubjectKey>;

export const subjectKeyId = (caseId: string, childId?: string): string =>
  childId === undefined ? `key:${caseId}` : `key:${caseId}:${childId}`;
