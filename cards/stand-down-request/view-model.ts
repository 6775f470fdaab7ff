import type { CaseRef, IsoInstant, Redisplay, Versioned } from "../common/view-model";

/** Someone on the case asks to stand a meeting down (docs/rules.md, stand-down). */
export interface StandDownRequestView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  /** "ICPC", "RCPC", "CLA review". */
  meetingKind: string;
  /** Absent for a meeting not booked yet. */
  meetingStart?: IsoInstant;
  /** Who must approve under the policy: "the operational service manager and a QA & Review service manager (Swindon)". */
  approvalText: string;
  /** Pre-selected reason choice ("not-quorate" after the chair recorded it inquorate). */
  reason?: string;
  /** A line above the form: why the card came ("Recorded not quorate: 1 agency of 2 needed"). */
  note?: string;
}
