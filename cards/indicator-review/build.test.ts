import {
  cardBytes,
  executeActions,
  expectWellFormedCard,
  visibleText,
} from "../__tests__/card-checks";
import { briefChildNames } from "../brief/sample";
import { LIST_CARD_BUDGET } from "../common/list";
import { requestConferenceChildNames } from "../request-conference/sample";
import { buildIndicatorReviewCard, INDICATORS, layoutIndicatorReviewCard } from "./build";
import { indicatorReviewMaxSample, indicatorReviewSample } from "./sample";

const CHILDREN = [...requestConferenceChildNames, ...briefChildNames];

/** Fact titles and values in order, as "title = value". */
function facts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === "object" && v !== null) {
      const n = v as Record<string, unknown>;
      if (n.type === "FactSet")
        for (const f of n.facts as { title: string; value: string }[])
          out.push(`${f.title} = ${f.value}`);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe("indicator review card (indicator.review)", () => {
  it("lists a chair's long plans (longest first), repeat plans and plans ended at the first RCPC", () => {
    const card = buildIndicatorReviewCard(indicatorReviewSample);
    expectWellFormedCard(card, CHILDREN);
    expect(executeActions(card)).toEqual([]);
    expect(facts(card)).toEqual([
      "CP-2025-0207 = since 2 Jun 2025: 19 months · 3 children",
      "CP-2025-0311 = since 22 Sep 2025: 15 months",
      "CP-2025-0466 = since 30 Nov 2026; previous plan ended 14 Aug 2025",
      "CP-2025-0402 = 7 Sep 2026 to 3 Dec 2026 · 2 children",
    ]);
    const text = visibleText(card);
    for (const s of [
      `${INDICATORS.long} (2)`,
      `${INDICATORS.repeat} (1)`,
      `${INDICATORS.endedAtFirstRcpc} (1)`,
      "Grace Okafor",
      "consider a change of chair or a peer review",
    ])
      expect(text).toContain(s);
    expect(card.fallbackText).toBe(
      "Indicator review: January 2027: 2 long plans, 1 repeat plan, 1 ended at the first RCPC",
    );
  });

  it("a chair with nothing to review says so, without three empty lists", () => {
    const card = buildIndicatorReviewCard({
      ...indicatorReviewSample,
      chairs: [
        { chairName: "Daniel Hughes", longPlans: [], repeatPlans: [], endedAtFirstRcpc: [] },
      ],
    });
    expectWellFormedCard(card);
    const text = visibleText(card);
    expect(text).toContain("Nothing to review this month");
    expect(text).not.toContain(INDICATORS.long);
  });

  it("says how many records could not be read, and nothing of it when none", () => {
    const card = buildIndicatorReviewCard({ ...indicatorReviewSample, unreadable: 1 });
    expectWellFormedCard(card);
    expect(visibleText(card)).toContain("1 record could not be read");
    expect(card.fallbackText).toContain("1 record could not be read");
    expect(visibleText(buildIndicatorReviewCard(indicatorReviewSample))).not.toContain(
      "could not be read",
    );
  });

  it("an empty list within a chair reads None", () => {
    const card = buildIndicatorReviewCard({
      ...indicatorReviewSample,
      chairs: [{ ...indicatorReviewSample.chairs[0]!, repeatPlans: [] }],
    });
    expect(visibleText(card)).toContain(`${INDICATORS.repeat} (0)\nNone.`);
  });

  it("the team manager's card of 15 chairs: every count, the first cases of each list, under 40 KB", () => {
    const layout = layoutIndicatorReviewCard(indicatorReviewMaxSample);
    expectWellFormedCard(layout.card, CHILDREN);
    expect(cardBytes(layout.card)).toBeLessThan(LIST_CARD_BUDGET);
    const k = layout.shownPerList;
    expect(k).toBeGreaterThanOrEqual(3);
    // Each chair's three lists have 8, 6 and 4 cases: a list shorter than k shows all of it.
    const shown = 15 * (Math.min(8, k) + Math.min(6, k) + Math.min(4, k));
    expect(facts(layout.card)).toHaveLength(shown);
    expect(layout.hiddenRows).toBe(15 * (8 + 6 + 4) - shown);
    const text = visibleText(layout.card);
    expect(text).toContain(
      "120 long plans, 90 repeat plans, 60 ended at the first RCPC across 15 chairs",
    );
    expect(text).toContain(`…and ${8 - k} more cases: see the CSV in your email`);
    expect(text).toContain("Independent Child Protection Chair Number 15");
  });

  it("refuses counts that cannot be", () => {
    const chair = indicatorReviewSample.chairs[0]!;
    const bad = (c: typeof chair) => () =>
      buildIndicatorReviewCard({ ...indicatorReviewSample, chairs: [c] });
    expect(bad({ ...chair, longPlans: [{ ...chair.longPlans[0]!, months: -1 }] })).toThrow(
      RangeError,
    );
    expect(bad({ ...chair, repeatPlans: [{ ...chair.repeatPlans[0]!, children: 1.5 }] })).toThrow(
      RangeError,
    );
  });
});
