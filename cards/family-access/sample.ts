import type { FamilyAccessView } from "./view-model";

export const familyAccessSample: FamilyAccessView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "1",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  meetingStart: "2027-01-07T10:00:00.000Z",
  dueAt: "2026-12-29T17:00:00.000Z",
  values: {
    smartphoneWithVideo: "true",
    dataOrWifi: "true",
    joiningBy: "video",
    interpreterNeeded: "true",
    interpreterLanguage: "Polish",
    reportSharing: "by-hand",
    splitConference: "true",
    splitReason: "Domestic abuse between the parents: they attend separately",
  },
};
