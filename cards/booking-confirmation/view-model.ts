import type {
  CaseRef,
  ConferenceKind,
  IsoInstant,
  Redisplay,
  Versioned,
} from "../common/view-model";

/** The chair (or the SW) is asked to confirm a booked conference. */
export interface BookingConfirmationView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  meetingKind: ConferenceKind;
  start: IsoInstant;
  end: IsoInstant;
  inPerson: boolean;
  /** Who the card is for: the chair may decline for a conflict of interest (West Sussex). */
  recipient: "chair" | "social-worker";
  chairName: string;
  /** The children's names, shown to the chair before the conflict-of-interest question. */
  familyNames?: string;
  /** Where an in-person conference is held (never the family's address). */
  venue?: string;
  /**
   * The chair chose this date and time themselves, at the conference before
   * it (the next review booked with the outcome): nothing to confirm, and no
   * conflict-of-interest question about a family they have just chaired.
   */
  chosenByChair?: boolean;
  /** The chair has allowed this meeting to be recorded. */
  recordingAllowed?: boolean;
}
