import type { BookView } from "./view-model";

/** Fictional: an ICPC whose limit (icpc.latest) is Thu 7 Jan 2027. */
export const bookSample: BookView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "1",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  limitRule: "icpc.latest",
  limitAt: "2027-01-07T17:00:00.000Z",
  chairName: "Helen Ward",
  slots: [
    { id: "2027-01-05T10:00", start: "2027-01-05T10:00:00.000Z", end: "2027-01-05T12:00:00.000Z" },
    { id: "2027-01-06T14:00", start: "2027-01-06T14:00:00.000Z", end: "2027-01-06T16:00:00.000Z" },
    { id: "2027-01-07T10:00", start: "2027-01-07T10:00:00.000Z", end: "2027-01-07T12:00:00.000Z" },
    { id: "2027-01-08T10:00", start: "2027-01-08T10:00:00.000Z", end: "2027-01-08T12:00:00.000Z" },
    { id: "2027-01-11T14:00", start: "2027-01-11T14:00:00.000Z", end: "2027-01-11T16:00:00.000Z" },
  ],
  approval: {
    role: "Service Manager",
    approvers: [
      { id: "6f1c2e1a-3b4d-4c5e-8f90-1a2b3c4d5e6f", name: "Omar Reid", role: "Service Manager" },
      { id: "7a2d3f4b-5c6d-4e7f-9a0b-2c3d4e5f6a7b", name: "Grace Hall", role: "Service Manager" },
    ],
  },
};
