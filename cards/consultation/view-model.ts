import type { CaseRef, IsoDate, PersonOption, Redisplay, Versioned } from "../common/view-model";

/**
 * Chair-consultation items 1-2: the CP chair records a consultation with a frontline
 * manager (at the strategy discussion, or before a CIN case is referred
 * through s47). The decision stays with the frontline manager.
 */
export interface ConsultationView extends CaseRef, Versioned, Redisplay {
  /** The ICPC it concerns, if one has been requested ("" for none). */
  meetingId?: string;
  /** The case's frontline managers (TM, SM): who consulted. */
  managers: PersonOption[];
  /** Today (Europe/London): the date picker's max and default. */
  today: IsoDate;
}

/**
 * Chair-consultation item 3: a re-referral for an initial conference: the TM and SW book a
 * case mapping with a frontline service manager; the SM or a clerk records
 * the day it was held.
 */
export interface ReReferralMappingView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  serviceManagerName: string;
  /** Why it is a re-referral: "an earlier ICPC on 2026-03-02", "a plan ended 2026-05-10". */
  because: string;
  today: IsoDate;
  /** Recorded already: the card shows it, without the button. */
  heldOn?: IsoDate;
}
