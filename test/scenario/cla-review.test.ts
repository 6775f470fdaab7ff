import { VERBS } from "../../cards/verbs";
import { demoAuthority } from "../../app/demo/authority";
import type { Case, Meeting } from "../../model";
import { Authority } from "../../workflow/kernel/authority";
import { MILESTONES } from "../../workflow/timeline/milestones";
import type { ActionResponse } from "../../ports";
import { cardText } from "../fakes/recording-notifier";
import { offerOf } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The councils' other procedures: CLA reviews, booked like conferences with an IRO as
 * chair, under swindon (Swindon: the invite-list sequence and the invites with
 * the consultation documents) and virtual-conference (virtual-conference: the IRO alerted
 * when the list is in, minutes on the day, and the review cycle of docs/rules.md, national rules). Real store and scheduler, local Graph, fake clock.
 */
const SW = DEMO_IDS.socialWorker;
const TM = DEMO_IDS.teamManager;
const SM = DEMO_IDS.serviceManager;
const CLERK = DEMO_IDS.clerk;
const IRO = "cccccccc-cccc-4ccc-8ccc-cccccccccccc";

/**
 * The demo council plus an IRO of its own (staff are configuration, never
 * code); the demo's chair, who is also its IRO, chairs conferences only here.
 */
function claAuthority(policy: string): Authority {
  const demo = demoAuthority(policy);
  return Authority.parse({
    ...demo,
    staff: [
      ...demo.staff.map((s) =>
        s.roles.includes("iro") ? { ...s, roles: s.roles.filter((r) => r !== "iro") } : s,
      ),
      {
        entraObjectId: IRO,
        name: "Indra Reviewing",
        email: "indra.reviewing@demo-council.example",
        roles: ["iro"],
      },
    ],
  });
}

async function lookedAfterCase(
  world: World,
  reference: string,
  lookedAfterSince: string,
): Promise<Case> {
  const id = `case-${reference}`;
  const kase: Case = {
    ...(world.cases[0] as Case),
    id,
    pk: id,
    reference,
    children: [{ id: `${id}-child-1`, name: "Robin Example", dob: "2012-03-04", lookedAfterSince }],
    indexChildId: `${id}-child-1`,
  };
  delete (kase as { etag?: string }).etag;
  return world.store.create(kase);
}

/** A CLA review's invite list: a teacher, the carer, the mother, the young person, a solicitor. */
function claListData(caseId: string, meetingId: string): Record<string, unknown> {
  const rows = [
    {
      name: "Tess Teacher",
      role: "Designated teacher",
      agency: "Education",
      email: "tess.teacher@school.example",
      relation: "professional",
    },
    { name: "Cal Carer", role: "Foster carer", email: "cal@carers.example", relation: "family" },
    { name: "Mo Example", role: "Mother", email: "mo@home.example", relation: "family" },
    { name: "Robin", role: "Young person", email: "robin@home.example", relation: "family" },
    {
      name: "Sol Icitor",
      role: "Solicitor for the mother",
      email: "sol@law.example",
      relation: "legal-representative",
    },
  ];
  const data: Record<string, unknown> = { caseId, meetingId };
  rows.forEach((row, i) => {
    for (const [k, v] of Object.entries(row)) data[`invitees.${i}.${k}`] = v;
    data[`invitees.${i}.policeCheck`] = "false";
  });
  return data;
}

const text = (r: ActionResponse): string =>
  r.kind === "card" ? cardText(r.card) : r.kind === "message" ? r.text : "";

