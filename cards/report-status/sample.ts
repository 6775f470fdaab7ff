import type { AgencyReport, ReportStatusView } from "./view-model";

const AGENCIES: AgencyReport[] = [
  { key: "police", name: "Police", received: true },
  { key: "health-visiting", name: "Health visiting", received: true },
  { key: "school", name: "Northfield Primary School", received: false },
  { key: "gp", name: "GP (Oakfield Surgery)", received: false },
];

export const reportStatusSample: ReportStatusView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "4",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  meetingStart: "2027-01-07T10:00:00.000Z",
  familyDueAt: "2027-01-06T10:00:00.000Z",
  chairDueAt: "2027-01-06T10:00:00.000Z",
  drafted: true,
  qualityAssured: true,
  sharedWithFamily: false,
  sentToChairAndClerk: false,
  agencies: AGENCIES,
};

/** The largest realistic set: 12 agencies. */
export const reportStatusMaxSample: ReportStatusView = {
  ...reportStatusSample,
  agencies: Array.from({ length: 12 }, (_, i) => ({
    key: `agency-${i + 1}`,
    name: `Partner agency number ${i + 1} (Children's Services, Health and Education)`,
    received: i % 2 === 0,
  })),
};
