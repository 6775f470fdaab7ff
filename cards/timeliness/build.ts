import type { CardJson } from "../../ports/notifier";
import { expandCard } from "../common/expand";
import { unreadableText } from "../common/list";
import template from "./template.json";
import type {
  NationalFigure,
  TimelinessFigure,
  TimelinessGroup,
  TimelinessRow,
  TimelinessView,
} from "./view-model";

/**
 * The most a card shows, to stay under Teams' size limit: more rows or
 * national figures is a caller's mistake (refused); of more months the card
 * shows the last 12, of more teams or chairs the first 12 and how many more.
 */
export const TIMELINESS_LIMITS = { rows: 8, national: 3, months: 12, parts: 12 } as const;

/** How far below the national figure still reads amber rather than red (percentage points). */
export const AMBER_POINTS = 5;

/** A vertical month bar's height at 100%, in px (a styled Container is never under ~32px: its padding). */
const MONTH_BAR_PX = 96;

/**
 * Months per line of vertical bars. A styled Container is at least its
 * padding wide (about 32px), so 12 side by side overflow a phone's card:
 * two lines of 6 fit anywhere, and a short last line is padded with empty
 * columns so every month's bar has the same width.
 */
const MONTHS_PER_LINE = 6;

type BarStyle = "good" | "warning" | "attention" | "accent";

interface Bar {
  label: string;
  /** Column weights out of 1000: the bar, and the space to its right. */
  fill: number;
  rest: number;
  style: BarStyle;
  value: string;
  weight: "Bolder" | "Default";
  subtle: boolean;
}

/** "81.4%", "75%", "100%". */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

function checkFigure(what: string, f: TimelinessFigure): void {
  if (!Number.isInteger(f.counted) || f.counted < 0)
    throw new RangeError(`${what}: counted must be a whole number ≥ 0, got ${f.counted}`);
  if (f.percent !== undefined) {
    if (!Number.isFinite(f.percent) || f.percent < 0 || f.percent > 100)
      throw new RangeError(`${what}: percent must be 0–100, got ${f.percent}`);
    if (f.counted === 0) throw new RangeError(`${what}: a percent of nothing counted`);
  }
}

/**
 * The council's bar is green at or above the newest national figure, amber
 * up to AMBER_POINTS below, red further below; with no national figure to
 * compare with, neutral (accent).
 */
function councilStyle(percent: number | undefined, reference: number | undefined): BarStyle {
  if (percent === undefined || reference === undefined) return "accent";
  if (percent >= reference) return "good";
  return percent >= reference - AMBER_POINTS ? "warning" : "attention";
}

function weights(percent: number | undefined): { fill: number; rest: number } {
  const fill = percent === undefined ? 0 : Math.round(percent * 10);
  return { fill, rest: 1000 - fill };
}

function councilBar(label: string, f: TimelinessFigure, reference: number | undefined): Bar {
  return {
    label,
    ...weights(f.percent),
    style: councilStyle(f.percent, reference),
    value: f.percent === undefined ? "none counted" : `${formatPercent(f.percent)} of ${f.counted}`,
    weight: "Bolder",
    subtle: false,
  };
}

function nationalBar(n: NationalFigure): Bar {
  if (!Number.isFinite(n.percent) || n.percent < 0 || n.percent > 100)
    throw new RangeError(`${n.label}: percent must be 0–100, got ${n.percent}`);
  return {
    label: n.label,
    ...weights(n.percent),
    style: "accent",
    value: formatPercent(n.percent),
    weight: "Default",
    subtle: true,
  };
}

const newest = (row: TimelinessRow | undefined) => row?.national?.[0]?.percent;

function limit<T>(what: string, items: readonly T[] | undefined, max: number): readonly T[] {
  const list = items ?? [];
  if (list.length > max) throw new RangeError(`${what}: at most ${max}, got ${list.length}`);
  return list;
}

function groupBars(what: string, parts: readonly TimelinessGroup[], reference?: number): Bar[] {
  return parts.map((p) => {
    checkFigure(`${what} ${p.name}`, p);
    return councilBar(p.name, p, reference);
  });
}

