import { parseIsoDate } from "../rules/calendar/day-number";
import { formatHumanDate } from "../rules/calendar/en-gb";

/**
 * "Thu 7 Jan 2027 17:00" from an ISO instant printed with its Europe/London
 * offset: the date and time in the string are already local.
 */
export function humanWhen(iso: string): string {
  return `${formatHumanDate(parseIsoDate(iso.slice(0, 10)))} ${iso.slice(11, 16)}`;
}

/** A plain text table: columns padded to their widest cell, the last left ragged. */
export function renderTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), ...rows.map(line)].join("\n") + "\n";
}
