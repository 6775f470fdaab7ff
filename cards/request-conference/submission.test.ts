import { CASE_ID, expectFieldErrors, expectValid } from "../__tests__/submission-helpers";
import { RequestConferenceSubmission } from "./submission";

const good = {
  caseId: CASE_ID,
  cardVersion: "1",
  meetingKind: "ICPC",
  childIds: "child-1,child-2",
  indexChildId: "child-1",
  strategyDate: "2026-12-14",
  previousConferenceDate: "",
};

describe("conference.request submission", () => {
  it("accepts an ICPC request with its strategy date", () => {
    expect(expectValid(RequestConferenceSubmission, good)).toEqual({
      caseId: CASE_ID,
      cardVersion: "1",
      meetingKind: "ICPC",
      childIds: ["child-1", "child-2"],
      indexChildId: "child-1",
      strategyDate: "2026-12-14",
    });
  });

  it("asks an RCPC for the previous conference instead", () => {
    expectValid(RequestConferenceSubmission, {
      ...good,
      meetingKind: "RCPC",
      strategyDate: "",
      previousConferenceDate: "2026-09-01",
    });
    expectFieldErrors(
      RequestConferenceSubmission,
      { ...good, meetingKind: "RCPC" },
      { previousConferenceDate: /previous conference/ },
    );
  });

  it("gives field errors for a malformed submission", () => {
    expectFieldErrors(
      RequestConferenceSubmission,
      { caseId: CASE_ID, meetingKind: "CLA", childIds: "", strategyDate: "2027-02-30" },
      {
        meetingKind: /ICPC or RCPC/,
        childIds: /Choose the children/,
        indexChildId: /index child/,
        strategyDate: /strategy discussion/,
      },
    );
  });

  it("needs the index child among the children chosen (Swindon rule 15)", () => {
    expectFieldErrors(
      RequestConferenceSubmission,
      { ...good, childIds: "child-2" },
      { indexChildId: /one of the children/ },
    );
  });

  it("needs the strategy date for an ICPC", () => {
    expectFieldErrors(
      RequestConferenceSubmission,
      { ...good, strategyDate: " " },
      { strategyDate: /strategy discussion/ },
    );
  });
});
