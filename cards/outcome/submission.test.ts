import { expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import { OutcomeSubmission } from "./submission";

const limits = {
  meetingDate: "2027-01-07",
  nextRcpcLimit: "2027-04-07",
  coreGroupLimit: "2027-01-21",
};
const good = {
  ...ids,
  ...limits,
  plan: "yes",
  category: "neglect",
  nextRcpcDate: "2027-03-30",
  coreGroupDate: "2027-01-19",
};

describe("outcome.record submission", () => {
  it("accepts a plan with its category and dates inside their limits", () => {
    expect(expectValid(OutcomeSubmission, good)).toEqual({
      ...ids,
      plan: true,
      category: "neglect",
      nextRcpcDate: "2027-03-30",
      coreGroupDate: "2027-01-19",
    });
  });

  it("accepts no plan without dates", () => {
    expect(expectValid(OutcomeSubmission, { ...ids, ...limits, plan: "no", category: "" })).toEqual(
      { ...ids, plan: false },
    );
  });

  it("needs category and dates with a plan", () => {
    expectFieldErrors(
      OutcomeSubmission,
      { ...ids, ...limits, plan: "yes", category: "", nextRcpcDate: "", coreGroupDate: "" },
      { category: /category/, nextRcpcDate: /next RCPC/, coreGroupDate: /core group/ },
    );
    expectFieldErrors(
      OutcomeSubmission,
      { ...good, plan: "", category: "bullying" },
      {
        plan: /plan/,
        category: /category/,
      },
    );
  });

  it("checks the dates against their limits (RULES.md 3)", () => {
    expectFieldErrors(
      OutcomeSubmission,
      { ...good, nextRcpcDate: "2027-04-08", coreGroupDate: "2027-01-22" },
      {
        nextRcpcDate: /held by Wed 7 Apr 2027/,
        coreGroupDate: /held by Thu 21 Jan 2027/,
      },
    );
    expectFieldErrors(
      OutcomeSubmission,
      { ...good, nextRcpcDate: "2027-01-07", coreGroupDate: "2027-01-06" },
      { nextRcpcDate: /after this conference/, coreGroupDate: /before this conference/ },
    );
  });
});
