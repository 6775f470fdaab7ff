import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import template from "./template.json";
import type { ChairUnavailableView } from "./view-model";

const FIELDS = ["kind", "startDate", "startTime", "endDate", "endTime"] as const;

/** West Sussex: a chair marks themselves unavailable to conferences; errors next to the fields. */
export function buildChairUnavailableCard(view: ChairUnavailableView): CardJson {
  return expandCard(template, {
    fallbackText: "Your unavailable slots for conferences",
    chairName: view.chairName,
    upcoming: view.upcoming,
    hasUpcoming: view.upcoming.length > 0,
    noUpcoming: view.upcoming.length === 0,
    v: inputValues(FIELDS, view.values, {}),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}
