import type { Case, Child, Meeting } from "../../model";

/**
 * What a CLA review counts from (docs/rules.md, national rules): review 1 from the day
 * the child became looked after (`cla.first.latest`, 20 working days),
 * review 2 from the first review (`cla.second.latest`, 3 months), later
 * reviews from the previous one (`cla.next.latest`, 6 months).
 */
export interface ClaReviewStart {
  reviewNumber: number;
  anchors: Meeting["anchors"];
  /** The anchor's date: part of the review's id. */
  anchorDate: string;
}

/**
 * Deterministic, so the same request twice (Teams retries invokes) or the
 * minutes recorded twice name the same review: the case, the review number
 * and what it counts from.
 */
export const claReviewId = (caseId: string, start: ClaReviewStart): string =>
  `${caseId}.cla.${start.reviewNumber}.${start.anchorDate}`;

/** The case's children with a looked-after date: the only ones a CLA review can be for. */
export function lookedAfterChildren(kase: Case): (Child & { lookedAfterSince: string })[] {
  return kase.children.filter(
    (c): c is Child & { lookedAfterSince: string } => c.lookedAfterSince !== undefined,
  );
}

/**
 * The first review of children reviewed together (a sibling group on one
 * case): the earliest looked-after date, so the limit is the strictest of
 * theirs and no child's review goes out of timescale. ISO dates sort as
 * strings.
 */
export function firstReview(children: readonly { lookedAfterSince: string }[]): ClaReviewStart {
  const dates = children.map((c) => c.lookedAfterSince).sort();
  const lookedAfter = dates[0];
  if (lookedAfter === undefined) throw new Error("firstReview needs a looked-after child");
  return { reviewNumber: 1, anchors: { lookedAfter }, anchorDate: lookedAfter };
}

/** Review `n` (2 or later) counts from the previous review's date. */
export function laterReview(reviewNumber: number, previous: string): ClaReviewStart {
  return { reviewNumber, anchors: { previous }, anchorDate: previous };
}

/** The review after one held on `heldOn` (its local date): the cycle goes on (docs/rules.md, national rules). */
export function reviewAfter(meeting: Meeting, heldOn: string): ClaReviewStart {
  return laterReview(reviewNumberOf(meeting) + 1, heldOn);
}

/** A CLA review's number; one stored without it counted from the looked-after date is the first. */
export function reviewNumberOf(meeting: Meeting): number {
  if (meeting.reviewNumber !== undefined) return meeting.reviewNumber;
  return meeting.anchors.lookedAfter !== undefined ? 1 : 3;
}
