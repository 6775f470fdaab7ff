import type { ConsultationView, ReReferralMappingView } from "./view-model";

export const consultationSample: ConsultationView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "1",
  meetingId: "meeting-0412-1",
  today: "2026-12-14",
  managers: [
    { id: "44444444-4444-4444-8444-444444444444", name: "Tayo Manager", role: "Team Manager" },
    { id: "55555555-5555-4555-8555-555555555555", name: "Sol Service", role: "Service Manager" },
  ],
};

export const reReferralMappingSample: ReReferralMappingView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "1",
  meetingId: "meeting-0412-2",
  serviceManagerName: "Sol Service",
  because: "a child protection plan ended on Mon 10 May 2027",
  today: "2027-06-14",
};
