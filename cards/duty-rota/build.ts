import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { plural } from "../common/list";
import { errorSummary, fieldErrorsOn, inputValues } from "../common/redisplay";
import none from "./none.template.json";
import swapRequest from "./swap-request.template.json";
import template from "./template.json";
import type { DutyRotaView, NoRotaView, SwapRequestView } from "./view-model";

const FIELDS = ["firstDate", "secondDate"] as const;

/**
 * The month's duty rota (West Sussex): each working day and its duty chair (23 rows
 * at most: about 4 KB), duty days per chair, and the swap form.
 */
export function buildDutyRotaCard(view: DutyRotaView): CardJson {
  return expandCard(template, {
    fallbackText: `Duty chair rota: ${view.monthTitle}`,
    monthTitle: view.monthTitle,
    month: view.month,
    cardVersion: view.cardVersion ?? "",
    days: view.days.map((d) => ({
      dateText: d.dateText,
      label: d.note === undefined ? d.chairName : `${d.chairName} (${d.note})`,
    })),
    counts: view.counts.map((c) => ({ name: c.name, daysText: plural(c.days, "day") })),
    canSwap: view.canSwap,
    v: inputValues(FIELDS, view.values, {}),
    e: fieldErrorsOn(FIELDS, view.errors),
    summary: errorSummary(view.errors, (f) => (FIELDS as readonly string[]).includes(f)),
  });
}

/**
 * A month with no rota yet. Looking never makes one: the chairs' team
 * manager (or a clerk) is offered "Make the rota", everyone else is told who
 * makes it.
 */
export function buildNoRotaCard(view: NoRotaView): CardJson {
  return expandCard(none, {
    fallbackText: `Duty chair rota: ${view.monthTitle}: not made yet`,
    ...view,
  });
}

/** To the other chair: accept or decline a swap of two duty days. */
export function buildSwapRequestCard(view: SwapRequestView): CardJson {
  return expandCard(swapRequest, {
    fallbackText: `${view.requesterName} asks to swap duty days`,
    ...view,
  });
}
