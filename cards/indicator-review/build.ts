import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { formatDate } from "../common/format";
import { checkCount, fitCard, moreText, plural, sortedBy, unreadableText } from "../common/list";
import template from "./template.json";
import type { IndicatorCase, IndicatorChair, IndicatorReviewView } from "./view-model";

/**
 * The most cases each of a chair's three lists shows (fewer if they would
 * take the card past LIST_CARD_BUDGET); the counts and the CSV cover every
 * case. One CPA's card fits whole; the team manager's card of 15 chairs
 * with 18 cases each shows 5 a list in about 35 KB.
 */
export const INDICATOR_REVIEW_LIMITS = { rowsPerList: 10 } as const;

/** The three indicators of West Sussex's supervision, as the card and the CSV name them. */
export const INDICATORS = {
  long: "On a plan 15 months or more",
  repeat: "Repeat plan: a previous plan ended within 2 years",
  endedAtFirstRcpc: "Plan ended at the first RCPC",
} as const;

/** "2 Jun 2025": plan dates are months or years back, their weekday no help. */
const day = (d: string) => formatDate(d).replace(/^[A-Z][a-z]{2} /, "");

const children = (c: IndicatorCase) =>
  (c.children ?? 1) > 1 ? ` · ${plural(c.children!, "child", "children")}` : "";

function checkCase(c: IndicatorCase): void {
  if (c.children !== undefined) checkCount(`${c.caseReference}: children`, c.children);
}

/** "3 long plans · 1 repeat plan · 2 ended at the first RCPC". */
function chairSummary(c: IndicatorChair): string {
  const total = c.longPlans.length + c.repeatPlans.length + c.endedAtFirstRcpc.length;
  if (total === 0) return "Nothing to review this month";
  return [
    plural(c.longPlans.length, "long plan"),
    plural(c.repeatPlans.length, "repeat plan"),
    `${c.endedAtFirstRcpc.length} ended at the first RCPC`,
  ].join(" · ");
}

export interface IndicatorReviewLayout {
  card: CardJson;
  shownPerList: number;
  /** Cases counted but not listed: when > 0, the card points to the CSV, so send it. */
  hiddenRows: number;
}

/**
 * The indicator review for supervision (West Sussex; docs/rules.md, policies `west-sussex`):
 * per chair, the cases on a plan 15 months or more (longest first), on a
 * repeat plan, and whose plan ended at the first RCPC, by case reference
 * with the plan's dates; West Sussex's guidance (consider a change of chair or a
 * peer review; bring any to the team meeting) at the top.
 */
export function layoutIndicatorReviewCard(view: IndicatorReviewView): IndicatorReviewLayout {
  for (const chair of view.chairs) {
    chair.longPlans.forEach((r) => {
      checkCase(r);
      checkCount(`${r.caseReference}: months`, r.months);
    });
    chair.repeatPlans.forEach(checkCase);
    chair.endedAtFirstRcpc.forEach(checkCase);
  }
  const chairs = view.chairs.map((c) => {
    const lists = [
      {
        title: INDICATORS.long,
        facts: sortedBy(c.longPlans, (r) => r.planStart).map((r) => ({
          title: r.caseReference,
          value: `since ${day(r.planStart)}: ${plural(r.months, "month")}${children(r)}`,
        })),
      },
      {
        title: INDICATORS.repeat,
        facts: sortedBy(c.repeatPlans, (r) => r.planStart).map((r) => ({
          title: r.caseReference,
          value: `since ${day(r.planStart)}; previous plan ended ${day(r.previousPlanEnd)}${children(r)}`,
        })),
      },
      {
        title: INDICATORS.endedAtFirstRcpc,
        facts: sortedBy(c.endedAtFirstRcpc, (r) => r.planEnd).map((r) => ({
          title: r.caseReference,
          value: `${day(r.planStart)} to ${day(r.planEnd)}${children(r)}`,
        })),
      },
    ];
    return { name: c.chairName, summary: chairSummary(c), lists };
  });
  const total = (key: "longPlans" | "repeatPlans" | "endedAtFirstRcpc") =>
    view.chairs.reduce((n, c) => n + c[key].length, 0);
  const summary = `${plural(total("longPlans"), "long plan")}, ${plural(total("repeatPlans"), "repeat plan")}, ${total("endedAtFirstRcpc")} ended at the first RCPC${
    view.chairs.length > 1 ? ` across ${plural(view.chairs.length, "chair")}` : ""
  }`;

  const unreadable = unreadableText(view.unreadable ?? 0);
  const build = (k: number): CardJson =>
    expandCard(template, {
      fallbackText: `${view.title}: ${summary}${unreadable === undefined ? "" : `; ${unreadable}`}`,
      title: view.title,
      periodText: view.periodText,
      summary,
      unreadable: unreadable === undefined ? "" : `${unreadable}: this review leaves them out.`,
      guidance:
        "For supervision: for a long plan consider a change of chair or a peer review; bring any of these, or other cases of concern, to the team meeting.",
      chairs: chairs.map((c) => ({
        name: c.name,
        summary: c.summary,
        groups: c.lists.every((l) => l.facts.length === 0)
          ? []
          : c.lists.map((l) => ({
              title: `${l.title} (${l.facts.length})`,
              facts: l.facts.slice(0, k),
              more: moreText(
                l.facts.length - Math.min(k, l.facts.length),
                "case",
                "cases",
                view.fullListText,
              ),
            })),
      })),
    });

  const longest = Math.max(0, ...chairs.flatMap((c) => c.lists.map((l) => l.facts.length)));
  const fitted = fitCard(build, Math.min(longest, INDICATOR_REVIEW_LIMITS.rowsPerList));
  if (fitted === undefined) throw new RangeError(`${view.title}: too many chairs for one card`);
  const hiddenRows = chairs.reduce(
    (n, c) => n + c.lists.reduce((m, l) => m + Math.max(0, l.facts.length - fitted.shown), 0),
    0,
  );
  return { card: fitted.card, shownPerList: fitted.shown, hiddenRows };
}

export function buildIndicatorReviewCard(view: IndicatorReviewView): CardJson {
  return layoutIndicatorReviewCard(view).card;
}
