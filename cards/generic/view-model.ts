/** Small cards the workflow answers with; no case data beyond its reference. */

export interface DoneView {
  /** "Invite list received". */
  title: string;
  /** One or two plain sentences ("Invitations go out by Thu 7 Jan 2027."). */
  message: string;
  /** Label → value; dates already formatted (use cards' formatInstant). */
  facts?: { title: string; value: string }[];
  caseReference?: string;
  /**
   * Something that is not all right, shown in red instead of the green tick
   * ("This conference is already past its limit…"): no false all-clear.
   */
  warning?: string;
}

export interface RefusalView {
  /** Completes "You can't do this: …" ("you are not the chair of this conference"). */
  reason: string;
  /** What to do instead, if anything. */
  hint?: string;
  /**
   * What kind of refusal (never shown: it picks the headline and the default
   * next step; the code itself stays in the logs).
   */
  code?: "BadInput" | "Forbidden" | "NotFound" | "Conflict" | "NeedsApproval" | "Permanent";
  caseReference?: string;
}

export interface WorkingView {
  /** "Booking the conference in Outlook". */
  what: string;
  /** "This card updates when it is done." */
  detail?: string;
  caseReference?: string;
}
