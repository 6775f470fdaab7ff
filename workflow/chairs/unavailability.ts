import { unavailabilityId, type ChairUnavailability, type UnavailableSlot } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "../kernel/deps";
import { updateDoc } from "../kernel/update-doc";
import { overlaps, type Interval } from "./rota-days";

const YEAR_MS = 366 * 86_400_000;

/** A chair's unavailable slots (none when nothing was ever added). */
export async function slotsOf(deps: WorkflowDeps, chairId: string): Promise<UnavailableSlot[]> {
  const doc = await deps.store.get("chair-unavailability", unavailabilityId(chairId), chairId);
  return doc?.slots ?? [];
}

/** Each chair's slots overlapping `range`: one point read per chair. */
export async function unavailableIn(
  deps: WorkflowDeps,
  chairIds: readonly string[],
  range: Interval,
): Promise<Map<string, UnavailableSlot[]>> {
  const out = new Map<string, UnavailableSlot[]>();
  for (const id of chairIds) {
    const slots = await slotsOf(deps, id);
    out.set(
      id,
      slots.filter((s) => overlaps({ start: new Date(s.start), end: new Date(s.end) }, range)),
    );
  }
  return out;
}

/**
 * Adds a slot (one etag-conditional write: two added at once never lose
 * each other). The same slot id twice is stored once; answers whether it
 * was new. Slots ended over a year ago are dropped as the document is
 * written (model/chair-unavailability.ts).
 */
export async function addSlot(
  deps: WorkflowDeps,
  chairId: string,
  slot: UnavailableSlot,
): Promise<boolean> {
  const id = unavailabilityId(chairId);
  const fresh: ChairUnavailability = {
    id,
    type: "chair-unavailability",
    pk: chairId,
    chairId,
    slots: [slot],
  };
  try {
    await deps.store.create(fresh);
    return true;
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
  }
  const cutoff = deps.clock().getTime() - YEAR_MS;
  const { changed } = await updateDoc(deps.store, "chair-unavailability", id, chairId, (doc) => {
    if (doc.slots.some((s) => s.id === slot.id)) return undefined;
    const kept = doc.slots.filter((s) => Date.parse(s.end) >= cutoff);
    return {
      ...doc,
      slots: [...kept, slot].sort((a, b) => a.start.localeCompare(b.start)),
    };
  });
  return changed;
}

/** Unavailable on a date: any slot touching that local day. */
export function unavailableOnDay(slots: readonly UnavailableSlot[], day: Interval): boolean {
  return slots.some((s) => overlaps({ start: new Date(s.start), end: new Date(s.end) }, day));
}
