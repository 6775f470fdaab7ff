import {
  PERSON_ID,
  TASK_ID,
  expectFieldErrors,
  expectValid,
  ids,
} from "../__tests__/submission-helpers";
import {
  TaskAcknowledgeSubmission,
  TaskApproveSubmission,
  TaskDoneSubmission,
  TaskReassignSubmission,
} from "./submission";

const base = { ...ids, taskId: TASK_ID };

describe("task action submissions", () => {
  it("done and acknowledge carry the task id (a case-level task has no meeting)", () => {
    expect(expectValid(TaskDoneSubmission, base)).toEqual(base);
    expect(expectValid(TaskAcknowledgeSubmission, { ...base, meetingId: "" })).toEqual({
      caseId: ids.caseId,
      cardVersion: "v3",
      taskId: TASK_ID,
    });
    expectFieldErrors(TaskDoneSubmission, { ...base, taskId: "" }, { taskId: /task id/ });
  });

  it("done and acknowledge may say why a deadline was missed, in 500 characters at most", () => {
    const why = "SW off sick until Wednesday";
    expect(expectValid(TaskAcknowledgeSubmission, { ...base, lateReason: why })).toMatchObject({
      lateReason: why,
    });
    // Blank is no reason.
    expect(
      expectValid(TaskDoneSubmission, { ...base, lateReason: "  " }).lateReason,
    ).toBeUndefined();
    expectFieldErrors(
      TaskDoneSubmission,
      { ...base, lateReason: "x".repeat(501) },
      { lateReason: /500/ },
    );
  });

  it("reassign needs someone picked from the list", () => {
    expect(expectValid(TaskReassignSubmission, { ...base, reassignTo: PERSON_ID })).toMatchObject({
      reassignTo: PERSON_ID,
    });
    expectFieldErrors(
      TaskReassignSubmission,
      { ...base, reassignTo: "" },
      {
        reassignTo: /who to reassign/,
      },
    );
  });

  it("approve needs a rationale (docs/rules.md, stand-down)", () => {
    expectValid(TaskApproveSubmission, { ...base, approvalRationale: "Chair off sick, no cover" });
    expectFieldErrors(
      TaskApproveSubmission,
      { ...base, approvalRationale: "" },
      {
        approvalRationale: /rationale/,
      },
    );
  });
});
