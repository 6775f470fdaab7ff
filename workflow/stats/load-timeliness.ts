import { conferenceChildren, type Case } from "../../model";
import type { Store } from "../../ports/store";
import type { ResolvedPolicy } from "../../rules";
import { timeliness, type CountedMeeting, type Timeliness } from "./timeliness";

/**
 * Reads the meetings held in [from, to) and their cases' teams from the
 * store, then counts (workflow/stats/timeliness.ts). Each case is read once.
 * An ICPC counts each child it was about: the children the request named,
 * or every child of the case for one that names none.
 */
export async function loadTimeliness(
  deps: { store: Store; policy: ResolvedPolicy },
  range: { from: Date; to: Date; now?: Date },
): Promise<Timeliness> {
  const meetings = (await deps.store.meetingsInRange(range.from, range.to)).items;
  const cases = new Map<string, Case | undefined>();
  const counted: CountedMeeting[] = [];
  for (const meeting of meetings) {
    if (!cases.has(meeting.caseId))
      cases.set(meeting.caseId, await deps.store.get("case", meeting.caseId, meeting.caseId));
    const kase = cases.get(meeting.caseId);
    counted.push({
      meeting,
      teamManagerId: kase?.teamManager.entraObjectId ?? "unknown",
      // Without its case the children cannot be counted: the meeting's own
      // list, else one (the conference was about at least one child).
      childCount:
        kase !== undefined
          ? conferenceChildren(kase, meeting).length
          : (meeting.childIds?.length ?? 1),
    });
  }
  return timeliness(deps.policy, counted, range);
}
