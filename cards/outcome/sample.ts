import type { OutcomeView } from "./view-model";

/** Leicestershire ICPC held Thu 7 Jan 2027 (dates as the timeline gives them). */
export const outcomeSample: OutcomeView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "5",
  meetingId: "meeting-0412-1",
  meetingKind: "ICPC",
  children: [
    { id: "child-0412-a", firstName: "Lily", onPlan: false, index: true },
    { id: "child-0412-b", firstName: "Max", onPlan: false },
  ],
  meetingStart: "2027-01-07T10:00:00.000Z",
  nextRcpcLimit: { rule: "rcpc.first.latest", at: "2027-04-07T16:00:00.000Z" },
  nextRcpcTimeSuggested: "10:00",
  coreGroupLimit: { rule: "core-group.first.latest", at: "2027-01-21T17:00:00.000Z" },
  planSignOff: { rule: "plan.sign-off", at: "2027-01-14T17:00:00.000Z" },
  recordDue: { rule: "record.available", at: "2027-01-28T17:00:00.000Z" },
};
