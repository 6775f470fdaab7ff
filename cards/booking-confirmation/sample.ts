import type { BookingConfirmationView } from "./view-model";

export const bookingConfirmationSample: BookingConfirmationView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "3",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  start: "2027-01-07T10:00:00.000Z",
  end: "2027-01-07T12:00:00.000Z",
  inPerson: false,
  recipient: "chair",
  chairName: "Helen Ward",
};
