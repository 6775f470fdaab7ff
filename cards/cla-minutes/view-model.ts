import type { CaseRef, IsoInstant, Redisplay, Versioned } from "../common/view-model";

/** A limit or deadline from a timeline, shown on the card (docs/rules.md rule id and instant). */
export interface ClaDate {
  rule: string;
  at: IsoInstant;
}

/**
 * The IRO records that a CLA review was held and its minutes and
 * recommendations are on the child's record and tasked to be shared (virtual-conference,
 * `cla.minutes`): Convene then requests the next review.
 */
export interface ClaMinutesView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  /** 1 = the first review. */
  reviewNumber: number;
  meetingStart: IsoInstant;
  /** Virtual-conference `cla.minutes`: the meeting day, end of business (absent where the policy has no such rule). */
  minutesDue?: ClaDate;
  /** The next review's limit: `cla.second.latest` after the first, `cla.next.latest` after that. */
  nextLimit: ClaDate;
}
