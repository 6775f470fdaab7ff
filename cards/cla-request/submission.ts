import { z } from "zod";
import { DocId } from "../../model/common";
import { caseAction } from "../common/action-data";
import { blankToUndefined, multiChoice, optionalLocalDate } from "../common/fields";

const REVIEW_NUMBER = "The review number is a whole number from 1 (the first review) to 99";

/**
 * verb cla.request. docs/rules.md, national rules: review 1 counts from the day the
 * child became looked after (`cla.first.latest`, 20 working days; the date
 * comes from the case record, not the card), review 2 from the first review
 * (`cla.second.latest`, 3 months), later reviews from the previous one
 * (`cla.next.latest`, 6 months). So a review after the first needs the
 * previous review's date. The card offers only the case's looked-after
 * children; workflow/ checks the ids again (card data is untrusted).
 */
export const ClaRequestSubmission = z
  .object({
    ...caseAction,
    childIds: multiChoice(DocId).pipe(
      z.array(DocId).min(1, "Choose the children the review is for"),
    ),
    reviewNumber: z.preprocess(
      (v) => blankToUndefined(v) ?? "1",
      z.coerce
        .number({ error: REVIEW_NUMBER })
        .int(REVIEW_NUMBER)
        .min(1, REVIEW_NUMBER)
        .max(99, REVIEW_NUMBER),
    ),
    previousReviewDate: optionalLocalDate("Enter the previous review's date as a real date"),
  })
  .superRefine((s, ctx) => {
    if (s.reviewNumber >= 2 && s.previousReviewDate === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["previousReviewDate"],
        message: "A review after the first counts from the previous review: enter its date",
      });
    }
  });
export type ClaRequestSubmission = z.output<typeof ClaRequestSubmission>;
