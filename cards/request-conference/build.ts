import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { RequestConferenceView } from "./view-model";

const FIELDS = [
  "meetingKind",
  "childIds",
  "indexChildId",
  "strategyDate",
  "previousConferenceDate",
] as const;

/**
 * The request card goes only to the case's own SW or manager, in a 1:1
 * chat. It lists the children by first name: the least that lets them pick
 * the children and the index child reliably (ids mean nothing to a person).
 * No surname, no date of birth; and the fallbackText (the notification
 * preview) names the case reference only.
 */
export function buildRequestConferenceCard(view: RequestConferenceView): CardJson {
  const children = view.children.map((c) => ({ id: c.id, firstName: c.firstName }));
  return expandCard(template, {
    fallbackText: `Request a child protection conference for case ${view.caseReference}`,
    caseId: view.caseId,
    caseReference: view.caseReference,
    cardVersion: view.cardVersion ?? "",
    children,
    v: inputValues(FIELDS, view.values, {
      meetingKind: view.meetingKind,
      // A single child is the index child and the only one the conference can be for.
      childIds: view.children.length === 1 ? children[0]!.id : children.map((c) => c.id).join(","),
      indexChildId: view.indexChildId ?? (children.length === 1 ? children[0]!.id : undefined),
      strategyDate: view.strategyDate,
      previousConferenceDate: view.previousConferenceDate,
    }),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}
