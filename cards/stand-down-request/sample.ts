import type { StandDownRequestView } from "./view-model";

/** A Swindon ICPC booked for Fri 29 Jan 2027 (fictional). */
export const standDownRequestSample: StandDownRequestView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "7",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  meetingStart: "2027-01-29T10:00:00.000Z",
  approvalText:
    "Standing down needs the approval of the operational service manager and a QA & Review service manager. The meeting stays booked until both approve.",
};
