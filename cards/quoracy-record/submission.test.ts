import { expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import { QuoracyRecordSubmission } from "./submission";

describe("quoracy.record submission", () => {
  it("takes the agencies chosen (Teams joins them with commas) and how many work with the family", () => {
    expect(
      expectValid(QuoracyRecordSubmission, {
        ...ids,
        agencies: "police,health",
        agenciesWorking: "2",
      }),
    ).toEqual({ ...ids, agencies: ["police", "health"], agenciesWorking: 2 });
    expect(
      expectValid(QuoracyRecordSubmission, { ...ids, agencies: "", agenciesWorking: "0" }),
    ).toEqual({ ...ids, agencies: [], agenciesWorking: 0 });
  });

  it("needs the number working with the family and agency keys only", () => {
    expectFieldErrors(
      QuoracyRecordSubmission,
      { ...ids, agencies: "police", agenciesWorking: "" },
      { agenciesWorking: /how many agencies/ },
    );
    expectFieldErrors(
      QuoracyRecordSubmission,
      { ...ids, agencies: "po lice!", agenciesWorking: "3" },
      { "agencies.0": /from the list/, agenciesWorking: /how many agencies/ },
    );
  });
});
