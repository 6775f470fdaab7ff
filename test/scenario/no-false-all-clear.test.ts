import { VERBS } from "../../cards/verbs";
import { buildExceptionReportCard } from "../../cards/exception-report/build";
import type { ActionResponse } from "../../ports";
import { gatherExceptions } from "../../workflow/lists/exception-rows";
import { MILESTONES, milestoneOf } from "../../workflow/timeline/milestones";
import { cardText } from "../fakes/recording-notifier";
import { CASE_ID, CHILD_IDS, requestAndBook } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * No false all-clear: "Done" on a reminder stops the chasing and records who
 * said so, when and why, but never that the watched thing was received.
 */
const text = (r: ActionResponse): string => (r.kind === "card" ? cardText(r.card) : r.text);

describe("Done on a reminder is not a received invite list", () => {
  let world: World;
  let meetingId: string;

  beforeEach(async () => {
    world = await makeWorld({ policy: "swindon", start: "2027-01-11T09:00:00.000Z" });
    meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
  });
  afterEach(async () => {
    await world.close();
  });

  it("records who marked it done, when and why; the exception report says so and never 'in'", async () => {
    const open = (await world.store.openTasksOfMeeting(meetingId)).items;
    const reminder = open.find((t) => milestoneOf(t.taskType) === MILESTONES.inviteListComplete);
    expect(reminder).toBeDefined();
    const answer = await world.act(DEMO_IDS.teamManager, VERBS.taskDone, {
      caseId: CASE_ID,
      meetingId,
      taskId: reminder!.id,
      doneReason: "The social worker sent it by post",
    });
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.milestones[MILESTONES.inviteListComplete]).toBeUndefined();
    expect(meeting?.markedDone?.[MILESTONES.inviteListComplete]).toEqual({
      at: world.clock().toISOString(),
      by: DEMO_IDS.teamManager,
      role: "team manager",
      reason: "The social worker sent it by post",
    });
    expect(text(answer)).toContain("marked done by the team manager");
    const trail = (await world.store.auditOfCase(CASE_ID)).items;
    expect(trail.map((a) => a.action)).toContain("milestone.marked-done");

    // A fortnight on, the list is still not received: the report says who marked it done.
    const later = new Date("2027-01-28T09:00:00.000Z");
    const view = await gatherExceptions(world.deps, later);
    expect(view.lateInviteLists).toEqual([
      expect.objectContaining({
        meetingId,
        markedDone: { role: "team manager", at: world.clock().toISOString() },
      }),
    ]);
    expect(view.lateInviteLists[0]?.doneAt).toBeUndefined();
    const shown = cardText(
      buildExceptionReportCard({ ...view, title: "Exception report", periodText: "this week" }),
    );
    expect(shown).toContain("marked done by the team manager");
    expect(shown).toContain("not received");
    expect(shown).not.toMatch(/Invite list due [^\n]*: in /);
  });
});

describe("a request already past its limit", () => {
  it("says so at once in red, goes to the Service Manager, and sends no chaser dated before it", async () => {
    // Swindon: strategy Mon 4 Jan 2027, icpc.latest (15 working days) Mon 25 Jan.
    // The SW asks for the conference on Fri 5 Feb: eleven days past the limit.
    const world = await makeWorld({ policy: "swindon", start: "2027-02-05T10:00:00.000Z" });
    try {
      const answer = await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
        caseId: CASE_ID,
        meetingKind: "ICPC",
        childIds: CHILD_IDS,
        indexChildId: `${CASE_ID}-child-1`,
        strategyDate: "2027-01-04",
      });
      const shown = text(answer);
      expect(shown).toContain("already past its limit");
      expect(shown).not.toContain("✓");
      expect(JSON.stringify(answer)).toContain('"color":"Attention"');
      expect(shown).toContain("Service Manager");
      const meetingId = `${CASE_ID}.icpc.2027-01-04`;
      const requestedAt = Date.parse("2027-02-05T10:00:00.000Z");
      await world.runDue();
      const cardsSent = world.notifier.sent.filter((s) => s.preview.includes("C-1001"));
      // The limit goes at once to the Service Manager (the approver of a late booking).
      expect(
        cardsSent.some(
          (s) => s.to === DEMO_IDS.serviceManager && s.preview.startsWith("Escalation"),
        ),
      ).toBe(true);
      // No reminder or escalation for a deadline that passed before the request.
      const tasks = (await world.store.openTasksOfMeeting(meetingId)).items;
      const ranTasks = await Promise.all(
        world.ran
          .filter((r) => r.taskId.startsWith(`${meetingId}:`))
          .map((r) => world.store.get("task", r.taskId, meetingId)),
      );
      const all = [...tasks, ...ranTasks.filter((t) => t !== undefined)];
      expect(all.length).toBeGreaterThan(0);
      const backdated = all.filter(
        (t) => Date.parse(t.dueAt) < requestedAt && t.taskType !== "icpc.latest",
      );
      expect(backdated.map((t) => t.taskType)).toEqual([]);
    } finally {
      await world.close();
    }
  });
});
