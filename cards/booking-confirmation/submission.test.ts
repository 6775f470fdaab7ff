import { expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import { AcceptBookingSubmission, DeclineBookingSubmission } from "./submission";

describe("booking.accept / booking.decline submissions", () => {
  it("accepts with the ids alone", () => {
    expect(expectValid(AcceptBookingSubmission, { ...ids, stray: "x" })).toEqual(ids);
    expectFieldErrors(AcceptBookingSubmission, {}, { caseId: /case id/, meetingId: /meeting id/ });
  });

  it("declines only with a reason (West Sussex)", () => {
    expect(
      expectValid(DeclineBookingSubmission, { ...ids, declineReason: " I know the family " }),
    ).toEqual({ ...ids, declineReason: "I know the family" });
    expectFieldErrors(
      DeclineBookingSubmission,
      { ...ids, declineReason: "" },
      {
        declineReason: /why you are declining/,
      },
    );
    expectFieldErrors(
      DeclineBookingSubmission,
      { ...ids, declineReason: "x".repeat(1001) },
      {
        declineReason: /under 1000/,
      },
    );
  });
});
