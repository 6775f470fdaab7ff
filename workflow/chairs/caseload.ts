import type { WorkflowDeps } from "../kernel/deps";
import { setAsideUnreadable } from "../kernel/unreadable";
import { chairsOf } from "./staff";

/** How far ahead a chair's meetings count towards their caseload. */
export const CASELOAD_WEEKS = 6;

export interface Caseload {
  chairId: string;
  name: string;
  /** Conferences they chair from now to CASELOAD_WEEKS ahead (booked or invited). */
  upcoming: number;
  /** Cases they are the allocated CPA of (West Sussex "Allocation"); only when asked for. */
  cases?: number;
}

/**
 * Each chair's caseload: the conferences they chair in the coming weeks,
 * and (for the team manager's card) the cases they are allocated to. Used
 * to share new conferences fairly (the chooser's tie-break) and shown to
 * the team manager (`caseload`). `withCases` reads every case: a manager's
 * on-demand view, never the booking path.
 */
export async function caseloads(
  deps: WorkflowDeps,
  now: Date,
  options: { withCases?: boolean } = {},
): Promise<Caseload[]> {
  const to = new Date(now.getTime() + CASELOAD_WEEKS * 7 * 86_400_000);
  const listing = await deps.store.meetingsInRange(now, to);
  const caseListing = options.withCases === true ? await deps.store.listAll("case") : undefined;
  // Never left out silently: set aside and raised; the manager's card counts them.
  await setAsideUnreadable(deps, [...listing.invalid, ...(caseListing?.invalid ?? [])], "caseload");
  const meetings = listing.items;
  const cases = caseListing?.items ?? [];
  return chairsOf(deps.authority).map((c) => ({
    chairId: c.entraObjectId,
    name: c.name,
    upcoming: meetings.filter(
      (m) =>
        m.chair?.entraObjectId === c.entraObjectId &&
        (m.status === "booked" || m.status === "invited"),
    ).length,
    ...(options.withCases === true
      ? { cases: cases.filter((k) => k.chair?.entraObjectId === c.entraObjectId).length }
      : {}),
  }));
}
