import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { plural, unreadableText } from "../common/list";
import template from "./template.json";
import type { CaseloadView } from "./view-model";

/** Read only: conferences in the coming weeks, allocated cases and duty days per chair. */
export function buildCaseloadCard(view: CaseloadView): CardJson {
  const unreadable = unreadableText(view.unreadable ?? 0);
  return expandCard(template, {
    fallbackText: `Chairs' caseload${unreadable === undefined ? "" : `; ${unreadable}`}`,
    periodText: view.periodText,
    unreadable: unreadable === undefined ? "" : `${unreadable}: these counts leave them out.`,
    rows: view.rows.map((r) => ({
      name: r.name,
      text: `${plural(r.upcoming, "conference")} · ${plural(r.cases, "case")} · ${plural(r.dutyDays, "duty day")}`,
    })),
  });
}
