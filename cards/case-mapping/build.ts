import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatDate, formatInstant } from "../common/format";
import {
  checkCount,
  fitCard,
  line,
  moreText,
  plural,
  unreadableText,
  type Line,
} from "../common/list";
import { errorSummary } from "../common/redisplay";
import template from "./template.json";
import { allocationCaseKey, allocationInputId, MAX_CASE_MAPPING_ROWS, MONTH } from "./submission";
import type { CaseMappingRow, CaseMappingView } from "./view-model";

/**
 * The most cases a card lists: MAX_CASE_MAPPING_ROWS (what the submission
 * takes), fewer when the pickers would take the card past LIST_CARD_BUDGET.
 * Each picker repeats every chair, so the allocation card holds about 23
 * cases with 11 chairs (West Sussex's number of CPAs), 19 with 15, 14 with 15 long
 * names (caseMappingMaxSample); a chair's read-only list holds every case
 * a chair is given in a month. On the allocation card the cases not yet
 * allocated come first: once those are saved, the card comes back with
 * the next ones.
 */
export const CASE_MAPPING_LIMITS = { rows: MAX_CASE_MAPPING_ROWS } as const;

/** What the chair does with the case, as the CSV says it. */
export const CASE_MAPPING_TASK_TEXT = {
  review: "Review the last case mapping",
  new: "New case mapping",
} as const;

/** "6 Nov 2025": dates a year or more back, their weekday no help. */
const day = (d: string) => formatDate(d).replace(/^[A-Z][a-z]{2} /, "");

function taskLine(r: CaseMappingRow, months: number): Line {
  return r.task === "review"
    ? line.plain(`Review the case mapping of ${day(r.lastMapped ?? "")}`)
    : line.plain(
        r.lastMapped === undefined
          ? "New case mapping (never mapped)"
          : `New case mapping (last mapped ${day(r.lastMapped)}, over ${plural(months, "month")} ago)`,
      );
}

function checkRow(r: CaseMappingRow): void {
  checkCount(`${r.caseReference}: months open`, r.monthsOpen);
  if (r.task === "review" && r.lastMapped === undefined)
    throw new RangeError(`${r.caseReference}: a review needs the last mapping's date`);
}

export interface CaseMappingLayout {
  card: CardJson;
  shownRows: number;
  /** Cases counted but not on the card: more than fit (see CASE_MAPPING_LIMITS). */
  hiddenRows: number;
}

/**
 * Case mapping (chair-consultation 4; docs/rules.md, policies `chair-consultation`). With `chairs`:
 * the QA admin manager's card, each case with a chair picker (the chair
 * already given preselected), how many each chair has this month, and
 * "Save allocations" (verb case-mapping.allocate: the month and, per row,
 * the case id in the action's data and the chair picked). Without: a
 * read-only list (a chair's own cases, what to do with each and by when).
 */
export function layoutCaseMappingCard(view: CaseMappingView): CaseMappingLayout {
  if (!MONTH.test(view.month)) throw new RangeError(`month must be YYYY-MM, got ${view.month}`);
  checkCount("reviewWithinMonths", view.reviewWithinMonths);
  view.cases.forEach(checkRow);
  const allocating = view.chairs !== undefined;
  const chairs = view.chairs ?? [];
  // To allocate first, then the rest; by how long the case has been open, longest first.
  const rows = [...view.cases].sort(
    (a, b) =>
      (allocating ? Number(a.chair !== undefined) - Number(b.chair !== undefined) : 0) ||
      b.monthsOpen - a.monthsOpen ||
      (a.caseReference < b.caseReference ? -1 : a.caseReference > b.caseReference ? 1 : 0),
  );
  const reviews = rows.filter((r) => r.task === "review").length;
  const allocated = rows.filter((r) => r.chair !== undefined).length;
  const done = rows.filter((r) => r.done === true).length;
  const summary =
    rows.length === 0
      ? "No cases this month"
      : `${plural(rows.length, "case")}: ${plural(reviews, "review")}, ${plural(rows.length - reviews, "new mapping")}; ${
          allocating
            ? `${allocated} allocated, ${rows.length - allocated} to allocate`
            : `${done} done`
        }`;
  const load = allocating
    ? chairs.map((c) => ({
        title: c.name,
        value: plural(rows.filter((r) => r.chair?.id === c.id).length, "case"),
      }))
    : [];
  const chairChoices = chairs.map((c) => ({
    id: c.id,
    title: c.role === undefined ? c.name : `${c.name} (${c.role})`,
  }));

  const unreadable = unreadableText(view.unreadable ?? 0);
  const build = (shown: number): CardJson => {
    const visible = rows.slice(0, shown);
    const actionData: Record<string, string> = {
      month: view.month,
      cardVersion: view.cardVersion ?? "",
    };
    visible.forEach((r, i) => (actionData[allocationCaseKey(i)] = r.caseId));
    const onCard = new Set(visible.map((_, i) => allocationInputId(i)));
    return expandCard(template, {
      fallbackText: `${view.title}: ${summary}${unreadable !== undefined ? `; ${unreadable}` : ""}`,
      title: view.title,
      periodText: `Child in need cases open 12 months or more, to complete by ${formatInstant(view.completeBy)}`,
      summary,
      unreadableText:
        unreadable !== undefined
          ? `${unreadable}: this list may be incomplete. The service owners have been told.`
          : "",
      guidance: `Mapped in the last ${plural(view.reviewWithinMonths, "month")}: the chair reviews that mapping and whether its plan is progressing. Otherwise the chair arranges a new case mapping with the social worker and their supervisor or team manager.`,
      load,
      summaryErrors: errorSummary(view.errors, (f) => onCard.has(f)),
      allocating,
      chairs: chairChoices,
      rows: visible.map((r, i) => {
        const id = allocationInputId(i);
        const opened = `open ${plural(r.monthsOpen, "month")} (since ${day(r.openSince)})`;
        const lines = [
          line.head(`${r.caseReference} · ${opened}${r.team ? ` · ${r.team}` : ""}`),
          taskLine(r, view.reviewWithinMonths),
          ...(allocating
            ? []
            : [
                r.chair === undefined
                  ? line.alert("Not allocated to a chair yet")
                  : line.note(`Chair: ${r.chair.name}${r.done === true ? " · done" : ""}`),
              ]),
        ];
        return {
          lines,
          inputId: id,
          label: `Chair for ${r.caseReference}`,
          value: view.values?.[id] ?? r.chair?.id ?? "",
          error: view.errors?.[id] ?? "",
        };
      }),
      more: moreText(
        rows.length - shown,
        "case",
        "cases",
        allocating ? "save these and the card comes back with the next" : view.fullListText,
      ),
      actionData,
    });
  };

  const fitted = fitCard(build, Math.min(rows.length, CASE_MAPPING_LIMITS.rows));
  if (fitted === undefined) throw new RangeError(`${view.title}: too many chairs for one card`);
  return { card: fitted.card, shownRows: fitted.shown, hiddenRows: rows.length - fitted.shown };
}

export function buildCaseMappingCard(view: CaseMappingView): CardJson {
  return layoutCaseMappingCard(view).card;
}
