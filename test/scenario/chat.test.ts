import { VERBS } from "../../cards/verbs";
import { rotaId, rotaPk } from "../../model";
import type { ActionResponse } from "../../ports";
import { cardActions, cardText } from "../fakes/recording-notifier";
import { CASE_ID, corrupt, requestAndBook } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The chat that answers: "hi" and "help" per role, a case reference (or a
 * near miss of one) offers that case's actions, reading changes nothing, and
 * anything else is told in one line how to get help.
 */
const text = (r: ActionResponse): string => (r.kind === "card" ? cardText(r.card) : r.text);
const says = (r: ActionResponse): string[] =>
  r.kind === "card"
    ? ((r.card.actions as { data?: { msteams?: { value?: string } } }[] | undefined) ?? []).map(
        (a) => a.data?.msteams?.value ?? "",
      )
    : [];
const OUTSIDER = "99999999-9999-4999-8999-999999999999";

describe("the chat", () => {
  let world: World;
  beforeEach(async () => {
    world = await makeWorld({
      policy: "leicestershire",
      start: "2027-01-11T09:00:00.000Z",
      calendar: "outbox",
    });
  });
  afterEach(async () => {
    await world.close();
  });

  it('answers "hi" differently for each role: only the commands that person may use', async () => {
    const answers = new Map<string, string>();
    for (const [role, id] of Object.entries(DEMO_IDS))
      answers.set(role, text(await world.say(id, "hi")));
    expect(new Set(answers.values()).size).toBe(5);
    const sw = answers.get("socialWorker")!;
    expect(sw).toContain("You are a social worker");
    expect(sw).toContain("request REF");
    expect(sw).not.toContain("book REF");
    expect(sw).not.toContain("outcome REF");
    const clerk = answers.get("clerk")!;
    expect(clerk).toContain("book REF");
    expect(clerk).not.toContain("request REF");
    const chair = answers.get("chair")!;
    expect(chair).toContain("outcome REF");
    expect(chair).toContain("unavailable");
    expect(chair).not.toContain("caseload");
    // The demo's chairs' team manager is the QA manager: the rota and caseloads are theirs.
    const sm = answers.get("serviceManager")!;
    expect(sm).toContain("the chairs' team manager");
    expect(sm).toContain("caseload");
    expect(says(await world.say(DEMO_IDS.serviceManager, "help"))).toEqual(
      expect.arrayContaining(["rota", "caseload", "my cases"]),
    );
    // Someone not on the staff list is told who can add them.
    expect(text(await world.say(OUTSIDER, "hello"))).toMatch(/Ask your Convene administrator/);
  });

  it('offers C-1001 for "request c1001", audits the offer, and creates nothing', async () => {
    const answer = await world.say(DEMO_IDS.socialWorker, "request c1001");
    expect(text(answer)).toContain("Did you mean case C-1001?");
    expect(says(answer)).toEqual(["request C-1001"]);
    const trail = (await world.store.auditOfCase(CASE_ID)).items;
    expect(trail.filter((a) => a.action === "case.suggested")).toEqual([
      expect.objectContaining({ actor: DEMO_IDS.socialWorker, detail: { via: "message.request" } }),
    ]);
    expect((await world.store.meetingsOfCase(CASE_ID)).items).toEqual([]);
    // Pressing the button types the right reference: the request card.
    const card = await world.say(DEMO_IDS.socialWorker, "request C-1001");
    expect(
      cardActions((card as { card: Record<string, unknown> }).card).map((a) => a.verb),
    ).toEqual([VERBS.requestConference]);
  });

  it("offers a near miss only to someone who may see that case", async () => {
    const answer = await world.say(OUTSIDER, "request C-1010");
    expect(text(answer)).not.toContain("C-1001");
    expect(text(answer)).toContain('Not done: there is no case "C-1010" that you can see');
    expect(text(answer)).toContain("Check the case reference");
    expect(text(answer)).not.toMatch(/Reference:/);
  });

  it("offers a case's actions for text that names it, by the person's roles on it", async () => {
    const sw = await world.say(DEMO_IDS.socialWorker, "status C-1001");
    expect(text(sw)).toContain("Case C-1001");
    expect(says(sw)).toEqual(expect.arrayContaining(["request C-1001", "review C-1001"]));
    expect(says(sw)).not.toContain("book C-1001");
    const clerk = await world.say(DEMO_IDS.clerk, "C-1001");
    expect(says(clerk)).toEqual(expect.arrayContaining(["book C-1001"]));
    expect(says(clerk)).not.toContain("request C-1001");
    const trail = (await world.store.auditOfCase(CASE_ID)).items;
    expect(
      trail
        .filter((a) => a.action === "case.read")
        .map((a) => a.actor)
        .sort(),
    ).toEqual([DEMO_IDS.clerk, DEMO_IDS.socialWorker]);
    expect(says(await world.say(DEMO_IDS.socialWorker, "my cases"))).toContain("C-1001");
  });

  it("says when a case or a conference could not be read, rather than leave it out in silence", async () => {
    const meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
    corrupt(world, meetingId, "$.kind", "CIN");
    const status = text(await world.say(DEMO_IDS.socialWorker, "C-1001"));
    expect(status).toContain("Its conferences could not be read just now.");
    expect(status).toContain("1 record could not be read: the service owners have been told.");
    expect(status).not.toContain("No conference or review has been asked for yet");
    corrupt(world, "case-C-1002", "$.reference", 42);
    const mine = text(await world.say(DEMO_IDS.socialWorker, "my cases"));
    expect(mine).toContain("1 record could not be read, so a case of yours may be missing here");
  });

  it("says in one line that anything else was not understood, and how to get help", async () => {
    for (const said of ["upcoming conferences", "what is the weather", "C-9999"]) {
      const answer = await world.say(DEMO_IDS.socialWorker, said);
      expect(answer).toEqual({ kind: "message", text: expect.stringContaining('Type "help"') });
      expect(text(answer).split("\n")).toHaveLength(1);
    }
  });

  it("shows a month with no rota without making one; only the button makes it", async () => {
    const looked = await world.say(DEMO_IDS.serviceManager, "rota 2027-03");
    expect(text(looked)).toContain("There is no duty rota for March 2027 yet");
    expect(cardActions((looked as { card: Record<string, unknown> }).card)).toEqual([
      { verb: VERBS.rotaGenerate, title: "Make the rota", data: { month: "2027-03" } },
    ]);
    await world.say(DEMO_IDS.serviceManager, "rota 2027-03");
    expect(
      await world.store.get("duty-rota", rotaId("demo", "2027-03"), rotaPk("demo")),
    ).toBeUndefined();
    const made = await world.act(DEMO_IDS.serviceManager, VERBS.rotaGenerate, { month: "2027-03" });
    expect(text(made)).toContain("Duty chair rota: March 2027");
    expect(
      await world.store.get("duty-rota", rotaId("demo", "2027-03"), rotaPk("demo")),
    ).toBeDefined();
  });

  it("refuses an outcome before the conference starts before the form; after it, keeps what was typed", async () => {
    const meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
    const early = await world.say(DEMO_IDS.chair, "outcome C-1001");
    expect(text(early)).toContain("has not started yet");
    expect(cardActions((early as { card: Record<string, unknown> }).card)).toEqual([]);
    const typed = await world.act(DEMO_IDS.chair, VERBS.recordOutcome, {
      caseId: CASE_ID,
      meetingId,
      meetingDate: "2027-01-29",
      nextRcpcLimit: "2027-04-29",
      coreGroupLimit: "2027-02-12",
      plan: "yes",
      category: "neglect",
      nextRcpcDate: "2027-04-20",
      nextRcpcTime: "10:00",
      coreGroupDate: "2027-02-09",
    });
    expect(text(typed)).toContain("once the conference has started");
    expect(JSON.stringify(typed)).toContain("2027-04-20");
    expect((await world.store.get("meeting", meetingId, CASE_ID))?.outcome).toBeUndefined();
  });
});
