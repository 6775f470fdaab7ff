import { expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import { OutcomeSubmission } from "./submission";

const limits = {
  meetingDate: "2027-01-07",
  nextRcpcLimit: "2027-04-07",
  coreGroupLimit: "2027-01-21",
};
const dates = { nextRcpcDate: "2027-03-30", nextRcpcTime: "14:00", coreGroupDate: "2027-01-19" };
/** Two siblings: one with a plan, one without (decisions are per child). */
const good = {
  ...ids,
  ...limits,
  "plan_child-a": "yes",
  "category_child-a": "emotional-abuse",
  "plan_child-b": "no",
  "category_child-b": "",
  ...dates,
};

describe("outcome.record submission", () => {
  it("accepts a decision for each child: a plan with its category, and no plan", () => {
    expect(expectValid(OutcomeSubmission, good)).toEqual({
      ...ids,
      anyPlan: true,
      children: [
        { childId: "child-a", plan: true, category: "emotional-abuse" },
        { childId: "child-b", plan: false },
      ],
      ...dates,
    });
  });

  it("accepts no plan for any child without dates", () => {
    expect(
      expectValid(OutcomeSubmission, {
        ...ids,
        ...limits,
        "plan_child-a": "no",
        "plan_child-b": "no",
        nextRcpcDate: "",
        coreGroupDate: "",
      }),
    ).toEqual({
      ...ids,
      anyPlan: false,
      children: [
        { childId: "child-a", plan: false },
        { childId: "child-b", plan: false },
      ],
    });
  });

  it("needs each child's answer, the category of each plan, and the dates with any plan", () => {
    expectFieldErrors(
      OutcomeSubmission,
      {
        ...good,
        "category_child-a": "",
        "plan_child-b": "yes",
        "category_child-b": "bullying",
        nextRcpcDate: "",
        coreGroupDate: "",
      },
      {
        "category_child-a": /category/,
        "category_child-b": /category/,
        // No plan was accepted, so the dates are not yet asked for.
      },
    );
    expectFieldErrors(
      OutcomeSubmission,
      { ...good, "plan_child-b": "", nextRcpcDate: "", nextRcpcTime: "", coreGroupDate: "" },
      {
        "plan_child-b": /plan/,
        nextRcpcDate: /next RCPC/,
        nextRcpcTime: /time the next RCPC starts/,
        coreGroupDate: /core group/,
      },
    );
    // Teams may send seconds; a time that is not one is refused.
    expect(expectValid(OutcomeSubmission, { ...good, nextRcpcTime: "09:30:00" })).toMatchObject({
      nextRcpcTime: "09:30",
    });
    expectFieldErrors(
      OutcomeSubmission,
      { ...good, nextRcpcTime: "25:00" },
      { nextRcpcTime: /HH:MM/ },
    );
    expectFieldErrors(OutcomeSubmission, { ...ids, ...limits }, { _form: /no decision/ });
  });

  it("checks the dates against their limits", () => {
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
