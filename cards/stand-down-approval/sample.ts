import type { StandDownApprovalView } from "./view-model";

/** Swindon: the operational SM has approved; the QA & Review SM's card (fictional). */
export const standDownApprovalSample: StandDownApprovalView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "8",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  meetingStart: "2027-01-29T10:00:00.000Z",
  requestId: "sd-1801234567890",
  reasonText: "Not quorate",
  rationale:
    "Police and health have both sent apologies and no reports; the chair cannot make a decision with the social worker's view alone.",
  requestedByName: "Chris Chair",
  teller: "the clerk",
  approvalText:
    "Standing down needs the approval of the operational service manager and a QA & Review service manager.",
  approvals: [{ name: "Sol Service", at: "2027-01-27T11:20:00.000Z" }],
  rebookText: "Offered to the clerks again, to be held by Mon 1 Feb 2027",
};