async function book(world: World, kase: Case, meetingId: string, slotStart: string) {
  const offer = await offerOf(world, meetingId);
  const slot = offer.slots.find((s) => s.start === slotStart);
  if (slot === undefined)
    throw new Error(
      `slot ${slotStart} not offered: ${JSON.stringify(offer.slots.map((s) => s.start))}`,
    );
  const answer = await world.act(CLERK, VERBS.book, {
    caseId: kase.id,
    meetingId,
    slotId: slot.id,
    inPerson: "false",
  });
  expect(text(answer)).not.toMatch(/can't/);
  await world.runDue();
}

/** Reminders and escalations about one case: [at, to, kind]. */
function alerts(world: World, reference: string): string[] {
  return world.notifier.sent
    .filter((s) => s.preview.endsWith(`for case ${reference}`))
    .filter((s) => /^(Reminder|Escalation):/.test(s.preview))
    .map((s) => [s.at, s.to, s.preview.split(":")[0]].join("|"))
    .sort();
}

const mailTo = (world: World, email: string) =>
  world.graph!.state.sentMail.filter((m) => m.to.includes(email));

const subjectOf = (mail: { message: unknown }): string =>
  (mail.message as { subject: string }).subject;

describe("CLA reviews under swindon", () => {
  let world: World;
  let early: Case;
  let late: Case;
  const reviewId = (kase: Case) => `${kase.id}.cla.3.2026-10-16`;

  /**
   * Two children's third reviews (the previous on Fri 16 Oct 2026, so
   * cla.next.latest is Fri 16 Apr 2027), both requested Mon 1 Mar and booked
   * for Tue 13 Apr (10:00 and 14:00 BST). Their sequence, in the Easter
   * bank holiday week: the list asked for 5 weeks before (Tue 9 Mar 09:00),
   * the escalation 20 days before (Wed 24 Mar 09:00), the list due 16 days
   * before and the invites with the consultation documents 15 days before
   * (Sun 28 Mar and Easter Monday 29 Mar; Fri 26 Mar is Good Friday: both
   * move back to Thu 25 Mar, the invites at 09:00, the deadlines at 17:00).
   * L-1's list comes early (Tue 23 Mar); L-2's only on Wed 31 Mar.
   */
  beforeAll(async () => {
    world = await makeWorld({
      policy: "swindon",
      start: "2027-03-01T09:00:00.000Z",
      authority: claAuthority("swindon"),
    });
    early = await lookedAfterCase(world, "L-1", "2024-05-01");
    late = await lookedAfterCase(world, "L-2", "2024-05-01");
    for (const kase of [early, late]) {
      const answer = await world.act(SW, VERBS.requestClaReview, {
        caseId: kase.id,
        childIds: kase.children[0]!.id,
        reviewNumber: "3",
        previousReviewDate: "2026-10-16",
      });
      expect(text(answer)).toContain("CLA review requested");
      expect(text(answer)).toContain("Fri 16 Apr 2027");
    }
    await world.runDue();
    await world.advanceTo("2027-03-01T09:30:00.000Z");
    await book(world, early, reviewId(early), "2027-04-13T09:00:00.000Z");
    await book(world, late, reviewId(late), "2027-04-13T13:00:00.000Z");
  });
  afterAll(async () => {
    await world.close();
  });

  it("is a review chaired by the IRO, with the limit of a later review, offered once to the clerk", async () => {
    const meeting = (await world.store.get("meeting", reviewId(early), early.id)) as Meeting;
    expect(meeting).toEqual(
      expect.objectContaining({
        kind: "CLA",
        status: "booked",
        reviewNumber: 3,
        anchors: { previous: "2026-10-16" },
        chair: expect.objectContaining({ entraObjectId: IRO }),
      }),
    );
    expect(meeting.offer?.limitRule).toBe("cla.next.latest");
    expect(meeting.offer?.limitAt).toBe("2027-04-16T16:00:00.000Z");
    const offers = world.notifier.sent.filter(
      (s) => s.to === CLERK && s.preview === "Please book the CLA for case L-1",
    );
    expect(offers).toHaveLength(1);
    // The cards speak of a review, never a conference.
    expect(cardText(offers[0]!.card)).toContain("Book the CLA review");
    const confirm = world.notifier.sent.find(
      (s) => s.to === IRO && s.preview === "CLA booked for case L-1: please confirm",
    );
    expect(cardText(confirm!.card)).toContain("Please confirm: CLA review on");
    const inviteCard = world.notifier.sent.find(
      (s) => s.to === SW && s.preview === "Invite list needed for case L-1",
    );
    expect(cardText(inviteCard!.card)).toContain("Invite list: CLA review");
    // The Outlook event: Swindon rule 14's subject, the IRO invited.
    const event = [...world.graph!.state.events.values()].find((e) =>
      JSON.stringify(e).includes("case L-1"),
    );
    expect(JSON.stringify(event)).toContain("URGENT CLA/CP: Looked-after child review (CLA)");
    expect(JSON.stringify(event)).toContain("indra.reviewing@demo-council.example");
  });

  it("holds the invites until 15 days before, however early the list comes", async () => {
    await world.advanceTo("2027-03-23T11:00:00.000Z");
    const answer = await world.act(
      SW,
      VERBS.submitInviteList,
      claListData(early.id, reviewId(early)),
    );
    expect(text(answer)).toContain("Invite list received");
    await world.runDue();
    expect(mailTo(world, "cal@carers.example")).toHaveLength(0);
    const meeting = await world.store.get("meeting", reviewId(early), early.id);
    expect(meeting?.milestones[MILESTONES.invitesSent]).toBeUndefined();
  });

  it("sends the invites and one consultation form per family invitee on the day, once each", async () => {
    await world.advanceTo("2027-03-25T09:00:00.000Z");
    const forms: Record<string, string> = {
      "cal@carers.example": "cla-consultation-carer-L-1-review-3.txt",
      "mo@home.example": "cla-consultation-parent-L-1-review-3.txt",
      "robin@home.example": "cla-consultation-child-L-1-review-3.txt",
    };
    for (const [email, file] of Object.entries(forms)) {
      const mails = mailTo(world, email);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual([email]);
      expect(mails[0]!.attachments.map((a) => a.name)).toEqual([file]);
      expect(subjectOf(mails[0]!)).toMatch(/^Invitation: looked-after child review/);
      const form = mails[0]!.attachments[0]!.content.toString("utf8");
      expect(form).toContain("Case reference: L-1");
      expect(form).not.toMatch(/Robin|Example/);
    }
    expect(
      mailTo(world, "robin@home.example")[0]!.attachments[0]!.content.toString("utf8"),
    ).toContain("Your review: what you think");
    // The solicitor is invited, without a consultation form (Swindon names children, carers, parents).
    const solicitor = mailTo(world, "sol@law.example");
    expect(solicitor).toHaveLength(1);
    expect(solicitor[0]!.attachments).toEqual([]);
    // The teacher is an attendee of the Outlook event, not emailed.
    expect(mailTo(world, "tess.teacher@school.example")).toHaveLength(0);
    const sentAt = (await world.store.get("meeting", reviewId(early), early.id))?.milestones[
      MILESTONES.invitesSent
    ];
    expect(sentAt?.at).toBe("2027-03-25T09:00:00.000Z");
  });

  it("sends a late list's invites at once, after the clerk's reminder", async () => {
    await world.advanceTo("2027-03-31T10:00:00.000Z");
    expect(mailTo(world, "cal@carers.example")).toHaveLength(1);
    await world.act(SW, VERBS.submitInviteList, claListData(late.id, reviewId(late)));
    await world.runDue();
    // The same people are on both lists: L-1's emails and now L-2's.
    const carer = mailTo(world, "cal@carers.example");
    expect(carer).toHaveLength(2);
    expect(carer[1]!.attachments.map((a) => a.name)).toEqual([
      "cla-consultation-carer-L-2-review-3.txt",
    ]);
  });

  it("reminds and escalates as Swindon says, each once, only while the list is missing", async () => {
    await world.advanceTo("2027-04-20T12:00:00.000Z");
    expect(alerts(world, "L-1")).toEqual(
      [
        ["2027-03-09T09:00:00.000Z", SW, "Reminder"],
        ["2027-03-09T09:00:00.000Z", TM, "Reminder"],
      ]
        .map((x) => x.join("|"))
        .sort(),
    );
    expect(alerts(world, "L-2")).toEqual(
      [
        ["2027-03-09T09:00:00.000Z", SW, "Reminder"],
        ["2027-03-09T09:00:00.000Z", TM, "Reminder"],
        ["2027-03-24T09:00:00.000Z", TM, "Escalation"],
        ["2027-03-24T09:00:00.000Z", SM, "Escalation"],
        ["2027-03-25T17:00:00.000Z", SW, "Reminder"],
        ["2027-03-25T17:00:00.000Z", CLERK, "Reminder"],
      ]
        .map((x) => x.join("|"))
        .sort(),
    );
    // The IRO's brief, the working day before.
    const briefs = world.notifier.sent.filter((s) => s.to === IRO && s.preview.startsWith("Brief"));
    expect(briefs.map((b) => [b.at, b.preview])).toEqual([
      ["2027-04-12T08:00:00.000Z", "Brief for the CLA of case L-1"],
      ["2027-04-12T08:00:00.000Z", "Brief for the CLA of case L-2"],
    ]);
    expect(world.failed).toEqual([]);
  });

  it("never names the child in a preview, a subject, a file name or a log line", () => {
    for (const s of world.notifier.sent) expect(s.preview).not.toMatch(/Robin|Example/);
    for (const m of world.graph!.state.sentMail) {
      expect(subjectOf(m)).not.toMatch(/Robin|Example/);
      for (const a of m.attachments) expect(a.name).not.toMatch(/Robin|Example/);
    }
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/Robin|Example/);
  });
});

