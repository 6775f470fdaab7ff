import type { QaNotice } from "../../model";
import type { Store } from "../../ports/store";

export interface QaTeamCount {
  /** StaffMember.team of the SW when the notice was sent; "No team" when none was configured. */
  team: string;
  goodPractice: number;
  disputeResolution: number;
}

export const NO_TEAM = "No team";

/** Counts per team (West Sussex: "this data is then collated by the performance team"), teams sorted by name. */
export function countQaNotices(notices: readonly QaNotice[]): QaTeamCount[] {
  const byTeam = new Map<string, QaTeamCount>();
  for (const n of notices) {
    const team = n.team ?? NO_TEAM;
    const row = byTeam.get(team) ?? { team, goodPractice: 0, disputeResolution: 0 };
    if (n.kind === "good-practice") row.goodPractice += 1;
    else row.disputeResolution += 1;
    byTeam.set(team, row);
  }
  return [...byTeam.values()].sort((a, b) => a.team.localeCompare(b.team));
}

/**
 * The QA notices sent in [from, to) counted per team. A monthly figure for
 * the performance team, not a request path: it lists every notice.
 */
export async function qaNoticeCounts(
  store: Store,
  range: { from?: Date; to?: Date } = {},
): Promise<QaTeamCount[]> {
  const all = (await store.listAll("qa-notice")).items;
  const inRange = all.filter(
    (n) =>
      (range.from === undefined || Date.parse(n.at) >= range.from.getTime()) &&
      (range.to === undefined || Date.parse(n.at) < range.to.getTime()),
  );
  return countQaNotices(inRange);
}
