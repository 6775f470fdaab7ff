import type { ExceptionReportView, LateReportRow, StoodDownRow } from "./view-model";

/** A fictional Monday's exception report (Swindon rule 23): each kind of exception once or twice. */
export const exceptionReportSample: ExceptionReportView = {
  unreadable: 0,
  title: "Exception report: Northshire",
  periodText: "Week to Mon 11 Jan 2027, for the QA Team Manager, QA Service Manager and Director",
  asOf: "2027-01-11T09:00:00.000Z",
  lateInviteLists: [
    {
      caseId: "case-421",
      caseReference: "CP-2026-0421",
      meetingId: "meeting-421",
      kind: "ICPC",
      start: "2027-01-14T10:00:00.000Z",
      ruleId: "invite-list.due",
      dueAt: "2027-01-06T17:00:00.000Z",
      workingDaysLate: 3,
      reason: "SW on leave; the team manager is completing the list today",
    },
    {
      caseId: "case-377",
      caseReference: "CLA-2025-0377",
      meetingId: "meeting-377",
      kind: "CLA",
      start: "2027-01-22T09:30:00.000Z",
      ruleId: "cla.invite-list.due",
      dueAt: "2027-01-06T17:00:00.000Z",
      doneAt: "2027-01-07T11:20:00.000Z",
    },
  ],
  lateReports: [
    {
      caseId: "case-398",
      caseReference: "CP-2026-0398",
      meetingId: "meeting-398",
      kind: "RCPC",
      start: "2027-01-12T14:00:00.000Z",
      ruleId: "reports.rcpc",
      author: "Social worker",
      dueAt: "2027-01-07T17:00:00.000Z",
      reason: "Report drafted; waiting for the manager's quality assurance",
    },
    {
      caseId: "case-398",
      caseReference: "CP-2026-0398",
      meetingId: "meeting-398",
      kind: "RCPC",
      start: "2027-01-12T14:00:00.000Z",
      ruleId: "reports.rcpc",
      author: "Police",
      dueAt: "2027-01-07T17:00:00.000Z",
      doneAt: "2027-01-08T16:05:00.000Z",
    },
  ],
  stoodDown: [
    {
      caseId: "case-405",
      caseReference: "CP-2026-0405",
      meetingId: "meeting-405",
      kind: "RCPC",
      start: "2027-01-05T13:00:00.000Z",
      at: "2027-01-04T15:40:00.000Z",
      reason: "not-quorate",
      rationale:
        "Police and health declined and sent no reports; the chair could not hold a quorate meeting",
      approvedBy: ["Helen Marsh (operational SM)", "Omar Farah (QA & Review SM)"],
      rebookedStart: "2027-01-19T13:00:00.000Z",
    },
  ],
  outOfTimescale: [
    {
      caseId: "case-430",
      caseReference: "CP-2026-0430",
      meetingId: "meeting-430",
      kind: "ICPC",
      start: "2027-01-13T10:00:00.000Z",
      limitRule: "icpc.latest",
      limitAt: "2027-01-08T17:00:00.000Z",
      approvedBy: "Helen Marsh",
      approvedAt: "2027-01-06T12:00:00.000Z",
      reason: "No chair free before the limit; the family's interpreter is booked for the 13th",
    },
  ],
};

const LONG = `${"The social worker was off sick and the team manager could not cover; ".repeat(14)}end.`;

const late = (i: number, author?: string) => ({
  caseId: `case-${100000 + i}`,
  caseReference: `CP-2026-${100000 + i}`,
  meetingId: `meeting-${100000 + i}`,
  kind: "RCPC" as const,
  start: "2027-01-14T10:00:00.000Z",
  ruleId: "reports.rcpc",
  dueAt: "2027-01-06T17:00:00.000Z",
  reason: LONG,
  ...(author === undefined ? {} : { author }),
});

/**
 * A large authority's bad week: 80 late invite lists, 200 late reports, 25
 * meetings stood down and 40 out of timescale, every reason 1000 characters
 * long (the longest a rationale may be).
 */
export const exceptionReportMaxSample: ExceptionReportView = {
  ...exceptionReportSample,
  lateInviteLists: Array.from({ length: 80 }, (_, i) => late(i)),
  lateReports: Array.from(
    { length: 200 },
    (_, i) => late(i, `Partner agency number ${(i % 12) + 1} (Health)`) as LateReportRow,
  ),
  stoodDown: Array.from({ length: 25 }, (_, i): StoodDownRow => ({
    ...late(i),
    at: "2027-01-05T10:00:00.000Z",
    reason: "unforeseen",
    rationale: LONG,
    approvedBy: ["Operational Service Manager Number 1", "Quality Assurance Service Manager 2"],
  })),
  outOfTimescale: Array.from({ length: 40 }, (_, i) => ({
    ...late(i),
    limitRule: "rcpc.next.latest",
    limitAt: "2027-01-08T17:00:00.000Z",
    approvedBy: "Operational Service Manager Number 1",
    approvedAt: "2027-01-06T12:00:00.000Z",
  })),
};
