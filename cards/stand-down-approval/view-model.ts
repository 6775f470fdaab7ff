import type { CaseRef, IsoInstant, Redisplay, Versioned } from "../common/view-model";

/**
 * To each approver the policy names (docs/rules.md, stand-down; Leicestershire, Swindon). With
 * `errors`/`values` when a refusal came back without its reason.
 */
export interface StandDownApprovalView extends CaseRef, Versioned, Redisplay {
  meetingId: string;
  meetingKind: string;
  meetingStart?: IsoInstant;
  /** The request this card approves: a card of an earlier request cannot approve a later one. */
  requestId: string;
  /** "Unforeseen: chair unavailable, no cover". */
  reasonText: string;
  rationale: string;
  requestedByName: string;
  /** Who tells the attendees once approved: "the clerk" or "the social worker". */
  teller: string;
  /** What the policy needs, in words. */
  approvalText: string;
  /** Approvals already in: name and when. */
  approvals: { name: string; at: IsoInstant }[];
  /** "A new meeting is offered to the clerks, to be held by Fri 5 Feb 2027", or "Not rebooked: no longer needed". */
  rebookText: string;
}
