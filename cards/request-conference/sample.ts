import type { RequestConferenceView } from "./view-model";

/** Sample data for tests and the README screenshot. Fictional. */
export const requestConferenceSample: RequestConferenceView = {
  caseId: "case-0412",
  caseReference: "CP-2026-0412",
  cardVersion: "1",
  children: [
    { id: "child-1", firstName: "Lily" },
    { id: "child-2", firstName: "Jayden" },
    { id: "child-3", firstName: "Mia" },
  ],
  indexChildId: "child-1",
  meetingKind: "ICPC",
  strategyDate: "2026-12-14",
};

export const requestConferenceChildNames = ["Lily", "Jayden", "Mia"];
