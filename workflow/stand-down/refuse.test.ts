import { VERBS } from "../../cards/verbs";
import type { Meeting } from "../../model";
import { cardText } from "../../test/fakes/recording-notifier";
import { DEMO_IDS, makeWorld, type World } from "../../test/scenario/world";
import { startStandDown } from "./start";

/**
 * stand-down.refuse on the england policy (the case's SM is the approver,
 * docs/rules.md, stand-down): only the approver refuses, always with a reason;
 * the request closes, the meeting stays as it was, the SW who asked is told
 * once, and a new request gets a new id.
 */
const CASE_ID = "case-C-1001";
const SW = { objectId: DEMO_IDS.socialWorker, name: "Sam Social" };
const SM = DEMO_IDS.serviceManager;
const TM = DEMO_IDS.teamManager;

describe("refuseStandDown", () => {
  let world: World;
  let meetingId: string;
  let requestId: string;
  const meeting = async (): Promise<Meeting> =>
    (await world.store.get("meeting", meetingId, CASE_ID))!;
  const refuse = async (actor: string, extra: Record<string, string>) => {
    const r = await world.act(actor, VERBS.standDownRefuse, {
      caseId: CASE_ID,
      meetingId,
      requestId,
      ...extra,
    });
    return cardText(r.kind === "card" ? r.card : {});
  };
  const refusedNotices = () =>
    world.notifier.sent.filter((s) => /^Stand-down refused/.test(s.preview));

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
    const started = await startStandDown(world.deps, {
      caseId: CASE_ID,
      meetingId,
      reason: "family-cannot-attend",
      rationale: "Both parents unwell",
      originator: SW,
    });
    requestId = started.requestId;
    await world.runDue();
  });
  afterAll(async () => {
    await world.close();
  });

  it("refuses a non-approver, audited, and a refusal without a reason; nothing changes", async () => {
    const before = await meeting();
    expect(await refuse(TM, { refuseReason: "Not needed" })).toMatch(
      /can't do this: only the case's service manager can refuse this stand-down/,
    );
    expect(await refuse(SW.objectId, { refuseReason: "Not needed" })).toMatch(/can't do this/);
    const audit = (await world.store.auditOfCase(CASE_ID)).items;
    expect(
      audit.filter(
        (a) => a.action === "action.refused" && a.detail?.verb === VERBS.standDownRefuse,
      ),
    ).toHaveLength(2);

    // No reason: the approval card again, the error beside the box, nothing recorded.
    const blank = await refuse(SM, { refuseReason: "  " });
    expect(blank).toMatch(/Say why you are refusing the stand-down/);
    expect(blank).toMatch(/Approve standing down/);
    const missingIds = await world.act(SM, VERBS.standDownRefuse, { caseId: CASE_ID });
    expect(cardText(missingIds.kind === "card" ? missingIds.card : {})).toMatch(/missing its ids/);
    expect((await meeting()).etag).toBe(before.etag);
  });

  it("the approver refuses: the request closes, the refusal is kept, the SW is told once", async () => {
    const before = await meeting();
    const text = await refuse(SM, { refuseReason: "Hold it: the grandmother can attend for them" });
    expect(text).toMatch(/Stand-down refused/);
    let m = await meeting();
    expect(m.standDownRequest).toBeUndefined();
    expect(m.status).toBe(before.status);
    expect(m.standDownRefusals).toEqual([
      {
        requestId,
        requestedBy: SW.objectId,
        by: SM,
        at: "2027-01-11T14:00:00.000Z",
        reason: "Hold it: the grandmother can attend for them",
      },
    ]);
    const audit = (await world.store.auditOfCase(CASE_ID)).items;
    const refused = audit.filter((a) => a.action === "meeting.stand-down.refused");
    expect(refused.map((a) => a.detail)).toEqual([{ requestId }]);

    await world.runDue();
    // A double click: recorded once, told once.
    expect(await refuse(SM, { refuseReason: "again" })).toMatch(/Already refused/);
    await world.runDue();
    const notices = refusedNotices();
    expect(notices.map((n) => n.to)).toEqual([SW.objectId]);
    expect(notices[0]!.preview).toBe("Stand-down refused: ICPC for case C-1001");
    expect(cardText(notices[0]!.card)).toMatch(/Sol Service/);
    expect(cardText(notices[0]!.card)).toMatch(/grandmother can attend/);
    m = await meeting();
    expect(m.standDownRefusals).toHaveLength(1);

    // The old card can neither approve nor refuse again.
    const approve = await world.act(SM, VERBS.standDownApprove, {
      caseId: CASE_ID,
      meetingId,
      requestId,
    });
    expect(cardText(approve.kind === "card" ? approve.card : {})).toMatch(/no longer waiting/);
    expect((await meeting()).status).toBe(before.status);
    expect(world.failed).toEqual([]);
  });

  it("a new request can follow, at once, with an id the refused one's cards cannot reach", async () => {
    const again = await startStandDown(world.deps, {
      caseId: CASE_ID,
      meetingId,
      reason: "no-interpreter",
      rationale: "The Tigrinya interpreter cancelled",
      originator: SW,
    });
    expect(again).toMatchObject({ applied: false, repeated: false });
    expect(again.requestId).not.toBe(requestId);
    expect((await meeting()).standDownRequest?.id).toBe(again.requestId);
    await world.runDue();
    const asks = world.notifier.sent.filter(
      (s) => /Approval needed: stand down/.test(s.preview) && s.to === SM,
    );
    expect(asks).toHaveLength(2);
    const stale = await world.act(SM, VERBS.standDownApprove, {
      caseId: CASE_ID,
      meetingId,
      requestId,
    });
    expect(cardText(stale.kind === "card" ? stale.card : {})).toMatch(/no longer waiting/);
    expect((await meeting()).standDownRequest?.approvals).toEqual([]);
  });
});
