import type { ClaRequestView } from "./view-model";

/** Sample data for tests and the README screenshot. Fictional. */
export const claRequestSample: ClaRequestView = {
  caseId: "case-0733",
  caseReference: "LAC-2027-0733",
  cardVersion: "1",
  children: [
    { id: "child-1", firstName: "Robin", lookedAfterSince: "2027-01-04" },
    { id: "child-2", firstName: "Sky", lookedAfterSince: "2027-01-06" },
  ],
  reviewNumber: 1,
};

export const claRequestChildNames = ["Robin", "Sky"];
