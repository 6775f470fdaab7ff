import { VERBS } from "../../cards/verbs";
import type { Meeting } from "../../model";
import { Authority } from "../../workflow/kernel/authority";
import { demoAuthority } from "../../app/demo/authority";
import { meetingLimit } from "../../workflow/timeline/meeting-timeline";
import { rebookedIdOf } from "../../workflow/stand-down/rebook";
import { cardActions, cardText } from "../fakes/recording-notifier";
import { CASE_ID, offerOf, requestAndBook, submitListAndAccess } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The councils' other procedures, docs/rules.md, stand-down: stand-down and rebooking.
 * Swindon (Swindon rule 17): the operational SM and a QA & Review SM jointly;
 * Leicestershire: a safeguarding manager. Strategy discussion Mon 11
 * Jan 2027; the ICPC's limit (icpc.latest, 15 working days) is Mon 1 Feb.
 */
const QA_SM = "66666666-6666-4666-8666-666666666666";
const SAFEGUARDING = "77777777-7777-4777-8777-777777777777";
const SM = DEMO_IDS.serviceManager;
const TM = DEMO_IDS.teamManager;
const SW = DEMO_IDS.socialWorker;
const CLERK = DEMO_IDS.clerk;
const CHAIR = DEMO_IDS.chair;

function authorityFor(policy: string): Authority {
  const base = demoAuthority(policy);
  return Authority.parse({
    ...base,
    staff: [
      ...base.staff,
      {
        entraObjectId: QA_SM,
        name: "Quinn Review",
        email: "quinn.review@demo-council.example",
        roles: ["qa-manager"],
      },
      {
        entraObjectId: SAFEGUARDING,
        name: "Sage Guard",
        email: "sage.guard@demo-council.example",
        roles: ["safeguarding-manager"],
      },
    ],
  });
}

const meetingOf = async (world: World, id: string): Promise<Meeting> =>
  (await world.store.get("meeting", id, CASE_ID))!;

const cardsOfKind = (world: World, preview: RegExp) =>
  world.notifier.sent.filter((s) => preview.test(s.preview));

async function bookAndList(world: World): Promise<string> {
  const id = await requestAndBook(world, {
    strategy: "2027-01-11",
    requestAt: "2027-01-11T14:00:00.000Z",
    bookAt: "2027-01-11T15:00:00.000Z",
    slotStart: "2027-01-26T10:00:00.000Z",
  });
  await submitListAndAccess(world, id, "2027-01-13T10:00:00.000Z");
  return id;
}

