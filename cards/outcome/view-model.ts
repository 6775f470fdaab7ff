import type {
  CaseRef,
  ConferenceKind,
  IsoDate,
  IsoInstant,
  Redisplay,
  Versioned,
} from "../common/view-model";

export const PLAN_CATEGORIES = [
  "neglect",
  "physical-abuse",
  "sexual-abuse",
  "emotional-abuse",
  "multiple",
] as const;
export type PlanCategory = (typeof PLAN_CATEGORIES)[number];

/** A limit or deadline from the meeting's timeline, shown beside the field it bounds. */
export interface TimelineDate {
  /** docs/rules.md rule id (`rcpc.first.latest`). */
  rule: string;
  at: IsoInstant;
}

/** One child the conference was about, by first name (the chair is staff on the case). */
export interface OutcomeChild {
  id: string;
  firstName: string;
  /** On a plan when the conference met: at a review, the choice is "continues" or "ends". */
  onPlan: boolean;
  /** The sibling group's index child (their record holds the report). */
  index?: boolean;
}

/** The chair records the outcome after the conference: a decision for each child. */
export interface OutcomeView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  children: OutcomeChild[];
  meetingKind: ConferenceKind;
  /** The conference's start (its date is the anchor of every limit below). */
  meetingStart: IsoInstant;
  /** `rcpc.first.latest` (ICPC: within 3 months) or `rcpc.next.latest` (RCPC: 6 months). */
  nextRcpcLimit: TimelineDate;
  /**
   * The start time the next RCPC's time box opens with (the authority's
   * first usual slot, "10:00"): shown, so the chair sees and can change it.
   */
  nextRcpcTimeSuggested?: string;
  /** `core-group.first.latest` (ICPC: 10 working days after); none for an RCPC. */
  coreGroupLimit?: TimelineDate;
  /** `plan.sign-off` (Leicestershire: 5 working days after, if there is a plan). */
  planSignOff?: TimelineDate;
  /** `record.available` (Leicestershire: 15 working days after). */
  recordDue?: TimelineDate;
}

/** Local dates the submission is checked against, carried in the action's data. */
export interface OutcomeLimits {
  meetingDate: IsoDate;
  nextRcpcLimit: IsoDate;
  coreGroupLimit?: IsoDate;
}
