import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatDate } from "../common/format";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { ClaRequestView } from "./view-model";

const FIELDS = ["childIds", "reviewNumber", "previousReviewDate"] as const;

function numberOr(typed: string | undefined, fallback: number): number {
  const n = typed === undefined ? NaN : Number(typed);
  return Number.isInteger(n) && n >= 1 && n <= 99 ? n : fallback;
}

/**
 * The CLA review request goes only to the case's own SW or manager, in a 1:1
 * chat, like the conference request: children by first name with the date
 * each became looked after (what the first review counts from), never a
 * surname; the preview names the case reference only.
 */
export function buildClaRequestCard(view: ClaRequestView): CardJson {
  const children = view.children.map((c) => ({
    id: c.id,
    title: `${c.firstName} (looked after since ${formatDate(c.lookedAfterSince)})`,
  }));
  return expandCard(template, {
    fallbackText: `Request a looked-after child review for case ${view.caseReference}`,
    caseId: view.caseId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    children,
    v: inputValues(FIELDS, view.values, {
      childIds: children.map((c) => c.id).join(","),
      previousReviewDate: view.previousReviewDate,
    }),
    // Input.Number's value is a number in the schema: what was typed if it
    // was one, else the view's, else 1.
    reviewNumber: numberOr(view.values?.reviewNumber, view.reviewNumber ?? 1),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}
