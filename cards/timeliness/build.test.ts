import {
  cardBytes,
  executeActions,
  expectWellFormedCard,
  MAX_CARD_BYTES,
  visibleText,
} from "../__tests__/card-checks";
import { buildTimelinessCard, formatPercent, timelinessCardBody } from "./build";
import { ENGLAND_ICPC, timelinessMaxSample, timelinessSample } from "./sample";
import type { TimelinessView } from "./view-model";

type Node = Record<string, unknown>;

function nodes(value: unknown, keep: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (Array.isArray(value)) value.forEach((v) => nodes(v, keep, out));
  else if (typeof value === "object" && value !== null) {
    if (keep(value as Node)) out.push(value as Node);
    Object.values(value).forEach((v) => nodes(v, keep, out));
  }
  return out;
}

/** Every horizontal bar: [weight of the bar, weight of the rest, style] (an empty bar: [0, 1000]). */
function bars(card: Node): [number, number, string][] {
  return nodes(
    card,
    (n) =>
      n.type === "ColumnSet" &&
      Array.isArray(n.columns) &&
      (n.columns as Node[]).every((c) => typeof c.width === "number"),
  ).map((set) => {
    const cols = set.columns as Node[];
    const bar = cols.find((c) => c.style !== undefined);
    const rest = cols.find((c) => c.style === undefined);
    return [Number(bar?.width ?? 0), Number(rest?.width ?? 0), String(bar?.style ?? "none")];
  });
}

/** Every vertical month bar: its height in px and style. */
function monthBars(card: Node): [number, string][] {
  return nodes(card, (n) => n.type === "Container" && typeof n.minHeight === "string").map((n) => [
    parseInt(String(n.minHeight), 10),
    String(n.style),
  ]);
}

