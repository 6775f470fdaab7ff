import { expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import { StandDownApproveSubmission } from "../stand-down-approval/submission";
import { REASON_CHOICES } from "./reasons";
import { StandDownRequestSubmission } from "./submission";

describe("stand-down.request submission (docs/rules.md, stand-down)", () => {
  it("offers each reason once, with the sub-reasons of no longer needed and unforeseen", () => {
    expect(REASON_CHOICES.map((c) => c.value)).toEqual([
      "no-longer-needed:looked-after",
      "no-longer-needed:deceased",
      "no-longer-needed:transferred-out",
      "no-longer-needed:threshold-not-met",
      "not-quorate",
      "report-not-shared",
      "no-interpreter",
      "family-cannot-attend",
      "unforeseen:chair-unavailable",
      "unforeseen:clerk-unavailable",
      "unforeseen:sw-unavailable",
      "unforeseen:network-failure",
    ]);
  });

  it("splits a reason and its sub-reason", () => {
    expect(
      expectValid(StandDownRequestSubmission, {
        ...ids,
        reason: "unforeseen:network-failure",
        rationale: " Teams down across the council ",
      }),
    ).toEqual({
      ...ids,
      reason: "unforeseen",
      detail: "network-failure",
      rationale: "Teams down across the council",
    });
    expect(
      expectValid(StandDownRequestSubmission, { ...ids, reason: "not-quorate", rationale: "x" }),
    ).toEqual({ ...ids, reason: "not-quorate", rationale: "x" });
  });

  it("needs a listed reason and a rationale", () => {
    expectFieldErrors(
      StandDownRequestSubmission,
      { ...ids, reason: "", rationale: "" },
      { reason: /Choose the reason/, rationale: /rationale/ },
    );
    expectFieldErrors(
      StandDownRequestSubmission,
      { ...ids, reason: "unforeseen", rationale: "x" },
      { reason: /reasons listed/ },
    );
    expectFieldErrors(
      StandDownRequestSubmission,
      { ...ids, reason: "not-quorate:deceased", rationale: "x" },
      { reason: /reasons listed/ },
    );
  });

  it("an approval names its request", () => {
    expectFieldErrors(
      StandDownApproveSubmission,
      { ...ids, requestId: "" },
      { requestId: /request/ },
    );
    expect(expectValid(StandDownApproveSubmission, { ...ids, requestId: "sd-1" }).requestId).toBe(
      "sd-1",
    );
  });
});
