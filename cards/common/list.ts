import type { CardJson } from "../../ports/notifier";

/**
 * Lists (the councils' other procedures: the weekly, fortnight and month-ahead lists, the exception
 * report, the indicator review, case mapping) can be far longer than a card
 * holds: the weekly list of an authority with 500 meetings in the week is
 * about 300 KB as rows, and Teams takes a message of about 80 KB (cards stay
 * under 40 KB, the conference journey in Teams). So a list card never tries to hold every row:
 *
 * - its counts (per day, per section, per chair) are always computed from
 *   every row, so the totals are right however many rows are shown;
 * - it shows the first rows only, up to a fixed number per list (what a
 *   person reads in a chat) and fewer if they would take the card past
 *   LIST_CARD_BUDGET (long names or reasons);
 * - it says how many more there are and where they are ("…and 460 more
 *   meetings: see the CSV in your email"): the CSV of cards/csv/ carries
 *   every row, built from the same view-model.
 *
 * Each list's `layout…` function says how many rows its card left out, so
 * the sender knows to attach the CSV for the people who got the card too.
 */

/**
 * The most bytes of JSON a list card may take: 4 KB under the 40 KB every
 * card is tested against, for the activity envelope and anything appended
 * later.
 */
export const LIST_CARD_BUDGET = 36 * 1024;

/** Where the rows a card leaves out can be read, unless the view says otherwise. */
export const DEFAULT_FULL_LIST_TEXT = "see the CSV in your email";

export function jsonBytes(card: CardJson): number {
  return Buffer.byteLength(JSON.stringify(card), "utf8");
}

export interface Fitted {
  card: CardJson;
  /** The `shown` argument the card was built with. */
  shown: number;
}

/**
 * The card with the most rows that fits the budget: `build(shown)` for the
 * largest `shown` between `min` and `max` whose JSON is under `budget`
 * bytes. Builders are monotonic in `shown` (more rows, more bytes), so this
 * is a binary search: one build when everything fits (the usual case), about
 * log2(max) builds otherwise. Undefined when even `min` rows do not fit.
 */
export function fitCard(
  build: (shown: number) => CardJson,
  max: number,
  { min = 0, budget = LIST_CARD_BUDGET }: { min?: number; budget?: number } = {},
): Fitted | undefined {
  const first = build(max);
  if (jsonBytes(first) < budget) return { card: first, shown: max };
  let lo = min;
  let hi = max - 1;
  let best: Fitted | undefined;
  while (lo <= hi) {
    const mid = Math.floor((lo + hi) / 2);
    const card = build(mid);
    if (jsonBytes(card) < budget) {
      best = { card, shown: mid };
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "…and 460 more meetings: see the CSV in your email" ("" when nothing is left out). */
export function moreText(
  hidden: number,
  one: string,
  many: string,
  where: string = DEFAULT_FULL_LIST_TEXT,
): string {
  return hidden > 0 ? `…and ${hidden} more ${hidden === 1 ? one : many}: ${where}` : "";
}

/** Free text (a reason, a rationale) cut to `max` characters on the card; the CSV keeps it whole. */
export function clip(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, " ");
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/** Stable sort by a key (numbers, or strings compared as strings). */
export function sortedBy<T>(items: readonly T[], key: (item: T) => string | number): T[] {
  return items
    .map((item, i) => ({ item, i, k: key(item) }))
    .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
    .map((x) => x.item);
}

/** A whole number ≥ 0, or a RangeError naming what was wrong. */
export function checkCount(what: string, n: number): void {
  if (!Number.isInteger(n) || n < 0)
    throw new RangeError(`${what} must be a whole number ≥ 0, got ${n}`);
}

/** A piece of a RichTextBlock line: red and bold when it is what needs attention. */
export interface Run {
  text: string;
  color: "Default" | "Attention";
  weight: "Default" | "Bolder";
}

export const plain = (text: string): Run => ({ text, color: "Default", weight: "Default" });
export const attention = (text: string): Run => ({ text, color: "Attention", weight: "Bolder" });

/**
 * Parts joined with " · " into as few TextRuns as the styles allow (each
 * TextRun costs about 80 bytes of JSON; a row with nothing to flag is one).
 */
export function joinRuns(parts: readonly Run[], separator = " · "): Run[] {
  const out: Run[] = [];
  for (const part of parts) {
    const last = out[out.length - 1];
    if (last === undefined) out.push({ ...part });
    else if (last.color === part.color && last.weight === part.weight)
      last.text += `${separator}${part.text}`;
    // The separator goes with the plain text beside it, so only the words are red.
    else if (last.color === "Default") {
      last.text += separator;
      out.push({ ...part });
    } else out.push({ ...part, text: `${separator}${part.text}` });
  }
  return out;
}

/**
 * One line of a list row, drawn as a RichTextBlock with one TextRun: a
 * TextRun is plain text, so a case reference with "_" or a reason someone
 * typed with "**" shows as typed, never as markdown.
 */
export interface Line {
  text: string;
  color: "Default" | "Attention";
  weight: "Default" | "Bolder";
  subtle: boolean;
}

export const line = {
  /** The row's first line: case reference and meeting, bold. */
  head: (text: string): Line => ({ text, color: "Default", weight: "Bolder", subtle: false }),
  plain: (text: string): Line => ({ text, color: "Default", weight: "Default", subtle: false }),
  /** What needs chasing: red. */
  alert: (text: string): Line => ({ text, color: "Attention", weight: "Default", subtle: false }),
  /** A reason or rationale: grey. */
  note: (text: string): Line => ({ text, color: "Default", weight: "Default", subtle: true }),
};

/**
 * "1 record could not be read", "3 records could not be read"; undefined
 * when none: said on every list or report made while records it would
 * have read are set aside as unreadable (docs/failure-handling.md).
 */
export function unreadableText(count: number): string | undefined {
  if (count <= 0) return undefined;
  return `${count} ${count === 1 ? "record" : "records"} could not be read`;
}
