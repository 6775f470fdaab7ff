import type { DutyDay } from "../../model";

export interface RotaInput {
  /** The month's working days, in order. */
  days: readonly string[];
  /** Every chair on the rota, in the authority's order. */
  chairs: readonly string[];
  /** True when the chair cannot be on duty that day (leave, training, sickness...). */
  unavailable: (chairId: string, date: string) => boolean;
  /**
   * Where ties start in the chairs' order (the month's index works): the
   * chair who gets a spare day moves round from month to month.
   */
  offset?: number;
}

export type RotaResult = { ok: true; days: DutyDay[] } | { ok: false; uncovered: string[] };

/**
 * West Sussex: "The Team Manager writes the rota ... giving us our fair share of
 * days". Day by day, the duty goes to the available chair with the fewest
 * duty days so far (ties in the chairs' order, rotated by `offset`). With
 * every chair available all month the counts differ by at most one; a
 * chair away for some days is never put on duty then, and makes up the
 * difference on the days after, so counts stay as even as availability
 * allows. A day no chair can cover makes the whole rota refused: West Sussex wants
 * a duty chair every working day, and the team manager must know which.
 */
export function fairRota(input: RotaInput): RotaResult {
  const n = input.chairs.length;
  const count = new Map(input.chairs.map((c) => [c, 0]));
  const rank = new Map(
    input.chairs.map((c, i) => [
      c,
      (i - ((input.offset ?? 0) % Math.max(n, 1)) + n) % Math.max(n, 1),
    ]),
  );
  const out: DutyDay[] = [];
  const uncovered: string[] = [];
  for (const date of input.days) {
    let best: string | undefined;
    for (const chair of input.chairs) {
      if (input.unavailable(chair, date)) continue;
      if (best === undefined) {
        best = chair;
        continue;
      }
      const c = count.get(chair) ?? 0;
      const b = count.get(best) ?? 0;
      if (c < b || (c === b && (rank.get(chair) ?? 0) < (rank.get(best) ?? 0))) best = chair;
    }
    if (best === undefined) uncovered.push(date);
    else {
      out.push({ date, chairId: best });
      count.set(best, (count.get(best) ?? 0) + 1);
    }
  }
  return uncovered.length > 0 ? { ok: false, uncovered } : { ok: true, days: out };
}

/** Duty days per chair (every chair listed, 0 included). */
export function dutyCounts(
  days: readonly DutyDay[],
  chairs: readonly string[],
): Map<string, number> {
  const out = new Map(chairs.map((c) => [c, 0]));
  for (const d of days) out.set(d.chairId, (out.get(d.chairId) ?? 0) + 1);
  return out;
}