describe("timeliness card", () => {
  it("shows the council's figures beside the national ones, as bars, with the numbers", () => {
    const card = buildTimelinessCard(timelinessSample);
    expectWellFormedCard(card);
    expect(executeActions(card)).toEqual([]);
    const text = visibleText(card);
    for (const s of [
      "Timeliness: Northshire",
      "ICPCs within 15 working days of the strategy discussion",
      "72.4% of 58",
      "England 2024-25",
      "81.4%",
      "England 2022-23",
      "78.5%",
      "RCPCs within their limit",
      "93.8% of 112",
      "CLA reviews within their limit",
      "Reports shared with families on time",
      "Invite lists on time",
      "By team: ICPCs within 15 working days of the strategy discussion",
      "Disabled Children's Team",
    ])
      expect(text).toContain(s);
    expect(card.fallbackText).toBe(
      "Timeliness: Northshire, 1 Apr 2026 to 31 Mar 2027, counted as the national return counts them: ICPCs within 15 working days of the strategy discussion 72.4% (England 2024-25 81.4%)",
    );
  });

  it("draws each bar as weighted columns out of 1000, coloured against the latest national figure", () => {
    const b = bars(buildTimelinessCard(timelinessSample));
    expect(b.slice(0, 3)).toEqual([
      [724, 276, "attention"],
      [814, 186, "accent"],
      [785, 215, "accent"],
    ]);
    // No national figure for RCPCs: neutral.
    expect(b[3]).toEqual([938, 62, "accent"]);
    // Teams against England's 81.4%: 84.6 green, 68.8 red, 100 green (a full bar: no rest column).
    expect(b.slice(7)).toEqual([
      [846, 154, "good"],
      [688, 312, "attention"],
      [1000, 0, "good"],
      [600, 400, "attention"],
    ]);
    const amber = buildTimelinessCard({
      ...timelinessSample,
      rows: [{ ...timelinessSample.rows[0]!, percent: 77 }],
    });
    expect(bars(amber)[0]).toEqual([770, 230, "warning"]);
  });

  it("draws months as vertical bars, 6 a line, heights in proportion (96px at 100%)", () => {
    const card = buildTimelinessCard(timelinessSample);
    const m = monthBars(card);
    expect(m).toHaveLength(12);
    expect(m[2]).toEqual([96, "good"]);
    expect(m[4]).toEqual([48, "attention"]);
    expect(m[0]).toEqual([77, "warning"]);
    const lines = nodes(
      card,
      (n) =>
        n.type === "ColumnSet" &&
        Array.isArray(n.columns) &&
        (n.columns as Node[]).every((c) => c.verticalContentAlignment === "Bottom"),
    );
    expect(lines.map((l) => (l.columns as Node[]).length)).toEqual([6, 6]);
  });

  it("pads a short last line of months, and shows a month with nothing counted without a bar", () => {
    const card = buildTimelinessCard({
      ...timelinessSample,
      months: [
        { label: "Jan", percent: 50, counted: 2 },
        { label: "Feb", counted: 0 },
        { label: "Mar", percent: 100, counted: 1 },
      ],
    });
    expectWellFormedCard(card);
    expect(monthBars(card)).toEqual([
      [48, "attention"],
      [96, "good"],
    ]);
    expect(visibleText(card)).toContain("–");
  });

  it("without national figures, months or teams: neutral bars, no legend, no breakdown", () => {
    const view: TimelinessView = {
      title: "Timeliness",
      periodText: "January 2027",
      rows: [
        { label: "ICPCs within 15 working days", counted: 0 },
        { label: "RCPCs within their limit", percent: 100, counted: 3 },
      ],
    };
    const card = buildTimelinessCard(view);
    expectWellFormedCard(card);
    const text = visibleText(card);
    expect(text).toContain("none counted");
    expect(text).toContain("This council");
    expect(text).not.toContain("Green, amber, red");
    expect(text).not.toContain("By month");
    expect(bars(card)).toEqual([
      [0, 1000, "none"],
      [1000, 0, "accent"],
    ]);
    expect(card.fallbackText).toBe(
      "Timeliness, January 2027: ICPCs within 15 working days none counted",
    );
  });

  it("breaks down the measure asked for, compared with that measure's national figure", () => {
    const card = buildTimelinessCard({
      ...timelinessSample,
      rows: [timelinessSample.rows[1]!, timelinessSample.rows[0]!],
      breakdownLabel: timelinessSample.rows[0]!.label,
    });
    expect(visibleText(card)).toContain(
      "By month: ICPCs within 15 working days of the strategy discussion (%)",
    );
    expect(monthBars(card)[2]).toEqual([96, "good"]);
  });

  it("refuses figures that cannot be", () => {
    const row = timelinessSample.rows[0]!;
    const bad = (rows: TimelinessView["rows"]) => () =>
      buildTimelinessCard({ ...timelinessSample, rows });
    expect(bad([{ ...row, percent: 100.1 }])).toThrow(RangeError);
    expect(bad([{ ...row, percent: Number.NaN }])).toThrow(RangeError);
    expect(bad([{ ...row, counted: -1 }])).toThrow(RangeError);
    expect(bad([{ ...row, counted: 0 }])).toThrow(/nothing counted/);
    expect(bad([{ ...row, national: [{ label: "England", percent: 181.4 }] }])).toThrow(RangeError);
    expect(bad(Array.from({ length: 9 }, () => row))).toThrow(/at most 8/);
    expect(() =>
      buildTimelinessCard({
        ...timelinessSample,
        teams: [{ name: "North", percent: 50, counted: 0 }],
      }),
    ).toThrow(/nothing counted/);
  });

  it("the largest card (12 months, 12 teams, 12 chairs) stays under 40 KB", () => {
    const card = buildTimelinessCard(timelinessMaxSample);
    expectWellFormedCard(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(bars(card)).toHaveLength(5 * 3 + 12 + 12);
    expect(visibleText(card)).toContain("By chair:");
    expect(visibleText(card)).not.toContain("more chairs");
  });

  it("shows the last 12 months, and the first 12 teams and chairs with how many more", () => {
    const many = Array.from({ length: 15 }, (_, i) => ({
      name: `Chair ${i + 1}`,
      percent: 80,
      counted: 5,
    }));
    const card = buildTimelinessCard({
      ...timelinessMaxSample,
      months: Array.from({ length: 14 }, (_, i) => ({
        label: `M${i + 1}`,
        percent: 90,
        counted: 3,
      })),
      teams: many.slice(0, 13),
      chairs: many,
    });
    expectWellFormedCard(card);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    const text = visibleText(card);
    expect(text).not.toMatch(/^M2$/m);
    expect(text).toMatch(/^M3$/m);
    expect(text).toContain("…and 1 more team (npx convene stats lists them all)");
    expect(text).toContain("…and 3 more chairs (npx convene stats lists them all)");
    expect(text).not.toContain("Chair 13");
  });

  it("compares the breakdown with the row its label names, or begins", () => {
    const card = buildTimelinessCard({
      ...timelinessSample,
      rows: [timelinessSample.rows[1]!, timelinessSample.rows[0]!],
      breakdownLabel: "ICPCs within 15 working days",
    });
    expect(visibleText(card)).toContain("By team: ICPCs within 15 working days");
    expect(monthBars(card)[2]).toEqual([96, "good"]);
    expect(monthBars(card)[4]).toEqual([48, "attention"]);
  });

  it("gives its body for the month-ahead list to append", () => {
    const body = timelinessCardBody(timelinessSample);
    expect(body).toEqual(buildTimelinessCard(timelinessSample).body);
    expect(body.length).toBeGreaterThan(3);
  });

  it("prints percentages to one decimal at most", () => {
    expect(formatPercent(81.4)).toBe("81.4%");
    expect(formatPercent(100)).toBe("100%");
    expect(formatPercent(66.666)).toBe("66.7%");
    expect(ENGLAND_ICPC.map((n) => n.percent)).toEqual([81.4, 78.5]);
  });
});
