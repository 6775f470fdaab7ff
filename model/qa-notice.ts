import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/**
 * West Sussex "Quality Assurance & Practice Improvement": a CPA's notice about a
 * case's practice. `good-practice` is the Recognition of Good Practice
 * Notification (to the SW, PM, GM and the CPA team manager);
 * `dispute-resolution` is an Informal Dispute Resolution alert (to the SW,
 * PM and GM: plans not progressing, reports not done, chronologies not
 * updated). Counted per team for the performance team, so the SW's team is
 * kept as it was when the notice was sent. Kept beside the case (pk = case id).
 */
export const QA_NOTICE_KINDS = ["good-practice", "dispute-resolution"] as const;
export const QaNoticeKind = z.enum(QA_NOTICE_KINDS);
export type QaNoticeKind = z.infer<typeof QaNoticeKind>;

export const QaNotice = z
  .object({
    ...docBase("qa-notice"),
    caseId: DocId,
    /** The conference it follows, when sent from one. */
    meetingId: DocId.optional(),
    kind: QaNoticeKind,
    /** The CPA who sent it. */
    by: EntraObjectId,
    at: Instant,
    /** The social worker it is about, and their team then (StaffMember.team). */
    socialWorkerId: EntraObjectId,
    team: z.string().min(1).optional(),
    /** The CPA's words to the SW and managers: safeguarding text, never logged or audited. */
    text: z.string().min(1).max(2000),
    /** Who it went to (Entra object ids), in the order sent. */
    recipients: z.array(EntraObjectId),
  })
  .refine((n) => n.pk === n.caseId, {
    message: "a QA notice's pk is its case id",
    path: ["pk"],
  });
export type QaNotice = z.infer<typeof QaNotice>;
