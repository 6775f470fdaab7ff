import { VERBS } from "../../cards/verbs";
import { demoAuthority } from "../../app/demo/authority";
import { Authority } from "../../workflow/kernel/authority";
import { qaNoticeCounts } from "../../workflow/after-meeting/qa-counts";
import { MILESTONES } from "../../workflow/timeline/milestones";
import { cardText } from "../fakes/recording-notifier";
import { CASE_ID, CHILD_IDS, decisionsFor, requestAndBook, submitListAndAccess } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The councils' other procedures under `leicestershire` (Leicestershire's plan sign-off and
 * record deadlines) with the fake clock: the ICPC of icpc-journey.test.ts
 * (strategy discussion Mon 11 Jan 2027, held Fri 29 Jan 10:00, a plan for
 * neglect recorded at 12:00); then the decisions to everyone once (virtual-conference),
 * the CP register (virtual-conference, West Sussex), the chair's sign-off and record, the clerk's
 * distribution, a QA notice counted per team (West Sussex), a consultation
 * and a re-referral that books a case mapping (chair-consultation).
 */
const SW = DEMO_IDS.socialWorker;
const TM = DEMO_IDS.teamManager;
const SM = DEMO_IDS.serviceManager;
const CHAIR = DEMO_IDS.chair;
const CLERK = DEMO_IDS.clerk;

const authority = Authority.parse({
  ...demoAuthority("leicestershire"),
  staff: demoAuthority("leicestershire").staff.map((s) =>
    s.entraObjectId === SW ? { ...s, team: "North Locality" } : s,
  ),
});

const OUTCOME = {
  caseId: CASE_ID,
  meetingId: "",
  meetingDate: "2027-01-29",
  nextRcpcLimit: "2027-04-29",
  coreGroupLimit: "2027-02-12",
  ...decisionsFor(CHILD_IDS, true),
  nextRcpcDate: "2027-04-20",
  nextRcpcTime: "10:00",
  coreGroupDate: "2027-02-09",
};

const FAMILY_AND_AGENCIES = [
  "dana.officer@police.example",
  "eli.gp@nhs.example",
  "fran@home.example",
  "gus@home.example",
  "hal@law.example",
];

