import type { DutyDay, DutyRota } from "../../model";

export interface SwapCheck {
  rota: Pick<DutyRota, "days" | "month">;
  /** The requester's day and the other chair's day. */
  first: DutyDay;
  second: DutyDay;
  isChair: (id: string) => boolean;
  unavailable: (chairId: string, date: string) => boolean;
}

export type SwapResult = { ok: true; days: DutyDay[] } | { ok: false; reason: string };

/**
 * Swapping two duty days between two chairs (West Sussex). Refused, with the
 * reason, whenever the rota after the swap would leave a day without a duty
 * chair who can be there: a day not on this month's rota (a weekend, a
 * bank holiday, another month), a day whose duty chair is not the one
 * named (the rota changed since), a chair who is not a chair, or a chair
 * unavailable on the day they would take. Pure: answers the new days.
 */
export function checkSwap(input: SwapCheck): SwapResult {
  const { rota, first, second } = input;
  if (first.date === second.date) return { ok: false, reason: "Choose two different days." };
  if (first.chairId === second.chairId)
    return { ok: false, reason: "A swap is between two different chairs." };
  for (const id of [first.chairId, second.chairId]) {
    if (!input.isChair(id))
      return {
        ok: false,
        reason: "Only two chairs can swap duty days: the day would be left without a duty chair.",
      };
  }
  for (const d of [first, second]) {
    const onRota = rota.days.find((x) => x.date === d.date);
    if (onRota === undefined)
      return {
        ok: false,
        reason: `${d.date} is not a working day on the ${rota.month} rota: swap days of the same month's rota.`,
      };
    if (onRota.chairId !== d.chairId)
      return {
        ok: false,
        reason: `The rota has changed: ${d.date} is no longer that chair's duty day.`,
      };
  }
  // Each chair takes the other's day: both must be able to be there.
  if (input.unavailable(second.chairId, first.date))
    return {
      ok: false,
      reason: `The other chair is unavailable on ${first.date}: that day would be left without a duty chair.`,
    };
  if (input.unavailable(first.chairId, second.date))
    return {
      ok: false,
      reason: `The requesting chair is unavailable on ${second.date}: that day would be left without a duty chair.`,
    };
  const days = rota.days.map((d) =>
    d.date === first.date
      ? { date: d.date, chairId: second.chairId }
      : d.date === second.date
        ? { date: d.date, chairId: first.chairId }
        : d,
  );
  return { ok: true, days };
}
