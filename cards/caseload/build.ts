import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { plural } from "../common/list";
import template from "./template.json";
import type { CaseloadView } from "./view-model";

/** Read only: conferences in the coming weeks, allocated cases and duty days per chair. */
export function buildCaseloadCard(view: CaseloadView): CardJson {
  return expandCard(template, {
    fallbackText: "Chairs' caseload",
    periodText: view.periodText,
    rows: view.rows.map((r) => ({
      name: r.name,
      text: `${plural(r.upcoming, "conference")} · ${plural(r.cases, "case")} · ${plural(r.dutyDays, "duty day")}`,
    })),
  });
}
