import type { ClosableCalendar } from "../../graph/create-calendar";
import type { Email, EmailResult } from "../../ports";
import { MILESTONES } from "../../workflow/timeline/milestones";
import { cardActions, cardText } from "../fakes/recording-notifier";
import { bookedLeicestershireIcpc, CASE_ID, requestAndBook, submitListAndAccess } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * A send counts only when it was sent. The calendar port answers as
 * graph/classify.ts classifies Graph's answers: 403 (a permission such as
 * Mail.Send withheld) is `rejected`, 429 is `throttled`. The end-to-end run
 * with the permission withheld in the local Graph follows once the local
 * Graph enforces application permissions.
 */
const POLICE = "police-checks@police.example";
const OPS = "convene-operations@demo-council.example";
const SW = DEMO_IDS.socialWorker;
const OWNER = DEMO_IDS.serviceManager;

type Answer = (email: Email) => EmailResult | undefined;

/** The calendar port, with some emails answered as Outlook would answer them. */
function answering(answer: { current: Answer }) {
  return (calendar: ClosableCalendar): ClosableCalendar =>
    Object.assign(Object.create(calendar) as ClosableCalendar, {
      sendEmails: async (from: string, emails: Email[]): Promise<EmailResult[]> => {
        const forced = emails.map((e) => [e, answer.current(e)] as const);
        const through = forced.filter(([, r]) => r === undefined).map(([e]) => e);
        const real = through.length > 0 ? await calendar.sendEmails(from, through) : [];
        return [...real, ...forced.flatMap(([, r]) => (r === undefined ? [] : [r]))];
      },
    });
}

const refuse =
  (to: string, status = 403): Answer =>
  (e) =>
    e.to.email === to ? { id: e.id, outcome: "rejected", httpStatus: status } : undefined;

async function bookedWithList(answer: {
  current: Answer;
}): Promise<{ world: World; meetingId: string }> {
  const booked = await bookedLeicestershireIcpc({ wrapCalendar: answering(answer) });
  await submitListAndAccess(booked.world, booked.meetingId, "2027-01-19T11:00:00.000Z");
  return booked;
}

describe("a refused police-check email (403: Mail.Send withheld)", () => {
  let world: World;
  let meetingId: string;
  const answer: { current: Answer } = { current: refuse(POLICE) };
  beforeAll(async () => {
    ({ world, meetingId } = await bookedWithList(answer));
  });
  afterAll(async () => {
    await world.close();
  });

  it("fails the task at once, with its reason, and records no milestone", async () => {
    const failed = world.failed.filter((f) => f.taskId.includes("police-checks"));
    expect(failed).toHaveLength(1);
    expect(failed[0]?.error).toMatch(/refused/i);
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.milestones[MILESTONES.policeChecksSent]).toBeUndefined();
  });

  it("leaves the chasers on: the deadline still reminds the social worker and the clerks", async () => {
    const open = await world.store.openTasksOfMeeting(meetingId);
    expect(open.items.map((t) => t.taskType)).toContain("police-checks.request");
    const before = world.notifier.sent.length;
    await world.advanceTo("2027-01-20T16:30:00.000Z");
    const chased = world.notifier.sent
      .slice(before)
      .filter((s) => s.at === "2027-01-20T16:00:00.000Z" && /police check/i.test(cardText(s.card)));
    expect(chased.map((s) => s.to)).toEqual(expect.arrayContaining([SW, DEMO_IDS.clerk]));
  });

  it("tells the service owners (one card, one email) and the social worker", async () => {
    const ownerCards = world.notifier.sent.filter(
      (s) => s.to === OWNER && /could not/i.test(s.preview),
    );
    expect(ownerCards).toHaveLength(1);
    const text = cardText(ownerCards[0]!.card);
    expect(text).toMatch(/police check/i);
    expect(text).toContain("C-1001");
    expect(text).toMatch(/refused/i);
    expect(cardActions(ownerCards[0]!.card).map((a) => a.title)).toEqual(
      expect.arrayContaining(["Retry", "Mark handled"]),
    );
    const opsMail = world.graph!.state.sentMail.filter((m) => m.to.includes(OPS));
    expect(opsMail).toHaveLength(1);
    const swCards = world.notifier.sent.filter(
      (s) =>
        s.to === SW &&
        /police check/i.test(cardText(s.card)) &&
        /not been sent|could not/i.test(cardText(s.card)),
    );
    expect(swCards).toHaveLength(1);
    // Plain words for the social worker: no codes or numbers from Outlook.
    expect(cardText(swCards[0]!.card)).not.toMatch(/403|Mail\.|rejected/);
  });

  it("Retry, once the permission is granted, sends it and records the milestone; only a service owner may", async () => {
    const card = world.notifier.sent.find(
      (s) => s.to === OWNER && /could not/i.test(s.preview),
    )!.card;
    const retry = cardActions(card).find((a) => a.title === "Retry")!;
    const refused = await world.act(SW, retry.verb, retry.data);
    expect(cardText((refused as { card: Record<string, unknown> }).card)).toMatch(/can't do this/i);
    answer.current = () => undefined;
    await world.act(OWNER, retry.verb, retry.data);
    await world.runDue();
    expect(world.graph!.state.sentMail.filter((m) => m.to.includes(POLICE))).toHaveLength(1);
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.milestones[MILESTONES.policeChecksSent]).toBeDefined();
    const incident = await world.store.get("incident", String(retry.data.incidentId), "incidents");
    expect(incident).toMatchObject({ status: "retried", closedBy: OWNER });
  });
});

