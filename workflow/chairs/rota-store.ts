import { rotaId, rotaPk, type DutyRota } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { localDate, type Interval } from "./rota-days";

export async function findRota(deps: WorkflowDeps, month: string): Promise<DutyRota | undefined> {
  const a = deps.authority.id;
  return deps.store.get("duty-rota", rotaId(a, month), rotaPk(a));
}

export async function loadRota(deps: WorkflowDeps, month: string): Promise<DutyRota> {
  const rota = await findRota(deps, month);
  if (rota === undefined)
    throw new WorkflowError(
      "NotFound",
      `There is no duty rota for ${month} yet: the team manager or a clerk makes it ("rota ${month}").`,
    );
  return rota;
}

/** The duty chair of a date, if the month has a rota and the date is on it. */
export async function dutyChairOn(deps: WorkflowDeps, date: string): Promise<string | undefined> {
  const rota = await findRota(deps, date.slice(0, 7));
  return rota?.days.find((d) => d.date === date)?.chairId;
}

/**
 * Each chair's duty dates within a range (docs/rules.md, policies `west-sussex`:
 * the duty rota is an *unavailable* slot for booking: the duty chair stays
 * free to cover). One point read per month.
 */
export async function dutyDatesIn(
  deps: WorkflowDeps,
  range: Interval,
): Promise<Map<string, string[]>> {
  const cal = deps.policy.calendar;
  const first = localDate(cal, range.start);
  const last = localDate(cal, new Date(range.end.getTime() - 1));
  const months: string[] = [];
  for (let m = first.slice(0, 7); m <= last.slice(0, 7); m = nextMonth(m)) months.push(m);
  const out = new Map<string, string[]>();
  for (const month of months) {
    const rota = await findRota(deps, month);
    for (const d of rota?.days ?? []) {
      if (d.date < first || d.date > last) continue;
      out.set(d.chairId, [...(out.get(d.chairId) ?? []), d.date]);
    }
  }
  return out;
}

export function nextMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
}
