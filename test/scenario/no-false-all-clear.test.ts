import { VERBS } from "../../cards/verbs";
import { buildExceptionReportCard } from "../../cards/exception-report/build";
import type { ActionResponse } from "../../ports";
import { gatherExceptions } from "../../workflow/lists/exception-rows";
import { MILESTONES, milestoneOf } from "../../workflow/timeline/milestones";
import { cardText } from "../fakes/recording-notifier";
import { CASE_ID, requestAndBook } from "./journey";
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
