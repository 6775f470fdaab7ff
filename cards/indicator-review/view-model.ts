import type { IsoDate } from "../common/view-model";

/** A case on a list of the indicator review: by case reference, never a child's name. */
export interface IndicatorCase {
  caseId: string;
  /** The council's case reference ("CP-2025-0311"). */
  caseReference: string;
  /** The current (or, for plans ended, the last) plan's start. */
  planStart: IsoDate;
  /** Children of the case the row stands for (a sibling group on plans from the same date): default 1. */
  children?: number;
}

/** `plan.long.check` (docs/rules.md, national rules; West Sussex's NI 64): on a plan 15 months or more. */
export interface LongPlanRow extends IndicatorCase {
  /** Whole months on the plan at the review date (workflow/ counts them with rules/checks). */
  months: number;
}

/** `plan.repeat.check` (West Sussex's NI 65): a previous plan ended within the last 24 months. */
export interface RepeatPlanRow extends IndicatorCase {
  previousPlanEnd: IsoDate;
}

/** West Sussex: a plan ended at the first RCPC. */
export interface EndedAtFirstRcpcRow extends IndicatorCase {
  planEnd: IsoDate;
}

/** One CPA's (chair's) cases for supervision. */
export interface IndicatorChair {
  /** The chair's name (staff). */
  chairName: string;
  longPlans: LongPlanRow[];
  repeatPlans: RepeatPlanRow[];
  endedAtFirstRcpc: EndedAtFirstRcpcRow[];
}

/**
 * `indicator.review` (West Sussex, monthly, per CPA for supervision): each chair's
 * children on plans of 15 months or more, on repeat plans within 2 years,
 * and whose plans ended at the first RCPC, by case reference. One chair
 * (the CPA's own card) or all of them (the CPA team manager's). Plain data
 * computed by workflow/ with rules/checks.
 */
export interface IndicatorReviewView {
  /** "Indicator review: January 2027" */
  title: string;
  /** "Plans as at Mon 4 Jan 2027, for supervision" */
  periodText: string;
  chairs: IndicatorChair[];
  /** Cases, meetings or register entries that could not be read (set aside, not yet handled); absent: none. */
  unreadable?: number;
  /** Where the rows the card leaves out are; default "see the CSV in your email". */
  fullListText?: string;
}