describe("stand-down in swindon: a joint decision of both SMs", () => {
  let world: World;
  let meetingId: string;
  let eventId: string;

  beforeAll(async () => {
    world = await makeWorld({
      policy: "swindon",
      start: "2027-01-11T09:00:00.000Z",
      authority: authorityFor("swindon"),
    });
    meetingId = await bookAndList(world);
    eventId = (await meetingOf(world, meetingId)).outlookEventId!;
  });
  afterAll(async () => {
    await world.close();
  });

  it("the SW asks: the request card by chat, a reason and rationale needed", async () => {
    await world.advanceTo("2027-01-20T10:00:00.000Z");
    const asked = await world.say(SW, "stand down C-1001");
    expect(asked.kind).toBe("card");
    const card = asked.kind === "card" ? asked.card : {};
    expect(cardText(card)).toMatch(
      /operational service manager and a QA & Review service manager\b/,
    );
    expect(cardActions(card).map((a) => a.verb)).toEqual([VERBS.standDownRequest]);

    const noRationale = await world.act(SW, VERBS.standDownRequest, {
      caseId: CASE_ID,
      meetingId,
      reason: "family-cannot-attend",
      rationale: " ",
    });
    expect(cardText(noRationale.kind === "card" ? noRationale.card : {})).toMatch(/rationale/);
    const noSubReason = await world.act(SW, VERBS.standDownRequest, {
      caseId: CASE_ID,
      meetingId,
      reason: "unforeseen",
      rationale: "Network down",
    });
    expect(cardText(noSubReason.kind === "card" ? noSubReason.card : {})).toMatch(/reasons listed/);
    expect((await meetingOf(world, meetingId)).standDownRequest).toBeUndefined();

    // Someone with no role on the case cannot even ask.
    const forged = await world.act(QA_SM, VERBS.standDownRequest, {
      caseId: CASE_ID,
      meetingId,
      reason: "family-cannot-attend",
      rationale: "Mother in hospital",
    });
    expect(cardText(forged.kind === "card" ? forged.card : {})).toMatch(/can't do this/);

    const sent = await world.act(SW, VERBS.standDownRequest, {
      caseId: CASE_ID,
      meetingId,
      reason: "family-cannot-attend",
      rationale: "Mother admitted to hospital; both parents want to attend.",
    });
    expect(cardText(sent.kind === "card" ? sent.card : {})).toMatch(/sent for approval/);
    await world.runDue();
    const approvalCards = cardsOfKind(world, /Approval needed: stand down/);
    expect(approvalCards.map((c) => c.to).sort()).toEqual([SM, QA_SM].sort());
    const m = await meetingOf(world, meetingId);
    expect(m.status).toBe("invited");
    expect(m.standDownRequest).toMatchObject({
      reason: "family-cannot-attend",
      originator: "social-worker",
      approvals: [],
    });
  });

  it("one approval alone changes nothing; a forged one is refused and audited", async () => {
    const requestId = (await meetingOf(world, meetingId)).standDownRequest!.id;
    const data = { caseId: CASE_ID, meetingId, requestId };
    const first = await world.act(SM, VERBS.standDownApprove, data);
    expect(cardText(first.kind === "card" ? first.card : {})).toMatch(
      /QA & Review service manager approves too/,
    );
    await world.runDue();
    let m = await meetingOf(world, meetingId);
    expect(m.status).toBe("invited");
    expect(m.standDownRequest!.approvals).toEqual([
      { slot: "operational-sm", by: SM, at: "2027-01-20T10:00:00.000Z" },
    ]);
    expect(world.graph!.state.events.get(eventId)?.cancelled).toBe(false);

    // The same SM again cannot fill the QA & Review SM's half of a joint decision.
    const again = await world.act(SM, VERBS.standDownApprove, data);
    expect(cardText(again.kind === "card" ? again.card : {})).toMatch(/Already approved/);
    for (const forger of [TM, SAFEGUARDING, SW]) {
      const forged = await world.act(forger, VERBS.standDownApprove, data);
      expect(cardText(forged.kind === "card" ? forged.card : {})).toMatch(/can't do this/);
    }
    m = await meetingOf(world, meetingId);
    expect(m.status).toBe("invited");
    expect(m.standDownRequest!.approvals).toHaveLength(1);
    const audit = (await world.store.auditOfCase(CASE_ID)).items;
    expect(
      audit.filter(
        (a) => a.action === "action.refused" && a.detail?.verb === VERBS.standDownApprove,
      ),
    ).toHaveLength(3);
  });

  it("both in: stood down, cancelled in Outlook, every attendee told once, rebooking offered", async () => {
    const requestId = (await meetingOf(world, meetingId)).standDownRequest!.id;
    const done = await world.act(QA_SM, VERBS.standDownApprove, {
      caseId: CASE_ID,
      meetingId,
      requestId,
    });
    expect(cardText(done.kind === "card" ? done.card : {})).toMatch(/Stood down/);
    await world.runDue();
    await world.runDue();

    const m = await meetingOf(world, meetingId);
    expect(m.status).toBe("stood-down");
    expect(m.standDown).toMatchObject({
      reason: "family-cannot-attend",
      rationale: "Mother admitted to hospital; both parents want to attend.",
      requestedBy: SW,
      originator: "social-worker",
      approvedBy: [SM, QA_SM],
    });
    expect(m.standDown!.approvals!.map((a) => a.slot)).toEqual(["operational-sm", "qa-sm"]);
    expect(m.rebookedAs).toBe(rebookedIdOf(meetingId));
    const event = world.graph!.state.events.get(eventId)!;
    expect(event.cancelled).toBe(true);
    expect(event.cancelComment).toMatch(/Sam Social \(the social worker\) will be in touch/);
    expect((await world.store.openTasksOfMeeting(meetingId)).items).toEqual([]);

    // The SW tells everyone: the chair by card; police, GP, both parents
    // and the solicitor each by their own email, saying who sends it.
    const notices = cardsOfKind(world, /^Stood down: ICPC/);
    expect(notices.map((n) => n.to)).toEqual([CHAIR]);
    expect(cardText(notices[0]!.card)).toMatch(/Family cannot attend/);
    const mails = world.graph!.state.sentMail.filter((s) => s.conveneId?.includes(":stood-down:"));
    expect(mails.flatMap((s) => s.to).sort()).toEqual(
      [
        "dana.officer@police.example",
        "eli.gp@nhs.example",
        "fran@home.example",
        "gus@home.example",
        "hal@law.example",
      ].sort(),
    );
    expect(
      mails.every((s) =>
        JSON.stringify(s.message).includes("Sent on behalf of Sam Social, the social worker"),
      ),
    ).toBe(true);
    expect(mails.some((s) => JSON.stringify(s.message).includes("hospital"))).toBe(false);

    // The rebooking: linked both ways, offered to the clerk inside the original limit.
    const rebooked = await meetingOf(world, rebookedIdOf(meetingId));
    expect(rebooked).toMatchObject({ status: "requested", rebookedFrom: meetingId, kind: "ICPC" });
    const original = meetingLimit(world.deps.policy, m)!;
    expect(meetingLimit(world.deps.policy, rebooked)!.toISOString()).toBe(original.toISOString());
    const offer = await offerOf(world, rebooked.id);
    expect(offer.limitAt).toBe(original.toISOString());
    expect(offer.slots.some((s) => s.withinLimit)).toBe(true);
    expect(cardsOfKind(world, /Please book the ICPC/).filter((c) => c.to === CLERK)).toHaveLength(
      2,
    );

    // Nothing is sent twice, however often the scheduler runs.
    const before = { cards: world.notifier.sent.length, mails: world.graph!.state.sentMail.length };
    await world.advanceTo("2027-01-20T12:00:00.000Z");
    expect(world.notifier.sent.length).toBe(before.cards);
    expect(world.graph!.state.sentMail.length).toBe(before.mails);
    expect(world.failed).toEqual([]);
  });

  it("refuses a second stand-down and a past-limit rebooking without the SM's agreement", async () => {
    const again = await world.act(SM, VERBS.standDownRequest, {
      caseId: CASE_ID,
      meetingId,
      reason: "not-quorate",
      rationale: "again",
    });
    expect(cardText(again.kind === "card" ? again.card : {})).toMatch(/already been stood down/);

    const id = rebookedIdOf(meetingId);
    const offer = await offerOf(world, id);
    const late = offer.slots.find((s) => !s.withinLimit)!;
    const refused = await world.act(CLERK, VERBS.book, {
      caseId: CASE_ID,
      meetingId: id,
      slotId: late.id,
    });
    expect(cardText(refused.kind === "card" ? refused.card : {})).toMatch(/inside the limit/);
    expect((await meetingOf(world, id)).status).toBe("requested");

    await world.act(CLERK, VERBS.bookPastLimit, {
      caseId: CASE_ID,
      meetingId: id,
      pastLimitSlotId: late.id,
      approverId: SM,
      pastLimitReason: "Mother in hospital until after the limit",
    });
    await world.runDue();
    const taskId = `${id}:approval.out-of-timescale:${late.id.replace(/[:.]/g, "")}`;
    const forged = await world.act(TM, VERBS.taskApprove, {
      caseId: CASE_ID,
      meetingId: id,
      taskId,
      approvalRationale: "fine",
    });
    expect(cardText(forged.kind === "card" ? forged.card : {})).toMatch(/can't do this/);
    expect((await meetingOf(world, id)).status).toBe("requested");

    await world.act(SM, VERBS.taskApprove, {
      caseId: CASE_ID,
      meetingId: id,
      taskId,
      approvalRationale: "Agreed: the family must be able to attend",
    });
    await world.runDue();
    const booked = await meetingOf(world, id);
    expect(booked.status).not.toBe("requested");
    expect(booked.start).toBe(late.start);
    expect(booked.outOfTimescale).toMatchObject({
      approvedBy: SM,
      reason: "Agreed: the family must be able to attend",
    });
    expect(world.failed).toEqual([]);
  });
});

describe("stand-down in leicestershire: a safeguarding manager", () => {
  let world: World;
  let meetingId: string;

  beforeAll(async () => {
    world = await makeWorld({
      policy: "leicestershire",
      start: "2027-01-11T09:00:00.000Z",
      authority: authorityFor("leicestershire"),
    });
    meetingId = await bookAndList(world);
  });
  afterAll(async () => {
    await world.close();
  });

  it("the chair records it inquorate and asks; the SM cannot approve; the safeguarding manager does", async () => {
    await world.advanceTo("2027-01-26T10:05:00.000Z");
    const card = await world.say(CHAIR, "quoracy C-1001");
    expect(cardText(card.kind === "card" ? card.card : {})).toMatch(/Police/);
    const forged = await world.act(SW, VERBS.quoracyRecord, {
      caseId: CASE_ID,
      meetingId,
      agencies: "police",
      agenciesWorking: "2",
    });
    expect(cardText(forged.kind === "card" ? forged.card : {})).toMatch(/can't do this/);
    const recorded = await world.act(CHAIR, VERBS.quoracyRecord, {
      caseId: CASE_ID,
      meetingId,
      agencies: "police",
      agenciesWorking: "2",
    });
    const answer = recorded.kind === "card" ? recorded.card : {};
    expect(cardText(answer)).toMatch(/not quorate: 1 agency present or reporting, 2 needed/);
    expect(cardActions(answer).map((a) => a.verb)).toEqual([VERBS.standDownRequest]);
    expect((await meetingOf(world, meetingId)).quoracyRecord).toMatchObject({
      by: CHAIR,
      agencies: ["police"],
      quorate: false,
    });

    await world.act(CHAIR, VERBS.standDownRequest, {
      caseId: CASE_ID,
      meetingId,
      reason: "not-quorate",
      rationale: "Only the police present; health sent no report.",
    });
    await world.runDue();
    expect(cardsOfKind(world, /Approval needed: stand down/).map((c) => c.to)).toEqual([
      SAFEGUARDING,
    ]);
    const requestId = (await meetingOf(world, meetingId)).standDownRequest!.id;
    const bySm = await world.act(SM, VERBS.standDownApprove, {
      caseId: CASE_ID,
      meetingId,
      requestId,
    });
    expect(cardText(bySm.kind === "card" ? bySm.card : {})).toMatch(/only a safeguarding manager/);
    expect((await meetingOf(world, meetingId)).status).toBe("invited");

    await world.act(SAFEGUARDING, VERBS.standDownApprove, {
      caseId: CASE_ID,
      meetingId,
      requestId,
    });
    await world.runDue();
    const m = await meetingOf(world, meetingId);
    expect(m.standDown).toMatchObject({
      reason: "not-quorate",
      originator: "unit",
      approvedBy: [SAFEGUARDING],
    });
    // The unit stood it down: the clerks tell everyone, the SW by card.
    const notices = cardsOfKind(world, /^Stood down: ICPC/);
    expect(notices.map((n) => n.to).sort()).toEqual([CHAIR, SW].sort());
    expect(cardText(notices[0]!.card)).toMatch(/The conference clerks/);
  });

  it("a rebooking slot inside the original limit books normally", async () => {
    const id = rebookedIdOf(meetingId);
    const offer = await offerOf(world, id);
    const inside = offer.slots.find((s) => s.withinLimit)!;
    await world.act(CLERK, VERBS.book, { caseId: CASE_ID, meetingId: id, slotId: inside.id });
    await world.runDue();
    const booked = await meetingOf(world, id);
    expect(booked.start).toBe(inside.start);
    expect(booked.outOfTimescale).toBeUndefined();
    expect(world.failed).toEqual([]);
  });
});

describe("stand-down refused in swindon: the meeting goes ahead as booked", () => {
  let world: World;
  let meetingId: string;
  let eventId: string;
  let requestId: string;
  const refusedNotices = () => cardsOfKind(world, /^Stand-down refused/);

  beforeAll(async () => {
    world = await makeWorld({
      policy: "swindon",
      start: "2027-01-11T09:00:00.000Z",
      authority: authorityFor("swindon"),
    });
    meetingId = await bookAndList(world);
    eventId = (await meetingOf(world, meetingId)).outlookEventId!;
    await world.advanceTo("2027-01-20T10:00:00.000Z");
    await world.act(SW, VERBS.standDownRequest, {
      caseId: CASE_ID,
      meetingId,
      reason: "family-cannot-attend",
      rationale: "Mother admitted to hospital; both parents want to attend.",
    });
    await world.runDue();
    requestId = (await meetingOf(world, meetingId)).standDownRequest!.id;
  });
  afterAll(async () => {
    await world.close();
  });

  it("a refusal by someone the policy does not name changes nothing, and is audited", async () => {
    const before = await meetingOf(world, meetingId);
    for (const forger of [TM, SAFEGUARDING, SW, CLERK]) {
      const forged = await world.act(forger, VERBS.standDownRefuse, {
        caseId: CASE_ID,
        meetingId,
        requestId,
        refuseReason: "Not needed",
      });
      expect(cardText(forged.kind === "card" ? forged.card : {})).toMatch(
        /only the operational service manager and a QA & Review service manager can refuse/,
      );
    }
    expect((await meetingOf(world, meetingId)).etag).toBe(before.etag);
    const audit = (await world.store.auditOfCase(CASE_ID)).items;
    expect(
      audit.filter(
        (a) => a.action === "action.refused" && a.detail?.verb === VERBS.standDownRefuse,
      ),
    ).toHaveLength(4);
  });

  it("the QA & Review SM refuses: the request closes, the meeting and its event stay, the SW is told once", async () => {
    await world.advanceTo("2027-01-20T11:00:00.000Z");
    const tasksBefore = (await world.store.openTasksOfMeeting(meetingId)).items.map((t) => t.id);
    const approvalCard = cardsOfKind(world, /Approval needed: stand down/).find(
      (c) => c.to === QA_SM,
    )!;
    expect(cardActions(approvalCard.card).map((a) => a.verb)).toEqual([
      VERBS.standDownApprove,
      VERBS.standDownRefuse,
    ]);
    const refused = await world.act(QA_SM, VERBS.standDownRefuse, {
      caseId: CASE_ID,
      meetingId,
      requestId,
      refuseReason: "The parents can join by Teams from the ward",
    });
    expect(cardText(refused.kind === "card" ? refused.card : {})).toMatch(/Stand-down refused/);
    await world.runDue();
    await world.runDue();

    const m = await meetingOf(world, meetingId);
    expect(m.status).toBe("invited");
    expect(m.standDownRequest).toBeUndefined();
    expect(m.standDown).toBeUndefined();
    expect(m.standDownRefusals).toEqual([
      {
        requestId,
        requestedBy: SW,
        by: QA_SM,
        at: "2027-01-20T11:00:00.000Z",
        reason: "The parents can join by Teams from the ward",
      },
    ]);
    expect(world.graph!.state.events.get(eventId)?.cancelled).toBe(false);
    expect(m.rebookedAs).toBeUndefined();
    const tasksAfter = (await world.store.openTasksOfMeeting(meetingId)).items.map((t) => t.id);
    expect(tasksAfter).toEqual(expect.arrayContaining(tasksBefore));
    expect(cardsOfKind(world, /^Stood down/)).toEqual([]);
    const audit = (await world.store.auditOfCase(CASE_ID)).items;
    expect(audit.filter((a) => a.action === "meeting.stand-down.refused")).toHaveLength(1);

    const notices = refusedNotices();
    expect(notices.map((n) => n.to)).toEqual([SW]);
    expect(cardText(notices[0]!.card)).toMatch(/Quinn Review/);
    expect(cardText(notices[0]!.card)).toMatch(/join by Teams from the ward/);
    // The preview names no one: the case reference only.
    expect(notices[0]!.preview).toBe("Stand-down refused: ICPC for case C-1001");

    // A second click and further scheduler runs tell nobody again.
    await world.act(QA_SM, VERBS.standDownRefuse, {
      caseId: CASE_ID,
      meetingId,
      requestId,
      refuseReason: "again",
    });
    await world.advanceTo("2027-01-20T12:00:00.000Z");
    expect(refusedNotices()).toHaveLength(1);
    expect(world.failed).toEqual([]);
  });

  it("the operational SM's old card cannot approve the closed request", async () => {
    const late = await world.act(SM, VERBS.standDownApprove, {
      caseId: CASE_ID,
      meetingId,
      requestId,
    });
    expect(cardText(late.kind === "card" ? late.card : {})).toMatch(/no longer waiting/);
    const m = await meetingOf(world, meetingId);
    expect(m.status).toBe("invited");
    expect(m.standDownRequest).toBeUndefined();
    expect(world.graph!.state.events.get(eventId)?.cancelled).toBe(false);
  });

  it("a new request can be made afterwards, and both approvers are asked again", async () => {
    const asksBefore = cardsOfKind(world, /Approval needed: stand down/).length;
    const sent = await world.act(SW, VERBS.standDownRequest, {
      caseId: CASE_ID,
      meetingId,
      reason: "no-interpreter",
      rationale: "The Tigrinya interpreter has cancelled and no other is free.",
    });
    expect(cardText(sent.kind === "card" ? sent.card : {})).toMatch(/sent for approval/);
    await world.runDue();
    const m = await meetingOf(world, meetingId);
    expect(m.standDownRequest).toMatchObject({ reason: "no-interpreter", approvals: [] });
    expect(m.standDownRequest!.id).not.toBe(requestId);
    const asks = cardsOfKind(world, /Approval needed: stand down/).slice(asksBefore);
    expect(asks.map((c) => c.to).sort()).toEqual([SM, QA_SM].sort());
    expect(world.failed).toEqual([]);
  });
});
