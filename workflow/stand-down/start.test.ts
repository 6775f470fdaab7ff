import { VERBS } from "../../cards/verbs";
import type { Meeting } from "../../model";
import { cardText } from "../../test/fakes/recording-notifier";
import { DEMO_IDS, makeWorld, type World } from "../../test/scenario/world";
import { WorkflowError } from "../kernel/errors";
import { applyStandDown } from "./apply";
import { startStandDown } from "./start";

/**
 * The use cases below the cards, on the england policy (the case's SM
 * approves): refusals change nothing; an approver asking counts as their
 * approval; "no longer needed" is not rebooked.
 */
const CASE_ID = "case-C-1001";
const SW = { objectId: DEMO_IDS.socialWorker, name: "Sam Social" };
const SM = { objectId: DEMO_IDS.serviceManager, name: "Sol Service" };

describe("startStandDown and applyStandDown", () => {
  let world: World;
  let meetingId: string;
  const meeting = async (): Promise<Meeting> =>
    (await world.store.get("meeting", meetingId, CASE_ID))!;
  const input = (over: Partial<Parameters<typeof startStandDown>[1]> = {}) => ({
    caseId: CASE_ID,
    meetingId,
    reason: "family-cannot-attend" as const,
    rationale: "Both parents unwell",
    originator: SW,
    ...over,
  });
  const refusal = async (p: Promise<unknown>): Promise<string> => {
    try {
      await p;
    } catch (err) {
      if (err instanceof WorkflowError) return `${err.code}: ${err.message}`;
      throw err;
    }
    throw new Error("not refused");
  };

  beforeAll(async () => {
    world = await makeWorld({
      policy: "england",
      start: "2027-01-11T14:00:00.000Z",
      calendar: "outbox",
    });
    await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
      caseId: CASE_ID,
      meetingKind: "ICPC",
      childIds: `${CASE_ID}-child-1`,
      indexChildId: `${CASE_ID}-child-1`,
      strategyDate: "2027-01-11",
    });
    meetingId = `${CASE_ID}.icpc.2027-01-11`;
    await world.runDue();
  });
  afterAll(async () => {
    await world.close();
  });

  it("refuses a bad reason, a sub-reason that does not fit, or no rationale, changing nothing", async () => {
    const before = await meeting();
    expect(await refusal(startStandDown(world.deps, input({ reason: "bored" as never })))).toMatch(
      /BadInput: Choose one of the stand-down reasons/,
    );
    expect(
      await refusal(startStandDown(world.deps, input({ reason: "no-longer-needed" }))),
    ).toMatch(/needs a sub-reason/);
    expect(
      await refusal(
        startStandDown(world.deps, input({ reason: "not-quorate", detail: "deceased" })),
      ),
    ).toMatch(/has no sub-reason/);
    expect(await refusal(startStandDown(world.deps, input({ rationale: "  " })))).toMatch(
      /rationale/,
    );
    expect((await meeting()).etag).toBe(before.etag);
  });

  it("records a request and refuses to apply it before the approval is in", async () => {
    const started = await startStandDown(world.deps, input());
    expect(started).toMatchObject({
      applied: false,
      repeated: false,
      waitingFor: ["the case's service manager"],
    });
    expect(await startStandDown(world.deps, input())).toMatchObject({ repeated: true });
    expect(await refusal(startStandDown(world.deps, input({ reason: "no-interpreter" })))).toMatch(
      /already waiting for approval/,
    );
    const kase = (await world.store.get("case", CASE_ID, CASE_ID))!;
    const before = await meeting();
    expect(await refusal(applyStandDown(world.deps, kase, meetingId, SW.objectId))).toMatch(
      /NeedsApproval: Not stood down: it still needs the approval of the case's service manager/,
    );
    expect((await meeting()).etag).toBe(before.etag);
    expect((await meeting()).status).toBe("requested");

    // A card of another request cannot approve this one.
    const stale = await world.act(SM.objectId, VERBS.standDownApprove, {
      caseId: CASE_ID,
      meetingId,
      requestId: "sd-1",
    });
    expect(cardText(stale.kind === "card" ? stale.card : {})).toMatch(/no longer waiting/);
    expect((await meeting()).standDownRequest?.approvals).toEqual([]);
  });

  it("stands down at once when the approver asks; no longer needed is not rebooked", async () => {
    // Clear the SW's request as an earlier test left it, to ask afresh as the SM.
    const current = await meeting();
    const cleared: Meeting = { ...current };
    delete cleared.standDownRequest;
    await world.store.replace(cleared, current.etag ?? "");

    const result = await startStandDown(
      world.deps,
      input({
        reason: "no-longer-needed",
        detail: "looked-after",
        rationale: "Child accommodated under s20",
        originator: SM,
      }),
    );
    expect(result).toMatchObject({ applied: true, waitingFor: [] });
    await world.runDue();
    const m = await meeting();
    expect(m.status).toBe("stood-down");
    expect(m.standDown).toMatchObject({
      reason: "no-longer-needed",
      detail: "looked-after",
      approvedBy: [SM.objectId],
      originator: "social-worker",
    });
    expect(m.rebookedAs).toBeUndefined();
    expect(await world.store.get("meeting", `${meetingId}.rebooked`, CASE_ID)).toBeUndefined();
    // No Outlook event was made (never booked): nothing to cancel, nothing failed.
    const cancel = await world.store.get("task", `${meetingId}:meeting.cancel-event`, meetingId);
    expect(cancel?.result).toEqual({ skipped: "no-event" });
    expect((await world.store.openTasksOfMeeting(meetingId)).items).toEqual([]);
    expect(world.failed).toEqual([]);
    expect(await refusal(startStandDown(world.deps, input({ originator: SM })))).toMatch(
      /already been stood down/,
    );
    const audit = (await world.store.auditOfCase(CASE_ID)).items.map((a) => a.action);
    expect(audit).toEqual(
      expect.arrayContaining(["meeting.stand-down.requested", "meeting.stand-down"]),
    );
  });
});
