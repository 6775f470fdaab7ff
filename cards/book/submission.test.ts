import { PERSON_ID, expectFieldErrors, expectValid, ids } from "../__tests__/submission-helpers";
import { BookPastLimitSubmission, BookSubmission } from "./submission";

describe("booking.book submission", () => {
  it("accepts a slot", () => {
    expect(expectValid(BookSubmission, { ...ids, slotId: "slot-2", inPerson: "false" })).toEqual({
      ...ids,
      slotId: "slot-2",
      inPerson: false,
    });
  });

  it("needs a slot and the ids", () => {
    expectFieldErrors(
      BookSubmission,
      { caseId: ids.caseId, slotId: "", inPerson: "maybe" },
      { meetingId: /meeting id/, slotId: /Choose a slot/, inPerson: /on or off/ },
    );
  });
});

describe("booking.book-past-limit submission", () => {
  const good = {
    ...ids,
    pastLimitSlotId: "slot-9",
    approverId: PERSON_ID,
    pastLimitReason: "Chair's only free slot; family asked for after school",
    inPerson: "true",
  };

  it("accepts a late slot with approver and reason", () => {
    expect(expectValid(BookPastLimitSubmission, good)).toMatchObject({
      approverId: PERSON_ID,
      inPerson: true,
    });
  });

  it("needs the approver the policy names and a reason (docs/rules.md, national rules)", () => {
    expectFieldErrors(
      BookPastLimitSubmission,
      { ...good, approverId: "", pastLimitReason: "  " },
      { approverId: /approves/, pastLimitReason: /cannot be held in time/ },
    );
    expectFieldErrors(
      BookPastLimitSubmission,
      { ...good, approverId: "not-a-guid", pastLimitSlotId: undefined },
      { approverId: /approves/, pastLimitSlotId: /Choose a slot/ },
    );
  });
});
