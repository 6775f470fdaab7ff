import type { ClaMinutesView } from "./view-model";

/** A second CLA review held Tue 6 Apr 2027 under virtual-conference. Fictional. */
export const claMinutesSample: ClaMinutesView = {
  caseId: "case-0733",
  caseReference: "LAC-2027-0733",
  cardVersion: "4",
  meetingId: "case-0733.cla.2.2027-01-29",
  reviewNumber: 2,
  meetingStart: "2027-04-06T09:00:00.000Z",
  minutesDue: { rule: "cla.minutes", at: "2027-04-06T16:00:00.000Z" },
  nextLimit: { rule: "cla.next.latest", at: "2027-10-06T16:00:00.000Z" },
};
