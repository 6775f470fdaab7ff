import type { SickCoverView, SickReportView } from "./view-model";

export const sickReportSample: SickReportView = {
  chairs: [
    { id: "0b6f7c1e-2a3d-4e5f-8a9b-1c2d3e4f5a60", name: "Helen Ward" },
    { id: "1c7a8d2f-3b4e-4f60-9b0c-2d3e4f5a6b71", name: "Marcus Bell" },
  ],
  date: "2027-02-09",
};

export const sickCoverOfferSample: SickCoverView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  whenText: "Tue 9 Feb 2027 10:00 – 11:30",
  sickChairName: "Helen Ward",
  mode: "offer",
};

export const sickCoverDecideSample: SickCoverView = {
  ...sickCoverOfferSample,
  mode: "decide",
  why: "The duty chair, Marcus Bell, cannot take it.",
};
