import {
  executeActions,
  expectWellFormedCard,
  inputIds,
  visibleText,
} from "../__tests__/card-checks";
import { VERBS } from "../verbs";
import { buildTaskAlertCard } from "./build";
import { escalationSample, reminderSample } from "./sample";

describe("reminder / escalation card", () => {
  it("a reminder before the deadline says how long is left and offers Done", () => {
    const card = buildTaskAlertCard(reminderSample);
    expectWellFormedCard(card);
    expect(visibleText(card)).toContain("Due in 7 hours");
    expect(card.fallbackText).toBe(
      "Reminder: Police check requests, each with a reason, to the clerk, case CP-2026-0412 (due in 7 hours)",
    );
    expect(executeActions(card)).toEqual([
      {
        title: "Done",
        verb: VERBS.taskDone,
        data: {
          caseId: "case-0412",
          meetingId: "meeting-0412-1",
          taskId: "meeting-0412-1:police-checks.request",
          cardVersion: "1",
        },
      },
    ]);
  });

  it("asks why only once the deadline is missed (the exception report's reason, Swindon rule 23)", () => {
    expect(inputIds(buildTaskAlertCard(reminderSample))).not.toContain("lateReason");
    const late = buildTaskAlertCard(escalationSample);
    expectWellFormedCard(late);
    expect(inputIds(late)).toContain("lateReason");
  });

  it("an escalation says how late in working days, whose task, and offers the manager's actions", () => {
    const card = buildTaskAlertCard(escalationSample);
    const text = visibleText(card);
    expect(text).toContain("Not done: 1 working day late");
    expect(text).toContain("Sam Patel, social worker");
    expect(text).toContain("Chris Lane (Social worker)");
    expect(executeActions(card).map((a) => a.verb)).toEqual([
      VERBS.taskAcknowledge,
      VERBS.taskReassign,
      VERBS.taskApprove,
    ]);
  });

  it("offers no reassign without people to reassign to, and counts calendar time without working days", () => {
    const card = buildTaskAlertCard({
      ...escalationSample,
      workingDaysLate: undefined,
      reassignTo: [],
      meetingId: undefined,
    });
    expectWellFormedCard(card);
    expect(visibleText(card)).toContain("Not done: 16 hours late");
    expect(executeActions(card).map((a) => a.verb)).toEqual([
      VERBS.taskAcknowledge,
      VERBS.taskApprove,
    ]);
    expect(executeActions(card)[0]!.data.meetingId).toBe("");
  });
});
