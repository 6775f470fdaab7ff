import { z } from "zod";
import { DocId } from "../../model/common";
import { cardVersionField } from "../common/action-data";
import { CARD_CHILDREN } from "./build";

/**
 * verb case.save: what the new-case card submits, as Teams sends it (every
 * input a string). Only its shape is checked here; its content is checked
 * by the one case schema (model/case-input.ts) that the API and the import
 * use too, and its messages are shown next to the fields.
 */
const field = z.string().max(2000).optional();
const childFields = Object.fromEntries(
  Array.from({ length: CARD_CHILDREN }, (_, i) =>
    ["Name", "Dob", "ExpectedDob", "NhsNumber", "PlanStart", "PlanEnd", "PlanCategory"].map((f) => [
      `child${i + 1}${f}`,
      field,
    ]),
  ).flat(),
) as Record<string, typeof field>;

export const NewCaseSubmission = z.object({
  caseId: z.preprocess((v) => (v === "" ? undefined : v), DocId.optional()),
  cardVersion: cardVersionField,
  reference: field,
  socialWorker: field,
  teamManager: field,
  serviceManager: field,
  team: field,
  indexChild: field,
  ...childFields,
});
export type NewCaseSubmission = z.output<typeof NewCaseSubmission>;
