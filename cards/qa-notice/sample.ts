import type { QaNoticeView } from "./view-model";

export const qaNoticeSample: QaNoticeView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "1",
  meetingId: "meeting-0412-1",
  socialWorkerName: "Sam Social",
};
