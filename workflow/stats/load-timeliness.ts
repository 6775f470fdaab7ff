import type { Store } from "../../ports/store";
import type { ResolvedPolicy } from "../../rules";
import { timeliness, type CountedMeeting, type Timeliness } from "./timeliness";

/**
 * Reads the meetings held in [from, to) and their cases' teams from the
 * store, then counts (workflow/stats/timeliness.ts). Each case is read once.
 */
export async function loadTimeliness(
  deps: { store: Store; policy: ResolvedPolicy },
  range: { from: Date; to: Date; now?: Date },
): Promise<Timeliness> {
  const meetings = (await deps.store.meetingsInRange(range.from, range.to)).items;
  const teams = new Map<string, string>();
  const counted: CountedMeeting[] = [];
  for (const meeting of meetings) {
    let team = teams.get(meeting.caseId);
    if (team === undefined) {
      const kase = await deps.store.get("case", meeting.caseId, meeting.caseId);
      team = kase?.teamManager.entraObjectId ?? "unknown";
      teams.set(meeting.caseId, team);
    }
    counted.push({ meeting, teamManagerId: team });
  }
  return timeliness(deps.policy, counted, range);
}
