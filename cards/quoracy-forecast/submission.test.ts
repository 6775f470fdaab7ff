import { expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import {
  QuoracyAskSocialWorkerSubmission,
  QuoracyNudgeSubmission,
  QuoracyProposeStandDownSubmission,
} from "./submission";

describe("quoracy.nudge submission", () => {
  it("carries the agency chosen", () => {
    expect(expectValid(QuoracyNudgeSubmission, { ...ids, agencyKey: "police" })).toEqual({
      ...ids,
      agencyKey: "police",
    });
  });

  it("needs an agency, by a well-formed key, and the meeting", () => {
    expectFieldErrors(QuoracyNudgeSubmission, { ...ids, agencyKey: "" }, { agencyKey: /Choose/ });
    expectFieldErrors(
      QuoracyNudgeSubmission,
      { ...ids, agencyKey: "police,health" },
      { agencyKey: /Choose/ },
    );
    expectFieldErrors(
      QuoracyNudgeSubmission,
      { caseId: ids.caseId, agencyKey: "police" },
      { meetingId: /meeting id/ },
    );
  });
});

describe("quoracy.ask-sw submission", () => {
  it("takes an optional note, trimmed; a blank one is absent", () => {
    expect(expectValid(QuoracyAskSocialWorkerSubmission, { ...ids, note: "" })).toEqual(ids);
    expect(
      expectValid(QuoracyAskSocialWorkerSubmission, { ...ids, note: " Can you call the GP? " }),
    ).toEqual({ ...ids, note: "Can you call the GP?" });
    expectFieldErrors(
      QuoracyAskSocialWorkerSubmission,
      { ...ids, note: "x".repeat(501) },
      { note: /under 500/ },
    );
  });
});

describe("quoracy.propose-stand-down submission", () => {
  const good = {
    ...ids,
    reason: "not-quorate",
    standDownRationale: "Police and health declined; no reports",
  };

  it("is always not-quorate, with a rationale (docs/rules.md, stand-down)", () => {
    expect(expectValid(QuoracyProposeStandDownSubmission, good)).toEqual(good);
    expectFieldErrors(
      QuoracyProposeStandDownSubmission,
      { ...good, standDownRationale: "  " },
      { standDownRationale: /rationale/ },
    );
  });

  it("refuses any other reason the data might be tampered to", () => {
    expectFieldErrors(
      QuoracyProposeStandDownSubmission,
      { ...good, reason: "no-longer-needed" },
      { reason: /not quorate/ },
    );
    expectFieldErrors(
      QuoracyProposeStandDownSubmission,
      { ...ids, standDownRationale: "x" },
      { reason: /not quorate/ },
    );
  });
});
