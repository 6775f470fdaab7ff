import type { CaseRef, ConferenceKind, IsoInstant, Versioned } from "../common/view-model";

export type Rsvp = "accepted" | "declined" | "tentative" | "pending";

export interface BriefAttendee {
  name: string;
  role: string;
  agency?: string;
  rsvp: Rsvp;
  /**
   * How they were invited, in words: "Outlook invitation", "Own email",
   * "Letter, posted", "Letter, not yet sent", "No email address: not invited".
   */
  route: string;
}

export interface BriefReport {
  /** "Social worker" or an agency. */
  author: string;
  received: boolean;
}

export interface BriefFlag {
  flagged: boolean;
  /** rules/checks' reason ("a previous plan ended on 2025-11-02, within 24 months ..."). */
  reason: string;
}

/**
 * The chair's pre-meeting brief (at the policy's time, else the working day
 * before). Police checks are criminal offence data: the brief says whose
 * check was requested and whether it came back, never what it found.
 */
export interface BriefView extends CaseRef, Versioned {
  meetingId: string;
  meetingKind: ConferenceKind;
  start: IsoInstant;
  end: IsoInstant;
  inPerson: boolean;
  /** The room booked for a meeting in person or hybrid. */
  venue?: string;
  joinUrl?: string;
  /**
   * The index child's first name, for the chair (staff on the case) only; a
   * brief to anyone else leaves it out. Never in fallbackText.
   */
  indexChildFirstName?: string;
  childCount: number;
  attendees: BriefAttendee[];
  reports: BriefReport[];
  policeChecks: { name: string; returned: boolean }[];
  interpreter?: { language: string; booked: boolean };
  familyAccess?: {
    joiningBy: "video" | "phone" | "in-person";
    /** "Smartphone with video, Wi-Fi, no Teams" and the like. */
    technology: string;
    accessibilityNeeds?: string;
    reportSharing?: "secure-email" | "post" | "by-hand";
    participationRisks?: string;
  };
  split?: { needed: boolean; reason?: string };
  /** `plan.repeat.check` (ICPC) and `plan.long.check` (RCPC). */
  repeatPlan?: BriefFlag;
  longPlan?: BriefFlag;
}
