import { z } from "zod";
import { DocId } from "../../model/common";
import { cardVersionField } from "../common/action-data";
import { rowsOf } from "../common/dotted";
import { blankToUndefined } from "../common/fields";

/**
 * The most cases one allocation card carries (it shows fewer when the
 * chairs' pickers would take it past the size budget): what the submission
 * accepts as row indexes.
 */
export const MAX_CASE_MAPPING_ROWS = 30;

/** Inputs of row i: `allocations.<i>.chairId`; the action's data carries `allocations.<i>.caseId`. */
export const allocationInputId = (row: number) => `allocations.${row}.chairId`;
export const allocationCaseKey = (row: number) => `allocations.${row}.caseId`;

/** "2027-01": a calendar month. */
export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

const AllocationRow = z.object({
  caseId: z.preprocess(
    blankToUndefined,
    z.string({ error: "The card has no case id for this row" }).pipe(DocId),
  ),
  // Blank: left unallocated for now (the manager may allocate in several goes).
  chairId: z.preprocess(
    blankToUndefined,
    z.guid({ error: "Choose a chair from the list" }).optional(),
  ),
});

function withRows(raw: unknown): unknown {
  if (typeof raw !== "object" || raw === null) return raw;
  return { ...raw, allocations: rowsOf(raw, "allocations", MAX_CASE_MAPPING_ROWS) };
}

/**
 * verb case-mapping.allocate: the QA admin manager gives each case a CP
 * chair for the month (chair-consultation 4a). Rows left "Not allocated" are skipped; at
 * least one must be chosen. Every id is untrusted: workflow/ checks each
 * case is on that month's list and each chair is a CP chair of the
 * authority before storing anything.
 */
export const CaseMappingAllocateSubmission = z.preprocess(
  withRows,
  z
    .object({
      month: z.preprocess(
        blankToUndefined,
        z
          .string({ error: "The card has no month" })
          .regex(MONTH, "The card's month is not a month"),
      ),
      cardVersion: cardVersionField,
      allocations: z.array(AllocationRow, {
        error: `This card holds at most ${MAX_CASE_MAPPING_ROWS} cases`,
      }),
    })
    .superRefine((d, ctx) => {
      const seen = new Set<string>();
      d.allocations.forEach((a, i) => {
        if (seen.has(a.caseId))
          ctx.addIssue({
            code: "custom",
            path: ["allocations", i, "caseId"],
            message: "The card lists a case twice",
          });
        seen.add(a.caseId);
      });
      if (d.allocations.every((a) => a.chairId === undefined))
        ctx.addIssue({ code: "custom", path: [], message: "Choose a chair for at least one case" });
    })
    .transform((d) => ({
      month: d.month,
      ...(d.cardVersion !== undefined ? { cardVersion: d.cardVersion } : {}),
      allocations: d.allocations.flatMap((a) =>
        a.chairId === undefined ? [] : [{ caseId: a.caseId, chairId: a.chairId }],
      ),
    })),
);
export type CaseMappingAllocateSubmission = z.output<typeof CaseMappingAllocateSubmission>;
