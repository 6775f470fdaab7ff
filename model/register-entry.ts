import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/**
 * One change to the child protection register (West Sussex: "the outcome of each
 * conference goes to the CP register the same day"; virtual-conference: decisions and the
 * register updated on the meeting day). `register.notify-health` sends the
 * day's changes to the health mailboxes at 17:00. Kept beside the case
 * (pk = case id); ids only, the child by id.
 */
/**
 * What changed on the register. A plan transferred in from (or out to)
 * another authority adds (removes) the child as surely as a conference does,
 * and A&E must know it the same day; a change of category keeps the child on
 * the register, so it is recorded here but is no news for A&E (see
 * cards/csv/register-changes.ts: the health list carries no category).
 */
export const REGISTER_CHANGES = [
  "added",
  "removed",
  "transferred-in",
  "transferred-out",
  "category-changed",
] as const;
export type RegisterChangeKind = (typeof REGISTER_CHANGES)[number];
export const RegisterEntry = z
  .object({
    ...docBase("register-entry"),
    caseId: DocId,
    childId: DocId,
    change: z.enum(REGISTER_CHANGES),
    /** The plan's category of abuse (neglect, physical, emotional, sexual). */
    category: z.string().min(1).optional(),
    /** The conference whose decision this is, if any. */
    meetingId: DocId.optional(),
    /**
     * A "removed" entry decided at the first RCPC after the ICPC: West Sussex's
     * `indicator.review` counts plans ended at the first RCPC.
     */
    firstRcpc: z.boolean().optional(),
    at: Instant,
    recordedBy: EntraObjectId,
  })
  .refine((e) => e.pk === e.caseId, {
    message: "a register entry's pk is its case id",
    path: ["pk"],
  });
export type RegisterEntry = z.infer<typeof RegisterEntry>;
