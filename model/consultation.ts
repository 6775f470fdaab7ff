import { z } from "zod";
import { DocId, EntraObjectId, Instant, IsoDate, docBase } from "./common";

/**
 * Chair-consultation items 1-2: a CP chair's consultation with the frontline manager at
 * the strategy discussion (or before a CIN case is referred through s47),
 * recorded by the chair as on the LL Consultation form. The decision to
 * bring the case to conference stays with the frontline manager: the chair
 * records advice only. Kept beside the case (pk = case id).
 */
export const Consultation = z
  .object({
    ...docBase("consultation"),
    caseId: DocId,
    /** The ICPC it concerns, when one has been requested. */
    meetingId: DocId.optional(),
    /** The CP chair consulted. */
    chairId: EntraObjectId,
    /** The frontline manager who consulted and keeps the decision. */
    managerId: EntraObjectId,
    /** The day the consultation took place (Europe/London). */
    on: IsoDate,
    /** Chair-consultation item 1 (strategy discussion) or item 2 (a CIN case before an s47 referral). */
    stage: z.enum(["strategy-discussion", "before-referral"]),
    /** The chair's advice: safeguarding text, never logged or audited. */
    advice: z.string().min(1).max(2000),
    recordedAt: Instant,
  })
  .refine((c) => c.pk === c.caseId, {
    message: "a consultation's pk is its case id",
    path: ["pk"],
  });
export type Consultation = z.infer<typeof Consultation>;
