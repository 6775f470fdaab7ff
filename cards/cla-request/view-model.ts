import type { CaseRef, IsoDate, Redisplay, Versioned } from "../common/view-model";

export interface ClaRequestChild {
  id: string;
  /** First name only: enough for the case's own SW or manager to pick the child. */
  firstName: string;
  /** From the case record: the anchor of `cla.first.latest` (docs/rules.md, national rules). */
  lookedAfterSince: IsoDate;
}

/** The SW or manager asks for a looked-after child's (CLA) review on a case they hold. */
export interface ClaRequestView extends CaseRef, Versioned, Redisplay {
  /** The case's looked-after children only: a review counts from that date. */
  children: ClaRequestChild[];
  /** 1 = the first review (default). */
  reviewNumber?: number;
  previousReviewDate?: IsoDate;
}
