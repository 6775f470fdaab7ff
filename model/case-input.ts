import { z } from "zod";
import { nhsNumberValid } from "./nhs-number";

/**
 * The one shape a case enters Convene in, whichever way it comes: the
 * "new case" card, the case system's API, or the go-live CSV. Each way maps
 * what it receives onto this and nothing else validates a case's content,
 * so all three accept and refuse exactly the same things, with the same
 * messages (written for the person who has to fix the record).
 */

const date = (what: string) => z.iso.date({ error: `${what} must be a real date, YYYY-MM-DD` });

/** The council's case-system reference (Mosaic, LCS, Eclipse): what subjects and lists show. */
export const CaseReference = z
  .string({ error: "Give the case reference" })
  .trim()
  .min(1, "Give the case reference")
  .max(40, "A case reference is at most 40 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ._-]*$/, "A case reference is letters, digits, spaces and . _ -");

/** A member of staff by Entra object id or by email; resolved against the staff list. */
export const StaffKey = z
  .string({ error: "Choose someone from the staff list" })
  .trim()
  .min(1, "Choose someone from the staff list")
  .max(254);

export const PLAN_CATEGORIES = ["neglect", "physical", "emotional", "sexual", "multiple"] as const;

export const PlanInput = z
  .object({
    start: date("The plan's start"),
    end: date("The plan's end").optional(),
    category: z
      .enum(PLAN_CATEGORIES, {
        error: "The category is neglect, physical, emotional, sexual or multiple",
      })
      .optional(),
  })
  .refine((p) => p.end === undefined || p.end >= p.start, {
    message: "A plan cannot end before it starts",
    path: ["end"],
  });

export const ChildInput = z
  .object({
    /** The case system's own id for the child: an update finds the same child by it. */
    id: z
      .string()
      .trim()
      .min(1)
      .max(80, "A child's id is at most 80 characters")
      .regex(/^[^/\\?#]+$/, "A child's id must not contain / \\ ? or #")
      .optional(),
    name: z
      .string({ error: "Give the child's name" })
      .trim()
      .min(1, "Give the child's name")
      .max(200),
    dob: date("The date of birth").optional(),
    /** An unborn child has an expected date of birth instead. */
    expectedDob: date("The expected date of birth").optional(),
    nhsNumber: z
      .string()
      .transform((s) => s.replace(/[\s-]/g, ""))
      .refine(nhsNumberValid, "That is not a valid NHS number (ten digits with a check digit)")
      .optional(),
    lookedAfterSince: date("The date the child became looked after").optional(),
    cpPlans: z.array(PlanInput).max(20).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.dob === undefined && c.expectedDob === undefined)
      ctx.addIssue({
        code: "custom",
        path: ["dob"],
        message: "Give the date of birth, or the expected date of birth for an unborn child",
      });
    if (c.dob !== undefined && c.expectedDob !== undefined)
      ctx.addIssue({
        code: "custom",
        path: ["expectedDob"],
        message: "A child has a date of birth or an expected date of birth, not both",
      });
  });
export type ChildInput = z.output<typeof ChildInput>;

export const CaseInput = z
  .object({
    reference: CaseReference,
    children: z
      .array(ChildInput, { error: "Give the children on the case" })
      .min(1, "A case has at least one child")
      .max(20, "A case has at most 20 children"),
    /** The index child's id (as in `children[].id`); the first child when not given. */
    indexChild: z.string().trim().min(1).optional(),
    socialWorker: StaffKey,
    teamManager: StaffKey,
    /** When not given: the social worker's service manager from the staff list. */
    serviceManager: StaffKey.optional(),
    team: z.string().trim().min(1).max(80).optional(),
  })
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.children.forEach((child, i) => {
      if (child.id === undefined) return;
      if (seen.has(child.id))
        ctx.addIssue({
          code: "custom",
          path: ["children", i, "id"],
          message: "Two children have the same id",
        });
      seen.add(child.id);
    });
    if (c.indexChild !== undefined && !c.children.some((ch) => ch.id === c.indexChild))
      ctx.addIssue({
        code: "custom",
        path: ["indexChild"],
        message: "The index child must be one of the case's children (by id)",
      });
  });
export type CaseInput = z.output<typeof CaseInput>;

/** Field path as the API and the CSV report it: children[1].nhsNumber. */
export function pathName(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(body)" : out;
}

/** Every bad field with its message (the first message per field). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = pathName(issue.path);
    if (out[name] === undefined) out[name] = issue.message;
  }
  return out;
}