describe("CLA reviews under virtual-conference and the review cycle", () => {
  let world: World;
  let kase: Case;
  const first = "case-L-3.cla.1.2027-01-04";
  const second = "case-L-3.cla.2.2027-01-26";
  const third = "case-L-3.cla.3.2027-04-19";

  /**
   * Robin became looked after Mon 4 Jan 2027: the first review must be held
   * by Mon 1 Feb (20 working days). Booked Tue 26 Jan 10:00; the list comes
   * Mon 18 Jan (virtual-conference: by Tue 19 Jan); the IRO records the minutes at noon on
   * the day. The second review (by Mon 26 Apr, 3 months) is booked Mon 19
   * Apr 10:00 BST; its list never comes and its minutes come the morning
   * after; the third is then due within 6 months (Tue 19 Oct).
   */
  beforeAll(async () => {
    world = await makeWorld({
      policy: "virtual-conference",
      start: "2027-01-05T10:00:00.000Z",
      authority: claAuthority("virtual-conference"),
    });
    kase = await lookedAfterCase(world, "L-3", "2027-01-04");
  });
  afterAll(async () => {
    await world.close();
  });

  it("refuses a review for a case with no looked-after date, and an impossible date, storing nothing", async () => {
    const chat = await world.say(SW, "review C-1001");
    expect(text(chat)).toMatch(/No child on case C-1001 has a looked-after date/);
    const forged = await world.act(SW, VERBS.requestClaReview, {
      caseId: "case-C-1001",
      childIds: "case-C-1001-child-1",
      reviewNumber: "1",
    });
    expect(text(forged)).toMatch(/has a looked-after date/);
    const impossible = await world.act(SW, VERBS.requestClaReview, {
      caseId: kase.id,
      childIds: kase.children[0]!.id,
      reviewNumber: "2",
      previousReviewDate: "2027-02-30",
    });
    expect(text(impossible)).toContain("Enter the previous review's date as a real date");
    const before = await world.act(SW, VERBS.requestClaReview, {
      caseId: kase.id,
      childIds: kase.children[0]!.id,
      reviewNumber: "2",
      previousReviewDate: "2026-12-01",
    });
    expect(text(before)).toContain("must be after the child became looked after");
    const outsider = await world.act(CLERK, VERBS.requestClaReview, {
      caseId: kase.id,
      childIds: kase.children[0]!.id,
      reviewNumber: "1",
    });
    expect(text(outsider)).toMatch(/only the social worker on this case/);
    expect((await world.store.meetingsOfCase(kase.id)).items).toEqual([]);
    expect((await world.store.meetingsOfCase("case-C-1001")).items).toEqual([]);
  });

  it("requests the first review from chat and card, limit 20 working days after becoming looked after", async () => {
    const chat = await world.say(SW, "review L-3");
    expect(text(chat)).toContain("Request a looked-after child (CLA) review");
    expect(text(chat)).toContain("Robin (looked after since");
    const answer = await world.act(SW, VERBS.requestClaReview, {
      caseId: kase.id,
      childIds: kase.children[0]!.id,
      reviewNumber: "1",
    });
    expect(text(answer)).toContain("Mon 1 Feb 2027");
    const again = await world.act(SW, VERBS.requestClaReview, {
      caseId: kase.id,
      childIds: kase.children[0]!.id,
      reviewNumber: "",
    });
    expect(text(again)).toContain("Already requested");
    await world.runDue();
    const meeting = await world.store.get("meeting", first, kase.id);
    expect(meeting?.offer).toEqual(
      expect.objectContaining({
        limitRule: "cla.first.latest",
        limitAt: "2027-02-01T17:00:00.000Z",
      }),
    );
    await book(world, kase, first, "2027-01-26T10:00:00.000Z");
  });

  it("alerts the IRO once when the list is in, and sends the invites at once, without forms", async () => {
    await world.advanceTo("2027-01-18T11:00:00.000Z");
    await world.act(SW, VERBS.submitInviteList, claListData(kase.id, first));
    await world.act(SW, VERBS.submitInviteList, claListData(kase.id, first));
    await world.runDue();
    const alertsToIro = world.notifier.sent.filter(
      (s) => s.to === IRO && s.preview === "CLA review invite list in for case L-3",
    );
    expect(alertsToIro.map((s) => s.at)).toEqual(["2027-01-18T11:00:00.000Z"]);
    expect(cardText(alertsToIro[0]!.card)).toContain("gather their views");
    const carer = mailTo(world, "cal@carers.example");
    expect(carer).toHaveLength(1);
    expect(carer[0]!.attachments).toEqual([]);
    expect(subjectOf(carer[0]!)).toMatch(/^Invitation: looked-after child review/);
  });

  it("refuses minutes from anyone but the IRO, and before the review has started", async () => {
    const data = {
      caseId: kase.id,
      meetingId: first,
      minutesRecorded: "true",
      sharingTasked: "true",
    };
    const early = await world.act(IRO, VERBS.recordClaMinutes, data);
    expect(text(early)).toContain("once the review has started");
    await world.advanceTo("2027-01-26T12:00:00.000Z");
    const forged = await world.act(SW, VERBS.recordClaMinutes, data);
    expect(text(forged)).toContain("only the IRO of this review can record its minutes");
    const chair = await world.act(DEMO_IDS.chair, VERBS.recordClaMinutes, data);
    expect(text(chair)).toContain("only the IRO of this review");
    const trail = (await world.store.auditOfCase(kase.id)).items;
    // The clerk's refused request earlier, then the SW's and the CP chair's minutes.
    expect(
      trail
        .filter((a) => a.action === "action.refused")
        .map((a) => `${a.actor}:${String(a.detail?.verb)}`)
        .sort(),
    ).toEqual(
      [
        `${CLERK}:${VERBS.requestClaReview}`,
        `${SW}:${VERBS.recordClaMinutes}`,
        `${DEMO_IDS.chair}:${VERBS.recordClaMinutes}`,
      ].sort(),
    );
    const meeting = await world.store.get("meeting", first, kase.id);
    expect(meeting?.milestones[MILESTONES.outcomeRecorded]).toBeUndefined();
    expect(await world.store.get("meeting", second, kase.id)).toBeUndefined();
  });

  it("records the minutes on the day; the second review is requested within 3 months, once", async () => {
    const card = await world.say(IRO, "minutes L-3");
    expect(text(card)).toContain("Minutes and recommendations: CLA review");
    expect(text(card)).toContain("Next review by | Mon 26 Apr 2027");
    const unticked = await world.act(IRO, VERBS.recordClaMinutes, {
      caseId: kase.id,
      meetingId: first,
      minutesRecorded: "true",
      sharingTasked: "false",
    });
    expect(text(unticked)).toContain("Confirm the minutes are tasked to be shared");
    const data = {
      caseId: kase.id,
      meetingId: first,
      minutesRecorded: "true",
      sharingTasked: "true",
    };
    const answer = await world.act(IRO, VERBS.recordClaMinutes, data);
    expect(text(answer)).toContain("Minutes recorded");
    expect(text(answer)).toContain("Mon 26 Apr 2027");
    const twice = await world.act(IRO, VERBS.recordClaMinutes, data);
    expect(text(twice)).toContain("Minutes already recorded");
    await world.runDue();
    const held = await world.store.get("meeting", first, kase.id);
    expect(held?.status).toBe("outcome-recorded");
    const next = await world.store.get("meeting", second, kase.id);
    expect(next).toEqual(
      expect.objectContaining({
        kind: "CLA",
        status: "requested",
        reviewNumber: 2,
        anchors: { previous: "2027-01-26" },
        chair: expect.objectContaining({ entraObjectId: IRO }),
      }),
    );
    expect(next?.offer).toEqual(
      expect.objectContaining({
        limitRule: "cla.second.latest",
        limitAt: "2027-04-26T16:00:00.000Z",
      }),
    );
  });

  it("chases the list and the minutes of the second review, and asks for the third within 6 months", async () => {
    await world.advanceTo("2027-03-31T09:00:00.000Z");
    await book(world, kase, second, "2027-04-19T09:00:00.000Z");
    await world.advanceTo("2027-04-20T09:00:00.000Z");
    await world.act(IRO, VERBS.recordClaMinutes, {
      caseId: kase.id,
      meetingId: second,
      minutesRecorded: "true",
      sharingTasked: "true",
    });
    await world.runDue();
    const next = await world.store.get("meeting", third, kase.id);
    expect(next?.reviewNumber).toBe(3);
    expect(next?.offer).toEqual(
      expect.objectContaining({
        limitRule: "cla.next.latest",
        limitAt: "2027-10-19T16:00:00.000Z",
      }),
    );
    await world.advanceTo("2027-05-10T09:00:00.000Z");
    // Virtual-conference: the list 5 working days before (Mon 12 Apr, end of business) to
    // the SW; the minutes on the day (Mon 19 Apr 17:00 BST) to the IRO. The
    // first review's were done in time: nothing was sent for it.
    expect(alerts(world, "L-3")).toEqual(
      [
        ["2027-04-12T16:00:00.000Z", SW, "Reminder"],
        ["2027-04-19T16:00:00.000Z", IRO, "Reminder"],
      ]
        .map((x) => x.join("|"))
        .sort(),
    );
    // Each review offered to the clerk exactly once.
    const offers = world.notifier.sent.filter(
      (s) => s.to === CLERK && s.preview === "Please book the CLA for case L-3",
    );
    expect(offers.map((s) => s.at)).toEqual([
      "2027-01-05T10:00:00.000Z",
      "2027-01-26T12:00:00.000Z",
      "2027-04-20T09:00:00.000Z",
    ]);
    expect(world.failed).toEqual([]);
  });
});
