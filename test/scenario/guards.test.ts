import { VERBS } from "../../cards/verbs";
import type { ActionResponse } from "../../ports";
import { cardActions, cardText } from "../fakes/recording-notifier";
import {
  bookedLeicestershireIcpc,
  CASE_ID,
  CHILD_IDS,
  decisionsFor,
  inviteListData,
  offerOf,
  requestAndBook,
} from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The conference journey in Teams's guards: a forged action is refused with a clear card and
 * audited; a malformed submission re-renders the card with its errors and
 * stores nothing; the same invoke delivered twice does the work once; a slot
 * past the limit is booked only with the service manager's approval.
 */
const text = (r: ActionResponse): string => (r.kind === "card" ? cardText(r.card) : r.text);

describe("guards on card actions", () => {
  let world: World;
  let meetingId: string;

  beforeEach(async () => {
    ({ world, meetingId } = await bookedLeicestershireIcpc());
  });
  afterEach(async () => {
    await world.close();
  });

  it("refuses an invite list from someone who is not the case's SW or TM, audits it, stores nothing", async () => {
    const outsider = "99999999-9999-4999-8999-999999999999";
    const answer = await world.act(outsider, VERBS.submitInviteList, inviteListData(meetingId));
    expect(text(answer)).toMatch(/only the social worker on this case or the team manager/);
    expect(
      await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID),
    ).toBeUndefined();
    const trail = (await world.store.auditOfCase(CASE_ID)).items;
    expect(trail.filter((a) => a.action === "action.refused")).toEqual([
      expect.objectContaining({
        actor: outsider,
        detail: { verb: VERBS.submitInviteList, code: "Forbidden" },
      }),
    ]);
    // The chair is on the case but is not the SW: refused as well.
    const chair = await world.act(
      DEMO_IDS.chair,
      VERBS.submitInviteList,
      inviteListData(meetingId),
    );
    expect(text(chair)).toMatch(/only the social worker/);
  });

  it("refuses a booking from a social worker (clerks book)", async () => {
    const offer = await offerOf(world, meetingId);
    const answer = await world.act(DEMO_IDS.socialWorker, VERBS.book, {
      caseId: CASE_ID,
      meetingId,
      slotId: offer.slots[0]!.id,
    });
    expect(text(answer)).toMatch(/only a clerk can do this/);
  });

  it("re-renders a malformed invite list with the errors on its rows and stores nothing", async () => {
    const data = inviteListData(meetingId);
    data["invitees.3.policeCheckReason"] = "";
    data["invitees.1.email"] = "not an email";
    const answer = await world.act(DEMO_IDS.socialWorker, VERBS.submitInviteList, data);
    expect(answer.kind).toBe("card");
    const shown = text(answer);
    expect(shown).toContain("The police will not run a check without a reason");
    expect(shown).toContain("Enter a valid email address");
    // What was typed is kept.
    expect(JSON.stringify(answer)).toContain("Dr Eli Practitioner");
    expect(
      await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID),
    ).toBeUndefined();
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.milestones["invite-list.complete"]).toBeUndefined();
  });

  it("does the work once when Teams delivers the same invite list twice", async () => {
    await world.act(DEMO_IDS.socialWorker, VERBS.submitInviteList, inviteListData(meetingId));
    const again = await world.act(
      DEMO_IDS.socialWorker,
      VERBS.submitInviteList,
      inviteListData(meetingId),
    );
    expect(text(again)).toContain("Invite list already received");
    await world.runDue();
    const tasks = (await world.store.openTasksOfMeeting(meetingId)).items.map((t) => t.taskType);
    expect(tasks.filter((t) => t === "meeting.send-invites")).toEqual([]);
    const audit = (await world.store.auditOfCase(CASE_ID)).items.filter(
      (a) => a.action === "invite-list.submit",
    );
    expect(audit).toHaveLength(1);
    const familyInvites = ["fran@home.example", "gus@home.example", "hal@law.example"];
    const start = Date.parse("2027-01-29T10:00:00.000Z");
    for (const email of familyInvites) {
      const id = `${meetingId}:invite:${await inviteeIdOf(world, email)}:${start}`;
      const n = await world.store.get("notification", id, id);
      expect(n?.status).toBe("sent");
      expect(n?.attempts).toBe(1);
    }
  });

  it("books a slot past the limit only once the service manager approves, with the rationale kept", async () => {
    // A second case, requested late: its limit leaves the clerk a slot past it.
    const late = await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
      caseId: "case-C-1002",
      meetingKind: "ICPC",
      childIds: "case-C-1002-child-1",
      indexChildId: "case-C-1002-child-1",
      strategyDate: "2027-01-11",
    });
    expect(text(late)).toContain("Conference requested");
    await world.runDue();
    const lateMeeting = "case-C-1002.icpc.2027-01-11";
    const offer = await offerOf(world, lateMeeting);
    const pastLimit = offer.slots.find((s) => !s.withinLimit)!;
    expect(Date.parse(pastLimit.start)).toBeGreaterThan(Date.parse(offer.limitAt));

    // The clerk may not book it as if it were inside the limit.
    const sneaky = await world.act(DEMO_IDS.clerk, VERBS.book, {
      caseId: "case-C-1002",
      meetingId: lateMeeting,
      slotId: pastLimit.id,
    });
    expect(text(sneaky)).toContain("Choose one of the slots offered inside the limit");

    await world.act(DEMO_IDS.clerk, VERBS.bookPastLimit, {
      caseId: "case-C-1002",
      meetingId: lateMeeting,
      pastLimitSlotId: pastLimit.id,
      approverId: DEMO_IDS.serviceManager,
      pastLimitReason: "Chair unavailable; no cover",
    });
    await world.runDue();
    expect((await world.store.get("meeting", lateMeeting, "case-C-1002"))?.status).toBe(
      "requested",
    );
    const approval = world.notifier.sent.find(
      (s) => s.to === DEMO_IDS.serviceManager && s.preview.startsWith("Approval needed"),
    );
    expect(approval).toBeDefined();
    const approve = cardActions(approval!.card).find((a) => a.verb === VERBS.taskApprove)!;

    // Someone else cannot approve; the SM must give a rationale.
    const forged = await world.act(DEMO_IDS.teamManager, VERBS.taskApprove, {
      ...approve.data,
      approvalRationale: "fine",
    });
    expect(text(forged)).toContain("only the approver the clerk chose");
    const noReason = await world.act(DEMO_IDS.serviceManager, VERBS.taskApprove, {
      ...approve.data,
      approvalRationale: "",
    });
    expect(text(noReason)).toMatch(/rationale/);
    expect((await world.store.get("meeting", lateMeeting, "case-C-1002"))?.status).toBe(
      "requested",
    );

    const ok = await world.act(DEMO_IDS.serviceManager, VERBS.taskApprove, {
      ...approve.data,
      approvalRationale: "No chair before the limit; family agreed",
    });
    expect(text(ok)).toContain("Approved");
    await world.runDue();
    const booked = await world.store.get("meeting", lateMeeting, "case-C-1002");
    expect(booked?.status).toBe("booked");
    expect(booked?.start).toBe(pastLimit.start);
    expect(booked?.outOfTimescale).toEqual(
      expect.objectContaining({
        approvedBy: DEMO_IDS.serviceManager,
        reason: "No chair before the limit; family agreed",
      }),
    );
    expect(booked?.outlookEventId).toBeDefined();
  });
});

