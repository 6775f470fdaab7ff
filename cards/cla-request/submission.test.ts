import { CASE_ID, expectFieldErrors, expectValid } from "../__tests__/submission-helpers";
import { ClaRequestSubmission } from "./submission";

const good = { caseId: CASE_ID, cardVersion: "1", childIds: "child-1", reviewNumber: "1" };

describe("cla.request submission", () => {
  it("accepts a first review: it counts from the looked-after date on the case record", () => {
    expect(expectValid(ClaRequestSubmission, { ...good, previousReviewDate: "" })).toEqual({
      caseId: CASE_ID,
      cardVersion: "1",
      childIds: ["child-1"],
      reviewNumber: 1,
    });
  });

  it("takes a blank review number as the first review", () => {
    expect(expectValid(ClaRequestSubmission, { ...good, reviewNumber: "" }).reviewNumber).toBe(1);
  });

  it("needs the previous review's date from the second review on (docs/rules.md, national rules)", () => {
    expect(
      expectValid(ClaRequestSubmission, {
        ...good,
        reviewNumber: "2",
        previousReviewDate: "2027-02-01",
      }),
    ).toEqual(expect.objectContaining({ reviewNumber: 2, previousReviewDate: "2027-02-01" }));
    expectFieldErrors(
      ClaRequestSubmission,
      { ...good, reviewNumber: "4" },
      { previousReviewDate: /previous review/ },
    );
  });

  it("refuses an impossible date, no child and a review number that is not a whole number", () => {
    expectFieldErrors(
      ClaRequestSubmission,
      { caseId: CASE_ID, childIds: "", reviewNumber: "2.5", previousReviewDate: "2027-02-30" },
      {
        childIds: /Choose the children/,
        reviewNumber: /whole number/,
        previousReviewDate: /real date/,
      },
    );
    expectFieldErrors(
      ClaRequestSubmission,
      { ...good, reviewNumber: "0" },
      {
        reviewNumber: /whole number/,
      },
    );
  });
});
