import { conferenceChildren, type Case } from "../../model";
import type { ResolvedPolicy } from "../../rules";
import {
  CASE_FILE_TYPES,
  readOrSetAside,
  setAsideUnreadable,
  unreadableCount,
  type UnreadableDeps,
} from "../kernel/unreadable";
import { timeliness, type CountedMeeting, type Timeliness } from "./timeliness";

/** The figures, and how many records they would count could not be read (set aside, not yet handled). */
export interface LoadedTimeliness extends Timeliness {
  unreadable: number;
}

const WHERE = "timeliness";

/**
 * Reads the meetings held in [from, to) and their cases' teams from the
 * store, then counts (workflow/stats/timeliness.ts). Each case is read once.
 * An ICPC counts each child it was about: the children the request named,
 * or every child of the case for one that names none.
 */
export async function loadTimeliness(
  deps: UnreadableDeps & { policy: ResolvedPolicy },
  range: { from: Date; to: Date; now?: Date },
): Promise<LoadedTimeliness> {
  const listing = await deps.store.meetingsInRange(range.from, range.to);
  // Never left out silently: set aside, raised, and counted below.
  await setAsideUnreadable(deps, listing.invalid, WHERE);
  const meetings = listing.items;
  const cases = new Map<string, Case | undefined>();
  const counted: CountedMeeting[] = [];
  for (const meeting of meetings) {
    if (!cases.has(meeting.caseId))
      cases.set(
        meeting.caseId,
        (await readOrSetAside(deps, "case", meeting.caseId, meeting.caseId, WHERE)).doc,
      );
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
  return {
    ...timeliness(deps.policy, counted, range),
    unreadable: await unreadableCount(deps, CASE_FILE_TYPES),
  };
}
