import type { QuoracyRecordView } from "./view-model";

/** A Leicestershire ICPC on the day (fictional). */
export const quoracyRecordSample: QuoracyRecordView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "9",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  meetingStart: "2027-01-07T10:00:00.000Z",
  agencies: [
    { key: "police", name: "Police" },
    { key: "health", name: "Health" },
    { key: "education", name: "Education" },
  ],
};