describe("after the meeting and chair consultation, leicestershire", () => {
  let world: World;
  let meetingId: string;
  const ids = () => ({ caseId: CASE_ID, meetingId });
  const text = (r: unknown) => cardText((r as { card: Record<string, unknown> }).card);
  const sentTo = (who: string, prefix: string) =>
    world.notifier.sent.filter((s) => s.to === who && s.preview.startsWith(prefix));
  const decisionsMail = () =>
    world.graph!.state.sentMail.filter((m) =>
      JSON.stringify(m.message).includes("Conference decisions"),
    );

  beforeAll(async () => {
    world = await makeWorld({
      policy: "leicestershire",
      start: "2027-01-11T09:00:00.000Z",
      authority,
    });
    meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
    await submitListAndAccess(world, meetingId, "2027-01-19T11:00:00.000Z");
    await world.advanceTo("2027-01-29T12:00:00.000Z");
  });
  afterAll(async () => {
    await world.close();
  });

  it("a first ICPC is no re-referral: no case mapping is asked for", () => {
    expect(world.notifier.sent.filter((s) => s.preview.startsWith("Re-referral"))).toEqual([]);
  });

  it("the outcome sends the decisions to every attendee once: staff by card, others by their own email", async () => {
    const answer = await world.act(CHAIR, VERBS.recordOutcome, { ...OUTCOME, meetingId });
    expect(text(answer)).toContain("Outcome recorded");
    expect(text(answer)).toContain("2 added, 0 removed");
    await world.runDue();
    expect(sentTo(SW, "Decisions: ICPC for case C-1001").map((s) => s.at)).toEqual([
      "2027-01-29T12:00:00.000Z",
    ]);
    const chairCopy = sentTo(CHAIR, "Decisions sent: ICPC for case C-1001");
    expect(chairCopy).toHaveLength(1);
    const seen = cardText(chairCopy[0]!.card);
    for (const name of ["Sam Social", "PC Dana Officer (Police)", "Fran Example", "Hal Solicitor"])
      expect(seen).toContain(name);
    expect(sentTo(CHAIR, "Decisions: ")).toEqual([]);

    const mails = decisionsMail();
    expect(mails.map((m) => m.to).sort()).toEqual(FAMILY_AND_AGENCIES.map((e) => [e]).sort());
    for (const m of mails) expect(m.cc).toEqual([]);
    // The mother's email names nobody else of the family, and no child.
    const fran = JSON.stringify(mails.find((m) => m.to.includes("fran@home.example"))?.message);
    expect(fran).toContain("Dear Fran Example");
    expect(fran).toContain("child protection plan (category: neglect)");
    expect(fran).not.toMatch(/Gus|gus@|Hal|hal@|Alex|Billie/);

    const meeting = await world.store.get("meeting", meetingId, CASE_ID);
    expect(meeting?.milestones[MILESTONES.decisionsDistributed]).toBeDefined();
  });

  it("updates the CP register and the children's plans, once, however often the outcome is recorded", async () => {
    const again = await world.act(CHAIR, VERBS.recordOutcome, { ...OUTCOME, meetingId });
    expect(text(again)).toContain("Outcome already recorded");
    await world.runDue();
    const entries = (await world.store.listAll("register-entry")).items;
    expect(entries.map((e) => [e.childId, e.change, e.category, e.meetingId]).sort()).toEqual(
      CHILD_IDS.split(",").map((c) => [c, "added", "neglect", meetingId]),
    );
    const kase = await world.store.get("case", CASE_ID, CASE_ID);
    for (const child of kase!.children)
      expect(child.planHistory).toEqual([{ start: "2027-01-29" }]);
    // Decisions were not sent a second time.
    expect(sentTo(SW, "Decisions:")).toHaveLength(1);
    expect(decisionsMail()).toHaveLength(FAMILY_AND_AGENCIES.length);
    const audit = (await world.store.auditOfCase(CASE_ID)).items;
    expect(audit.filter((a) => a.action === "register.change")).toHaveLength(2);
  });

  it("the plan sign-off is the chair's; once recorded, plan.sign-off chases nobody", async () => {
    world.setClock("2027-02-02T10:00:00.000Z");
    const forged = await world.act(SW, VERBS.planSignedOff, ids());
    expect(text(forged)).toContain("only the chair of this conference can do this");
    expect(
      (await world.store.get("meeting", meetingId, CASE_ID))?.milestones[MILESTONES.planSignedOff],
    ).toBeUndefined();
    const signed = await world.act(CHAIR, VERBS.planSignedOff, ids());
    expect(text(signed)).toMatch(/Plan signed off.*Done Tue 2 Feb 2027/s);
    await world.advanceTo("2027-02-08T09:00:00.000Z");
    expect(
      world.notifier.sent.filter(
        (s) =>
          s.to === CHAIR && s.at === "2027-02-05T17:00:00.000Z" && s.preview.startsWith("Reminder"),
      ),
    ).toEqual([]);
  });

  it("the chair checks the record, the clerk is tasked to distribute it, and record.available stops", async () => {
    world.setClock("2027-02-10T11:00:00.000Z");
    const early = await world.act(CLERK, VERBS.recordDistributed, ids());
    expect(text(early)).toContain("The chair has not checked the record yet");
    const checked = await world.act(CHAIR, VERBS.recordAvailable, ids());
    expect(text(checked)).toContain("with the clerk to distribute");
    await world.runDue();
    const asked = sentTo(CLERK, "Record to distribute: ICPC for case C-1001");
    expect(asked.map((s) => s.at)).toEqual(["2027-02-10T11:00:00.000Z"]);
    const forged = await world.act(CHAIR, VERBS.recordDistributed, ids());
    expect(text(forged)).toContain("only a clerk can do this");
    const done = await world.act(CLERK, VERBS.recordDistributed, ids());
    expect(text(done)).toContain("Distributed Wed 10 Feb 2027");
    await world.advanceTo("2027-02-22T09:00:00.000Z");
    expect(
      world.notifier.sent.filter(
        (s) => s.at === "2027-02-19T17:00:00.000Z" && s.preview.startsWith("Reminder"),
      ),
    ).toEqual([]);
    const audit = (await world.store.auditOfCase(CASE_ID)).items.map((a) => a.action);
    expect(audit).toEqual(
      expect.arrayContaining(["plan.signed-off", "record.available", "record.distributed"]),
    );
  });

  it("QA notices: the chair's only, to the people West Sussex names, counted per team", async () => {
    world.setClock("2027-02-22T10:00:00.000Z");
    const card = await world.say(CHAIR, "qa C-1001");
    expect(text(card)).toContain("Quality assurance notice");
    const refused = await world.say(SW, "qa C-1001");
    expect(text(refused)).toContain("only the chair");
    const forged = await world.act(SW, VERBS.sendQaNotice, {
      ...ids(),
      kind: "good-practice",
      text: "Excellent report",
    });
    expect(text(forged)).toContain("only the chair");
    const bad = await world.act(CHAIR, VERBS.sendQaNotice, { ...ids(), kind: "praise", text: "" });
    expect(text(bad)).toContain("Say what the notice is about");
    expect((await world.store.listAll("qa-notice")).items).toEqual([]);

    await world.act(
      CHAIR,
      VERBS.sendQaNotice,
      { ...ids(), kind: "dispute-resolution", text: "The chronology has not been updated" },
      "activity-qa-1",
    );
    await world.act(
      CHAIR,
      VERBS.sendQaNotice,
      { ...ids(), kind: "good-practice", text: "A clear, well-evidenced report" },
      "activity-qa-2",
    );
    // Teams retries an invoke: the same notice, stored and sent once.
    await world.act(
      CHAIR,
      VERBS.sendQaNotice,
      { ...ids(), kind: "good-practice", text: "A clear, well-evidenced report" },
      "activity-qa-2",
    );
    await world.runDue();
    const alerts = world.notifier.sent.filter((s) =>
      s.preview.startsWith("Informal dispute resolution alert: case C-1001"),
    );
    expect(alerts.map((s) => s.to).sort()).toEqual([SW, TM, SM].sort());
    const praise = world.notifier.sent.filter((s) =>
      s.preview.startsWith("Recognition of good practice: case C-1001"),
    );
    // The SM is also the demo's QA manager (the CPA team manager): one card.
    expect(praise.map((s) => s.to).sort()).toEqual([SW, TM, SM].sort());
    expect(await qaNoticeCounts(world.store)).toEqual([
      { team: "North Locality", goodPractice: 1, disputeResolution: 1 },
    ]);
  });

  it("records a CP chair's consultation (chair-consultation); anyone else is refused", async () => {
    const card = await world.say(CHAIR, "consultation C-1002");
    expect(text(card)).toContain("Record a CP chair consultation");
    expect(text(await world.say(SW, "consultation C-1002"))).toContain(
      "only a CP chair can record a consultation",
    );
    const data = {
      caseId: "case-C-1002",
      on: "2027-02-19",
      stage: "strategy-discussion",
      managerId: TM,
      advice: "Evidence of the s47 work is thin: gather the school's view first.",
    };
    expect(text(await world.act(SW, VERBS.recordConsultation, data))).toContain("only a CP chair");
    expect(
      text(await world.act(CHAIR, VERBS.recordConsultation, { ...data, managerId: CLERK })),
    ).toContain("Choose the case's team manager or service manager");
    const done = await world.act(CHAIR, VERBS.recordConsultation, data);
    expect(text(done)).toContain("Consultation recorded");
    expect(text(await world.act(CHAIR, VERBS.recordConsultation, data))).toContain(
      "already recorded",
    );
    const stored = (await world.store.listAll("consultation")).items;
    expect(stored.map((c) => [c.caseId, c.chairId, c.managerId, c.on])).toEqual([
      ["case-C-1002", CHAIR, TM, "2027-02-19"],
    ]);
    const audit = (await world.store.auditOfCase("case-C-1002")).items.map((a) => a.action);
    expect(audit.filter((a) => a === "consultation.recorded")).toHaveLength(1);
    expect(JSON.stringify(world.logger.lines)).not.toContain("school's view");
  });

  it("a re-referral for an ICPC books a case mapping with the service manager (chair-consultation)", async () => {
    world.setClock("2027-03-01T14:00:00.000Z");
    await world.act(SW, VERBS.requestConference, {
      caseId: CASE_ID,
      meetingKind: "ICPC",
      childIds: CHILD_IDS,
      indexChildId: `${CASE_ID}-child-1`,
      strategyDate: "2027-03-01",
    });
    await world.runDue();
    const asked = world.notifier.sent.filter((s) =>
      s.preview.startsWith("Re-referral: case mapping for case C-1001"),
    );
    expect(asked.map((s) => s.to).sort()).toEqual([CLERK, SM, TM].sort());
    expect(cardText(asked[0]!.card)).toContain("an earlier ICPC was held on Fri 29 Jan 2027");
    const second = `${CASE_ID}.icpc.2027-03-01`;
    const forged = await world.act(SW, VERBS.reReferralMappingHeld, {
      caseId: CASE_ID,
      meetingId: second,
      heldOn: "2027-03-01",
    });
    expect(text(forged)).toContain("only");
    world.setClock("2027-03-03T15:00:00.000Z");
    const held = await world.act(SM, VERBS.reReferralMappingHeld, {
      caseId: CASE_ID,
      meetingId: second,
      heldOn: "2027-03-03",
    });
    expect(text(held)).toContain("Case mapping held Wed 3 Mar 2027");
    await world.act(SM, VERBS.reReferralMappingHeld, {
      caseId: CASE_ID,
      meetingId: second,
      heldOn: "2027-03-03",
    });
    const kase = await world.store.get("case", CASE_ID, CASE_ID);
    expect(kase?.mappings).toEqual([{ on: "2027-03-03", chairId: SM, kind: "new" }]);
    expect(world.failed).toEqual([]);
  });

  it("never names a child in a preview or a log line", () => {
    for (const s of world.notifier.sent) expect(s.preview).not.toMatch(/Alex|Billie|Charlie/);
    expect(JSON.stringify(world.logger.lines)).not.toMatch(/Alex|Billie|Charlie|Fran|chronology/);
  });
});