describe("rebooking", () => {
  it("moves the meeting and its tasks: reminders come for the new date only, once each", async () => {
    const world = await makeWorld({ policy: "leicestershire", start: "2027-01-11T09:00:00.000Z" });
    try {
      const meetingId = await requestAndBook(world, {
        strategy: "2027-01-11",
        requestAt: "2027-01-11T14:00:00.000Z",
        bookAt: "2027-01-12T09:30:00.000Z",
        slotStart: "2027-01-29T10:00:00.000Z",
      });
      // A social worker cannot move it; the clerk can.
      expect(text(await world.say(DEMO_IDS.socialWorker, "rebook C-1001"))).toMatch(/only a clerk/);
      expect(text(await world.say(DEMO_IDS.clerk, "rebook C-1001"))).toMatch(/Finding free slots/);
      await world.runDue();
      const offer = await offerOf(world, meetingId);
      const newSlot = offer.slots.find((s) => s.start === "2027-02-01T10:00:00.000Z")!;
      expect(newSlot.withinLimit).toBe(true);
      await world.act(DEMO_IDS.clerk, VERBS.book, {
        caseId: CASE_ID,
        meetingId,
        slotId: newSlot.id,
      });
      await world.runDue();
      const moved = await world.store.get("meeting", meetingId, CASE_ID);
      expect(moved?.start).toBe("2027-02-01T10:00:00.000Z");
      const joinEarly = await world.store.get("task", `${meetingId}:sw.join-early`, meetingId);
      expect(joinEarly?.dueAt).toBe("2027-02-01T09:45:00.000Z");

      const from = world.notifier.sent.length;
      await world.advanceTo("2027-02-01T12:00:00.000Z");
      const reminders = world.notifier.sent
        .slice(from)
        .filter((s) => s.to === DEMO_IDS.socialWorker && s.preview.startsWith("Reminder"))
        .map((s) => s.at);
      // No invite list here: police-checks.request.best (Tue 19 Jan 16:00)
      // and police-checks.request (Wed 20 Jan 16:00), anchored on the strategy
      // discussion, do not move; report.family and report.chair-clerk 24
      // hours before the new date; sw.join-early 15 minutes before it;
      // nothing at the old date's instants (Thu 28 Jan 10:00, Fri 29 Jan 09:45).
      expect(reminders.sort()).toEqual([
        "2027-01-19T16:00:00.000Z",
        "2027-01-20T16:00:00.000Z",
        "2027-01-31T10:00:00.000Z",
        "2027-01-31T10:00:00.000Z",
        "2027-02-01T09:45:00.000Z",
      ]);
      expect(world.failed).toEqual([]);
    } finally {
      await world.close();
    }
  });
});

