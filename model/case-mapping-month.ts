import { z } from "zod";
import { DocId, EntraObjectId, Instant, IsoDate, docBase } from "./common";

/** "2027-01": a calendar month. */
export const MONTH_ID = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The id (and partition) of a month's case-mapping list. */
export const caseMappingMonthId = (month: string): string => `case-mapping:${month}`;

/**
 * One case on a month's case-mapping list (chair-consultation 4a-b): by case reference,
 * never a child's name; the chair the QA admin manager gave it and when the
 * chair said the mapping was done.
 */
export const CaseMappingRow = z.object({
  caseId: DocId,
  caseReference: z.string().min(1).max(40),
  /** When the case opened as child in need. */
  openSince: IsoDate,
  monthsOpen: z.number().int().nonnegative(),
  team: z.string().min(1).optional(),
  lastMapped: IsoDate.optional(),
  /** Mapped within the review window: review that mapping; otherwise a new one. */
  task: z.enum(["review", "new"]),
  chairId: EntraObjectId.optional(),
  allocatedBy: EntraObjectId.optional(),
  allocatedAt: Instant.optional(),
  doneBy: EntraObjectId.optional(),
  doneAt: Instant.optional(),
});
export type CaseMappingRow = z.infer<typeof CaseMappingRow>;

/**
 * `cin.case-mapping.monthly` (chair-consultation; docs/rules.md, policies `chair-consultation`): the
 * child in need cases open 12 months or more on the month's first working
 * day, made once by that day's job (a rerun keeps the allocations), then
 * allocated by the QA admin manager (verb case-mapping.allocate) and marked
 * done by the chairs; `cin.case-mapping.complete` escalates what is not
 * done on the month's last working day. One document per month (pk = id):
 * the allocation action reads and writes it by a point read, etag-safe.
 */
export const CaseMappingMonth = z
  .object({
    ...docBase("case-mapping-month"),
    month: z.string().regex(MONTH_ID, "a month is YYYY-MM"),
    /** `cin.case-mapping.complete`: the month's last working day at end of business. */
    completeBy: Instant,
    /** A mapping newer than this many months is reviewed rather than redone (chair-consultation: 6). */
    reviewWithinMonths: z.number().int().positive(),
    rows: z.array(CaseMappingRow),
    createdAt: Instant,
  })
  .refine((m) => m.pk === m.id && m.id === caseMappingMonthId(m.month), {
    message: "a case-mapping month's id and pk are case-mapping:<month>",
    path: ["pk"],
  });
export type CaseMappingMonth = z.infer<typeof CaseMappingMonth>;
