import type { CaseRef, ConferenceKind, IsoDate, Redisplay, Versioned } from "../common/view-model";

export interface RequestConferenceChild {
  id: string;
  /** First name only: enough for the case's own SW or manager to pick the index child. */
  firstName: string;
}

/** The SW or manager asks for an ICPC or RCPC on a case they hold. */
export interface RequestConferenceView extends CaseRef, Versioned, Redisplay {
  /** The case's children (from the case record); the card asks which the conference is for. */
  children: RequestConferenceChild[];
  /** Pre-selected values, e.g. the case's recorded index child (Swindon rule 15). */
  indexChildId?: string;
  meetingKind?: ConferenceKind;
  strategyDate?: IsoDate;
  previousConferenceDate?: IsoDate;
}