/**
 * The timeliness card (Outlook replies and the quoracy forecast): for managers, and in the month-ahead list.
 * Adaptive Cards 1.5 has no chart, so each figure is a horizontal bar drawn
 * as a ColumnSet of two weighted Columns (the bar: a Column with a
 * container style; then an empty one), their weights the percentage in
 * tenths, inside a fixed-width label and value, so every bar on the card
 * has the same 100% length. Months are vertical bars: a styled Container
 * whose minHeight is the percentage (96px at 100%). Numbers are printed
 * beside every bar: the colours only repeat them.
 */
export function buildTimelinessCard(view: TimelinessView): CardJson {
  const rows = limit("rows", view.rows, TIMELINESS_LIMITS.rows);
  const councilLabel = view.councilLabel ?? "This council";
  // The row the breakdown's bars are compared with: the one the label names, or begins.
  const bl = view.breakdownLabel;
  const breakdownRow =
    (bl === undefined
      ? undefined
      : (rows.find((r) => r.label === bl) ?? rows.find((r) => r.label.startsWith(bl)))) ?? rows[0];
  const breakdownLabel = bl ?? rows[0]?.label ?? "";
  const reference = newest(breakdownRow);
  const rowSections = rows.map((row) => {
    checkFigure(row.label, row);
    const national = limit(`${row.label} national`, row.national, TIMELINESS_LIMITS.national);
    return {
      title: row.label,
      bars: [councilBar(councilLabel, row, newest(row)), ...national.map(nationalBar)],
    };
  });
  const monthBars = (view.months ?? []).slice(-TIMELINESS_LIMITS.months).map((m) => {
    checkFigure(`month ${m.label}`, m);
    return {
      label: m.label,
      value: m.percent === undefined ? "–" : String(Math.round(m.percent)),
      height:
        m.percent === undefined ? 0 : Math.max(1, Math.round((m.percent * MONTH_BAR_PX) / 100)),
      style: councilStyle(m.percent, reference),
    };
  });
  const monthRows: { months: (typeof monthBars)[number][] }[] = [];
  for (let i = 0; i < monthBars.length; i += MONTHS_PER_LINE) {
    const line = monthBars.slice(i, i + MONTHS_PER_LINE);
    while (line.length < MONTHS_PER_LINE)
      line.push({ label: "", value: "", height: 0, style: "accent" });
    monthRows.push({ months: line });
  }
  const groups = [
    { title: `By team: ${breakdownLabel}`, parts: view.teams ?? [], more: ["team", "teams"] },
    { title: `By chair: ${breakdownLabel}`, parts: view.chairs ?? [], more: ["chair", "chairs"] },
  ]
    .filter((g) => g.parts.length > 0)
    .map((g) => {
      const left = g.parts.length - TIMELINESS_LIMITS.parts;
      return {
        title: g.title,
        bars: groupBars(g.title, g.parts.slice(0, TIMELINESS_LIMITS.parts), reference),
        more:
          left > 0
            ? `…and ${left} more ${g.more[left === 1 ? 0 : 1]} (npx convene stats lists them all)`
            : "",
      };
    });
  const compared = rows.some((r) => (r.national ?? []).length > 0);
  const headline = rows[0];
  const headlineText =
    headline === undefined
      ? ""
      : `: ${headline.label} ${headline.percent === undefined ? "none counted" : formatPercent(headline.percent)}${
          newest(headline) === undefined
            ? ""
            : ` (${headline.national![0]!.label} ${formatPercent(newest(headline)!)})`
        }`;
  const unreadable = unreadableText(view.unreadable ?? 0);
  return expandCard(template, {
    fallbackText: `${view.title}, ${view.periodText}${headlineText}${unreadable === undefined ? "" : `; ${unreadable}`}`,
    title: view.title,
    periodText: view.periodText,
    unreadable: unreadable === undefined ? "" : `${unreadable}: these figures leave them out.`,
    legend: compared
      ? `Green, amber, red: ${councilLabel} against the latest national figure (amber: up to ${AMBER_POINTS} points below). Blue: nothing to compare with, or the national figure itself.`
      : "",
    rows: rowSections,
    monthsTitle: `By month: ${breakdownLabel} (%)`,
    monthRows,
    groups,
  });
}

/**
 * The same picture as body elements, for a card that shows it among other
 * things (the month-ahead list appends it under its meetings).
 */
export function timelinessCardBody(view: TimelinessView): unknown[] {
  const body = buildTimelinessCard(view).body;
  return Array.isArray(body) ? (body as unknown[]) : [];
}
