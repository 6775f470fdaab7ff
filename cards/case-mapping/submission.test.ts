import { expectFieldErrors, expectValid } from "../__tests__/submission-helpers";
import { FORM_FIELD, parseSubmission } from "../common/errors";
import { CaseMappingAllocateSubmission } from "./submission";

const GRACE = "0b6f7c1e-2a3d-4e5f-8a9b-1c2d3e4f5a60";
const DANIEL = "1c7a8d2f-3b4e-4f60-9b0c-2d3e4f5a6b71";

/** As Teams posts it: the action's data merged with every input, as strings. */
const posted = {
  month: "2027-01",
  cardVersion: "1",
  "allocations.0.caseId": "case-cin-087",
  "allocations.0.chairId": GRACE,
  "allocations.1.caseId": "case-cin-112",
  "allocations.1.chairId": "",
  "allocations.2.caseId": "case-cin-140",
  "allocations.2.chairId": DANIEL,
};

describe("case-mapping.allocate submission", () => {
  it("gives the chair picked for each case, skipping those left unallocated", () => {
    expect(expectValid(CaseMappingAllocateSubmission, posted)).toEqual({
      month: "2027-01",
      cardVersion: "1",
      allocations: [
        { caseId: "case-cin-087", chairId: GRACE },
        { caseId: "case-cin-140", chairId: DANIEL },
      ],
    });
  });

  it("needs at least one chair picked", () => {
    const errors = expectFieldErrors(
      CaseMappingAllocateSubmission,
      { ...posted, "allocations.0.chairId": "", "allocations.2.chairId": "" },
      { [FORM_FIELD]: /at least one case/ },
    );
    expect(errors[FORM_FIELD]).toBe("Choose a chair for at least one case");
    expectFieldErrors(
      CaseMappingAllocateSubmission,
      { month: "2027-01" },
      { [FORM_FIELD]: /at least one case/ },
    );
  });

  it("refuses a chair that is not one the card offered (not an Entra id), on its row", () => {
    expectFieldErrors(
      CaseMappingAllocateSubmission,
      { ...posted, "allocations.2.chairId": "Daniel Hughes" },
      { "allocations.2.chairId": /Choose a chair from the list/ },
    );
  });

  it("needs the month and each row's case, once", () => {
    expectFieldErrors(
      CaseMappingAllocateSubmission,
      { ...posted, month: "" },
      { month: /no month/ },
    );
    expectFieldErrors(
      CaseMappingAllocateSubmission,
      { ...posted, month: "2027-13" },
      { month: /not a month/ },
    );
    expectFieldErrors(
      CaseMappingAllocateSubmission,
      { ...posted, "allocations.1.caseId": "" },
      { "allocations.1.caseId": /no case id/ },
    );
    expectFieldErrors(
      CaseMappingAllocateSubmission,
      { ...posted, "allocations.2.caseId": "case-cin-087" },
      { "allocations.2.caseId": /twice/ },
    );
    expectFieldErrors(
      CaseMappingAllocateSubmission,
      { ...posted, "allocations.1.caseId": "a/b" },
      { "allocations.1.caseId": /must not contain/ },
    );
  });

  it("refuses rows past what a card holds, and odd indexes", () => {
    expectFieldErrors(
      CaseMappingAllocateSubmission,
      { ...posted, "allocations.30.caseId": "case-x", "allocations.30.chairId": GRACE },
      { allocations: /at most 30 cases/ },
    );
    expectFieldErrors(
      CaseMappingAllocateSubmission,
      { ...posted, "allocations.01.chairId": GRACE },
      { allocations: /at most 30 cases/ },
    );
  });

  it("ignores keys that are not the card's, and never writes to a prototype", () => {
    const parsed = parseSubmission(CaseMappingAllocateSubmission, {
      ...posted,
      "allocations.__proto__.chairId": GRACE,
      other: "x",
    });
    expect(parsed.ok).toBe(true);
    expect(({} as Record<string, unknown>).chairId).toBeUndefined();
  });
});
