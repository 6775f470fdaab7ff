import type { WorkflowDeps } from "../kernel/deps";
import type { BusySlot } from "../../ports";
import { dayInterval, type Interval } from "./rota-days";
import { dutyDatesIn } from "./rota-store";
import { unavailableIn } from "./unavailability";

/**
 * A chair's availability (docs/rules.md, policies `west-sussex`: the clerk books
 * against the CPAs' availability): Outlook free/busy, plus the unavailable
 * slots they added in Teams (leave, training, supervision, duty elsewhere,
 * sickness), plus their duty days on the rota (the duty chair stays free to
 * cover, West Sussex). Answers every chair's busy periods, as booking-slots takes
 * them. One getSchedule for all the chairs, one point read per chair and
 * per month of rota.
 */
export async function busyOfChairs(
  deps: WorkflowDeps,
  chairs: readonly { entraObjectId: string; email: string }[],
  range: Interval,
): Promise<Map<string, BusySlot[]>> {
  const outlook = await deps.calendar.freeBusy(
    deps.authority.organizer,
    chairs.map((c) => c.email),
    range.start,
    range.end,
  );
  const slots = await unavailableIn(
    deps,
    chairs.map((c) => c.entraObjectId),
    range,
  );
  const duty = await dutyDatesIn(deps, range);
  const out = new Map<string, BusySlot[]>();
  for (const c of chairs) {
    out.set(c.entraObjectId, [
      ...(outlook.get(c.email) ?? []),
      ...(slots.get(c.entraObjectId) ?? []).map((s) => ({
        start: new Date(s.start),
        end: new Date(s.end),
        status: s.kind,
      })),
      ...(duty.get(c.entraObjectId) ?? []).map((date) => ({
        ...dayInterval(deps.policy.calendar, date),
        status: "duty",
      })),
    ]);
  }
  return out;
}
