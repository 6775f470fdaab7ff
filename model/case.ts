import { z } from "zod";
import { DocId, EntraObjectId, Instant, IsoDate, docBase } from "./common";
import { PersonRef } from "./person";

/**
 * Children are safeguarding data: only what Convene needs to book and name a
 * meeting. Never logged; logs carry the case id only.
 */
export const Child = z.object({
  id: DocId,
  name: z.string().min(1),
  dob: IsoDate.optional(),
  /** An unborn child: the expected date of birth instead of a date of birth. */
  expectedDob: IsoDate.optional(),
  /**
   * Ten digits whose last is the modulus-11 check digit (model/nhs-number.ts),
   * when the council's records give it: with the case reference it
   * identifies the child for a subject access request or an erasure
   * (docs/data-protection.md).
   */
  nhsNumber: z
    .string()
    .regex(/^\d{10}$/, "an NHS number is ten digits")
    .optional(),
  /** The council's own id for the child (case system), so an update finds the same child. */
  sourceId: z.string().min(1).max(80).optional(),
  /**
   * Past and current child protection plans (from the council's records):
   * what `plan.repeat.check` and `plan.long.check` read for the chair's brief.
   */
  planHistory: z
    .array(
      z.object({
        start: IsoDate,
        end: IsoDate.optional(),
        /** Category of abuse the plan was under (Working Together): neglect, physical, emotional, sexual. */
        category: z.enum(["neglect", "physical", "emotional", "sexual", "multiple"]).optional(),
      }),
    )
    .optional(),
  /** The day the child became looked after: anchor of `cla.first.latest` (docs/rules.md, national rules). */
  lookedAfterSince: IsoDate.optional(),
});
export type Child = z.infer<typeof Child>;

export const Case = z
  .object({
    ...docBase("case"),
    /**
     * The council's own case reference (e.g. "C-1042"): what subjects, card
     * previews and lists show instead of a child's name.
     */
    reference: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "a case reference is letters, digits, space . _ -"),
    /** Policy id (one authority's rules); rules/ validates it, the store does not. */
    policy: z.string().min(1),
    children: z.array(Child).min(1),
    /** The child on whose record a sibling group's report is written (Swindon rule 15). */
    indexChildId: DocId,
    socialWorker: PersonRef,
    teamManager: PersonRef,
    serviceManager: PersonRef,
    chair: PersonRef.optional(),
    /** The social work team holding the case (counts per team). */
    team: z.string().min(1).max(80).optional(),
    /** When the case record itself last changed (create, correction, reassignment). */
    updatedAt: Instant.optional(),
    /**
     * An open Child in Need plan (chair-consultation): cases open 12 months or more go on
     * `cin.case-mapping.monthly`.
     */
    cin: z.object({ openedAt: IsoDate, closedAt: IsoDate.optional() }).optional(),
    /**
     * Case mappings held (chair-consultation): one held within the authority's review window
     * (`caseMappingReviewMonths`, 6 unless configured) is reviewed, else a
     * new one is arranged.
     */
    mappings: z
      .array(z.object({ on: IsoDate, chairId: EntraObjectId, kind: z.enum(["new", "review"]) }))
      .optional(),
    /**
     * The day the council closed the case (from its case management
     * system): what the closed-case retention period counts from. Absent
     * while the case is open; an open case is never deleted by retention.
     */
    closedAt: IsoDate.optional(),
    createdAt: Instant,
  })
  // A case is its own partition: the meetings, invite lists and reports of
  // the case live beside it (pk = case id) so "meetings of a case" is one
  // partition's query.
  .refine((c) => c.pk === c.id, { message: "a case's pk is its id", path: ["pk"] })
  .refine((c) => c.children.some((child) => child.id === c.indexChildId), {
    message: "the index child must be one of the case's children",
    path: ["indexChildId"],
  });
export type Case = z.infer<typeof Case>;