async function inviteeIdOf(world: World, email: string): Promise<string> {
  const list = await world.store.get(
    "invite-list",
    `${(await world.store.meetingsOfCase(CASE_ID)).items[0]!.id}:invite-list`,
    CASE_ID,
  );
  const person = list?.invitees.find((i) => i.email === email);
  if (person === undefined) throw new Error(`no invitee ${email}`);
  return person.id;
}

export { CHILD_IDS };

describe("someone without the app in Teams", () => {
  it("gets the escalation by email instead, once, with no child's name", async () => {
    const world = await makeWorld({ policy: "swindon", start: "2027-01-11T09:00:00.000Z" });
    try {
      world.notifier.gone.add(DEMO_IDS.teamManager);
      await requestAndBook(world, {
        strategy: "2027-01-11",
        requestAt: "2027-01-11T14:00:00.000Z",
        bookAt: "2027-01-12T09:30:00.000Z",
        slotStart: "2027-01-29T10:00:00.000Z",
      });
      // No invite list: the TM's reminder (Mon 18 Jan 09:00) and escalation (Tue 19 Jan 09:00).
      await world.advanceTo("2027-01-19T12:00:00.000Z");
      const mails = world.graph!.state.sentMail.filter((m) =>
        m.to.includes("tayo.manager@demo-council.example"),
      );
      expect(mails.length).toBe(3);
      const subjects = mails.map((m) => (m.message as { subject: string }).subject);
      expect(subjects.some((x) => x.startsWith("Convene: Escalation"))).toBe(true);
      expect(JSON.stringify(mails)).not.toMatch(/Alex|Billie/);
      expect(world.failed).toEqual([]);
    } finally {
      await world.close();
    }
  });
});

describe("the outcome", () => {
  it("re-checks the next dates against the timeline, whatever limits the card carried", async () => {
    const world = await makeWorld({ policy: "england", start: "2027-01-11T09:00:00.000Z" });
    try {
      const meetingId = await requestAndBook(world, {
        strategy: "2027-01-11",
        requestAt: "2027-01-11T14:00:00.000Z",
        bookAt: "2027-01-12T09:30:00.000Z",
        slotStart: "2027-01-29T10:00:00.000Z",
      });
      await world.advanceTo("2027-01-29T12:00:00.000Z");
      // A forged card claims a 6-month limit for the first RCPC (it is 3 months: 29 Apr).
      const forged = await world.act(DEMO_IDS.chair, VERBS.recordOutcome, {
        caseId: CASE_ID,
        meetingId,
        meetingDate: "2027-01-29",
        nextRcpcLimit: "2027-07-29",
        coreGroupLimit: "2027-02-12",
        ...decisionsFor(CHILD_IDS, true),
        nextRcpcDate: "2027-06-01",
        nextRcpcTime: "10:00",
        coreGroupDate: "2027-02-09",
      });
      expect(text(forged)).toContain("The next RCPC must be held by Thu 29 Apr 2027");
      expect(cardActions((forged as { card: Record<string, unknown> }).card)).not.toEqual([]);
      expect((await world.store.get("meeting", meetingId, CASE_ID))?.outcome).toBeUndefined();
      // The social worker cannot record an outcome.
      const sw = await world.act(DEMO_IDS.socialWorker, VERBS.recordOutcome, {
        caseId: CASE_ID,
        meetingId,
        meetingDate: "2027-01-29",
        nextRcpcLimit: "2027-04-29",
        ...decisionsFor(CHILD_IDS, false),
      });
      expect(text(sw)).toMatch(/only the chair of this conference/);
    } finally {
      await world.close();
    }
  });
});
