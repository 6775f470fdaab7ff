import { buildDutyRotaCard } from "../../cards/duty-rota/build";
import type { DutyRota } from "../../model";
import { formatHumanDate, parseIsoDate } from "../../rules";
import type { Authority } from "../kernel/authority";
import { staffById } from "../kernel/authority";
import type { CardJson } from "../../ports";
import { dutyCounts } from "./rota-fair";
import { chairsOf } from "./staff";
import { monthName } from "../lists/month-name";

/** The rota as a card: each day's duty chair (marked when off sick or swapped), counts per chair. */
export function rotaCard(
  authority: Authority,
  rota: DutyRota,
  canSwap: boolean,
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
): CardJson {
  const name = (id: string) => staffById(authority, id)?.name ?? "(no longer on the staff list)";
  const swapped = new Set(
    rota.swaps.filter((s) => s.status === "done").flatMap((s) => [s.first.date, s.second.date]),
  );
  const sick = new Set(rota.sick.map((s) => `${s.chairId}:${s.date}`));
  const chairs = chairsOf(authority).map((c) => c.entraObjectId);
  const counts = dutyCounts(rota.days, chairs);
  return buildDutyRotaCard({
    month: rota.month,
    monthTitle: monthName(rota.month),
    ...(rota.etag !== undefined ? { cardVersion: rota.etag } : {}),
    days: rota.days.map((d) => {
      const note = sick.has(`${d.chairId}:${d.date}`)
        ? "off sick"
        : swapped.has(d.date)
          ? "swapped"
          : undefined;
      return {
        dateText: formatHumanDate(parseIsoDate(d.date)),
        chairName: name(d.chairId),
        ...(note !== undefined ? { note } : {}),
      };
    }),
    counts: [...counts].map(([id, days]) => ({ name: name(id), days })),
    canSwap,
    ...redisplay,
  });
}