describe("a refused family invitation", () => {
  let world: World;
  let meetingId: string;
  beforeAll(async () => {
    ({ world, meetingId } = await bookedWithList({ current: refuse("fran@home.example", 400) }));
  });
  afterAll(async () => {
    await world.close();
  });

  it("fails the invitations task and does not record the invites as sent", async () => {
    expect(world.failed.map((f) => f.taskId)).toEqual(
      expect.arrayContaining([expect.stringContaining("send-invites")]),
    );
    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.milestones[MILESTONES.invitesSent]).toBeUndefined();
  });
});

describe("transient answers are retried until sent", () => {
  it("retries a throttled email and sends it once", async () => {
    let throttles = 1;
    const answer: { current: Answer } = {
      current: (e) => {
        if (e.to.email !== POLICE || throttles === 0) return undefined;
        throttles -= 1;
        return { id: e.id, outcome: "throttled", httpStatus: 429 };
      },
    };
    const { world, meetingId } = await bookedWithList(answer);
    try {
      expect(world.graph!.state.sentMail.filter((m) => m.to.includes(POLICE))).toHaveLength(0);
      await world.advanceTo("2027-01-19T12:00:00.000Z");
      expect(world.graph!.state.sentMail.filter((m) => m.to.includes(POLICE))).toHaveLength(1);
      const meeting = await world.store.get("meeting", meetingId, CASE_ID);
      expect(meeting?.milestones[MILESTONES.policeChecksSent]).toBeDefined();
      expect(world.failed).toEqual([]);
    } finally {
      await world.close();
    }
  });

  it("retries a throttled Teams card and sends it once (the notifier's failure switch)", async () => {
    const world = await makeWorld({ policy: "leicestershire", start: "2027-01-11T09:00:00.000Z" });
    try {
      world.notifier.failNext(1);
      await requestAndBook(world, {
        strategy: "2027-01-11",
        requestAt: "2027-01-11T14:00:00.000Z",
        bookAt: "2027-01-12T09:30:00.000Z",
        slotStart: "2027-01-29T10:00:00.000Z",
      });
      const clerk = world.notifier.sent.filter((s) => s.preview.startsWith("Please book"));
      expect(clerk).toHaveLength(1);
      // Sent on the retry, a minute after the refusal (the world's backoff).
      expect(clerk[0]?.at).toBe("2027-01-11T14:01:00.000Z");
      expect(world.failed).toEqual([]);
    } finally {
      await world.close();
    }
  });
});
