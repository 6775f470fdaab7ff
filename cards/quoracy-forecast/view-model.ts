import type {
  CaseRef,
  ConferenceKind,
  IsoInstant,
  Redisplay,
  Versioned,
} from "../common/view-model";

/** An agency's reply to the Outlook invitation ("none": no reply yet). */
export type QuoracyRsvp = "accepted" | "tentative" | "declined" | "none";

/**
 * One agency other than children's social care invited to the meeting
 * (docs/rules.md, stand-down counts only those): its Outlook reply and whether its report
 * is in.
 */
export interface QuoracyAgency {
  /** Short key, `[A-Za-z0-9_-]`: what "Nudge agency" submits as `agencyKey`. */
  key: string;
  /** "Police", "Health visiting", "Northfield Primary School". Never a child's name. */
  name: string;
  rsvp: QuoracyRsvp;
  reportReceived: boolean;
}

/**
 * The quoracy forecast to the chair and the clerk (Outlook replies and the quoracy forecast): from 3 working
 * days before the meeting and again the morning before, when fewer agencies
 * are expected (accepted, or report received) than are needed; the same
 * card with `state: "quorate"` replaces it once enough are, withdrawing the
 * warning.
 */
export interface QuoracyForecastView extends CaseRef, Versioned, Redisplay {
  /** "at-risk": the warning with its actions; "quorate": the warning withdrawn, no actions. */
  state: "at-risk" | "quorate";
  meetingId: string;
  meetingKind: ConferenceKind;
  meetingStart: IsoInstant;
  /**
   * Agencies needed for quoracy: 2, or fewer if fewer than 2 agencies other
   * than children's social care work with the family (docs/rules.md, stand-down).
   */
  needed: number;
  agencies: QuoracyAgency[];
  /** When the forecast was made (the scheduler's clock), shown as "Checked …". */
  checkedAt?: IsoInstant;
  /** Who approves a stand-down under the policy ("the safeguarding manager"). */
  standDownApprover?: string;
}
