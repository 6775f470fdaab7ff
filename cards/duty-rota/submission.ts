import { z } from "zod";
import { DocId } from "../../model/common";
import { localDate } from "../common/fields";

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
export const monthField = z
  .string({ error: "The card has no month" })
  .regex(MONTH, "A month is YYYY-MM");

/** verb chairs.rota.generate: the team manager or a clerk makes the month's rota (West Sussex). */
export const RotaGenerateSubmission = z.object({ month: monthField });
export type RotaGenerateSubmission = z.output<typeof RotaGenerateSubmission>;

/**
 * verb chairs.rota.swap: two days of the month's rota change chairs (West Sussex:
 * "requires some swaps"). A chair gives their own day (`firstDate`) for
 * another's (`secondDate`); the team manager may swap any two.
 */
export const RotaSwapSubmission = z.object({
  month: monthField,
  firstDate: localDate("Enter your duty day as a real date"),
  secondDate: localDate("Enter the day you would take instead as a real date"),
});
export type RotaSwapSubmission = z.output<typeof RotaSwapSubmission>;

/** verbs chairs.rota.swap-accept / swap-decline: the other chair answers. */
export const RotaSwapAnswerSubmission = z.object({
  month: monthField,
  swapId: z.string({ error: "The card has no swap id" }).pipe(DocId),
});
export type RotaSwapAnswerSubmission = z.output<typeof RotaSwapAnswerSubmission>;
