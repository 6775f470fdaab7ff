import type { DecisionsView } from "./view-model";

/** Leicestershire ICPC held Thu 7 Jan 2027, a plan for neglect (fictional). */
export const decisionsSample: DecisionsView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "1",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  meetingStart: "2027-01-07T10:00:00.000Z",
  audience: "attendee",
  plan: true,
  category: "neglect",
  nextConference: "2027-03-30T10:00:00.000Z",
  coreGroup: "2027-01-19T10:00:00.000Z",
};

/** The chair's copy: who got the decisions, and the Leicestershire steps still to do. */
export const decisionsChairSample: DecisionsView = {
  ...decisionsSample,
  audience: "chair",
  planSignOffBy: "2027-01-14T17:00:00.000Z",
  recordDueBy: "2027-01-28T17:00:00.000Z",
  sentTo: [
    { name: "Helen Ward", how: "Teams card" },
    { name: "Sam Social", how: "Teams card" },
    { name: "PC Dana Officer (Police)", how: "email" },
    { name: "Dr Eli Practitioner (Health)", how: "email" },
    { name: "Fran Example", how: "email" },
    { name: "Gus Example", how: "email" },
  ],
};

/** The clerk's copy once the chair has checked the record (West Sussex). */
export const decisionsClerkSample: DecisionsView = {
  ...decisionsSample,
  audience: "clerk",
  recordAvailableAt: "2027-01-20T11:00:00.000Z",
  recordDueBy: "2027-01-28T17:00:00.000Z",
};
