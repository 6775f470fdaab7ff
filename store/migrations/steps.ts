import type { Case, DocType } from "../../model";

/** What a step may read besides the document itself. */
export interface StepContext {
  /** The case a document belongs to (same partition), read through its schema. */
  caseOf(caseId: string): Promise<Case | undefined>;
}

/** Brings a raw document from version N to N+1; throws MigrationRefused when it cannot without guessing. */
export type MigrationStep = (
  body: Record<string, unknown>,
  ctx: StepContext,
) => Promise<Record<string, unknown>>;

/** A document a step will not migrate (it would have to guess): left as stored and reported by id. */
export class MigrationRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationRefused";
  }
}

type Body = Record<string, unknown>;
const isObject = (v: unknown): v is Body =>
  typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * meeting 1 → 2: decisions are per child.
 * - A conference (ICPC, RCPC) records the children it is about and its
 *   index child: before, the request card's answer was not kept, so a
 *   conference was about every child of the case, the case's index child
 *   included. Those are written in.
 * - An outcome's one decision for the case becomes the same decision for
 *   each child of that meeting, marked `migrated` (the category with it, for
 *   a plan). A CLA review's outcome was the IRO's minutes: it keeps no
 *   decision and says so.
 * - An outcome whose decision is neither "plan" nor "no-plan", or a
 *   conference whose case cannot be read, is refused: never guessed.
 */
async function meeting1to2(body: Body, ctx: StepContext): Promise<Body> {
  const next: Body = { ...body };
  const conference = body.kind === "ICPC" || body.kind === "RCPC";
  if (conference && next.childIds === undefined) {
    const caseId = typeof body.caseId === "string" ? body.caseId : undefined;
    const kase = caseId === undefined ? undefined : await ctx.caseOf(caseId);
    if (kase === undefined) throw new MigrationRefused("its case cannot be read");
    next.childIds = kase.children.map((c) => c.id);
    next.indexChildId = kase.indexChildId;
  }
  const outcome = body.outcome;
  if (isObject(outcome) && "decision" in outcome) {
    const { decision, category, ...rest } = outcome;
    if (!conference) {
      next.outcome = { ...rest, children: [], minutes: true };
    } else if (decision === "plan" || decision === "no-plan") {
      const childIds = next.childIds as string[];
      next.outcome = {
        ...rest,
        children: childIds.map((childId) => ({
          childId,
          decision,
          ...(decision === "plan" && typeof category === "string" ? { category } : {}),
          migrated: true,
        })),
      };
    } else {
      throw new MigrationRefused("its outcome records a decision that is neither plan nor no plan");
    }
  }
  next.v = 2;
  return next;
}

/**
 * Every step, by document type and the version it starts from. Raising a
 * type's SCHEMA_VERSIONS without adding its step here makes the start-up
 * migration refuse that type's older documents by id (nothing is dropped).
 */
export const MIGRATION_STEPS: Partial<Record<DocType, Record<number, MigrationStep>>> = {
  meeting: { 1: meeting1to2 },
};
