import type { Invitee } from "../../model";
import { VERBS } from "../../cards/verbs";
import type { CardJson } from "../../ports/notifier";
import { cardText } from "../fakes/recording-notifier";
import { CASE_ID, CHILD_IDS, decisionsFor, inviteListData, requestAndBook } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The first core group's date reaches every member: under `england` with
 * the fake clock and the local Graph, the ICPC of icpc-journey.test.ts
 * (held Fri 29 Jan 2027 10:00) with the journey's list, except that the
 * father has no email. At 12:00 the chair records a plan, the next RCPC on
 * Tue 20 Apr 2027 and the first core group on Tue 9 Feb.
 */
const SW = DEMO_IDS.socialWorker;
const CHAIR = DEMO_IDS.chair;
const SW_EMAIL = "sam.social@demo-council.example";
const RCPC_ID = `${CASE_ID}.rcpc.2027-01-29`;
const CORE_GROUP_SUBJECT = "First core group meeting: case C-1001";

type Row = { name: string; role: string; email?: string; relation: string; agency?: string };

/** The SW's submission of the RCPC's list: the rows kept (by their ids) and new rows. */
function rcpcListData(keep: readonly Invitee[], added: readonly Row[]): Record<string, unknown> {
  const data: Record<string, unknown> = { caseId: CASE_ID, meetingId: RCPC_ID };
  const rows: Row[] = [
    ...keep.map((i) => ({
      name: i.name,
      role: i.role,
      agency: i.agency ?? "",
      email: i.email ?? "",
      relation: i.relation,
    })),
    ...added,
  ];
  rows.forEach((row, n) => {
    for (const [k, v] of Object.entries(row)) data[`invitees.${n}.${k}`] = v;
    data[`invitees.${n}.policeCheck`] = "false";
  });
  data.rowIds = [...keep.map((i) => i.id), ...added.map(() => "")].join(",");
  data.confirmRemovals = "true";
  return data;
}

const KIM: Row = {
  name: "Kim Teacher",
  role: "Designated safeguarding lead",
  agency: "Education",
  email: "kim@school.example",
  relation: "professional",
};
const IDA: Row = { name: "Ida Example", role: "Aunt", email: "", relation: "family" };
const LOU: Row = {
  name: "Lou Worker",
  role: "Family support worker",
  agency: "Early help",
  email: "lou@earlyhelp.example",
  relation: "professional",
};

const OUTCOME = {
  caseId: CASE_ID,
  meetingDate: "2027-01-29",
  nextRcpcLimit: "2027-04-29",
  coreGroupLimit: "2027-02-12",
  ...decisionsFor(CHILD_IDS, true),
  nextRcpcDate: "2027-04-20",
  nextRcpcTime: "14:00",
  coreGroupDate: "2027-02-09",
};

/** The data of a card's action, by its title (what Teams sends back when it is pressed). */
function actionData(card: CardJson, title: string): Record<string, unknown> {
  const actions = (card as { actions?: { title: string; data: Record<string, unknown> }[] })
    .actions;
  const action = actions?.find((a) => a.title === title);
  if (action === undefined) throw new Error(`no action ${title}`);
  return action.data;
}

describe("the core group letter of a father without email is tracked until posted", () => {
  let world: World;
  let meetingId: string;
  const text = (r: unknown) => cardText((r as { card: CardJson }).card);
  const letterCards = () =>
    world.notifier.sent.filter(
      (s) => s.to === SW && s.preview === "A core group letter to post for case C-1001",
    );
  const reminders = () =>
    world.notifier.sent.filter(
      (s) => s.to === SW && s.preview === "Reminder: a core group letter to post for case C-1001",
    );
  const father = async () => {
    const list = await world.store.get("invite-list", `${meetingId}:invite-list`, CASE_ID);
    return list!.invitees.find((i) => i.name === "Gus Example")!;
  };

  beforeAll(async () => {
    world = await makeWorld({ policy: "england", start: "2027-01-11T09:00:00.000Z" });
    meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
    await world.advanceTo("2027-01-19T11:00:00.000Z");
    // The father (row 3) has no email address.
    await world.act(SW, VERBS.submitInviteList, {
      ...inviteListData(meetingId),
      "invitees.3.email": "",
    });
    await world.advanceTo("2027-01-29T12:00:00.000Z");
    const answer = await world.act(CHAIR, VERBS.recordOutcome, { ...OUTCOME, meetingId });
    expect(text(answer)).toContain("Outcome recorded");
    await world.runDue();
  });
  afterAll(async () => {
    await world.close();
  });

  it("sends the SW his letter to print and a card to record how it reached him", async () => {
    expect(world.failed).toEqual([]);
    const cards = letterCards();
    expect(cards).toHaveLength(1);
    const seen = cardText(cards[0]!.card);
    expect(seen).toContain("Gus Example (Father)");
    expect(seen).toContain("told the core group's date by letter");
    expect(seen).toContain("Tue 9 Feb 2027");
    expect(seen).not.toMatch(/Alex|Billie/);
    expect(actionData(cards[0]!.card, "Posted")).toMatchObject({
      meetingId,
      letter: "core-group",
      how: "posted",
    });
    // The letter itself: standard and large print, to the SW, named by ids only.
    const mail = world.graph!.state.sentMail.filter(
      (m) => m.to.includes(SW_EMAIL) && JSON.stringify(m.message).includes("first core group"),
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]!.attachments.map((a) => a.name)).toEqual([
      `core-group-${(await father()).id}.pdf`,
      `core-group-${(await father()).id}-large-print.pdf`,
    ]);
    // The SW's own card lists him under the letter to post; nobody is left without a route.
    const sw = world.notifier.sent.filter(
      (s) => s.to === SW && s.preview === "First core group meeting for case C-1001",
    );
    expect(cardText(sw[0]!.card)).toMatch(/Letter for you to post[\s\S]*Gus Example/);
    expect(cardText(sw[0]!.card)).not.toContain("please tell them yourself");
    expect((await father()).coreGroupLetter).toMatchObject({ forDay: "2027-02-09" });
    expect((await father()).coreGroupLetter?.sent).toBeUndefined();
  });

  it("reminds the SW the next working day, and not after it is recorded as posted", async () => {
    // Fri 29 Jan: the next working day is Mon 1 Feb.
    await world.advanceTo("2027-02-01T10:00:00.000Z");
    expect(reminders().map((s) => s.at)).toEqual(["2027-02-01T09:00:00.000Z"]);
    expect(cardText(reminders()[0]!.card)).toContain("Reminder: a letter still to post");
    const done = await world.act(
      SW,
      VERBS.recordLetterSent,
      actionData(reminders()[0]!.card, "Posted"),
    );
    expect(text(done)).toContain("Letter recorded as posted");
    expect(text(done)).toContain("told the core group's date by letter");
    await world.advanceTo("2027-02-04T10:00:00.000Z");
    expect(reminders()).toHaveLength(1);
    expect((await father()).coreGroupLetter?.sent).toMatchObject({ how: "posted", by: SW });
    const audit = (await world.store.auditOfCase(CASE_ID)).items.filter(
      (a) => a.action === "core-group-letter.sent",
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0])).not.toMatch(/Gus|Alex|Billie/);
    // His invitation letter to the next RCPC is tracked on its own: still not sent.
    const rcpcList = await world.store.get(
      "invite-list",
      `${CASE_ID}.rcpc.2027-01-29:invite-list`,
      CASE_ID,
    );
    const gus = rcpcList!.invitees.find((i) => i.name === "Gus Example")!;
    expect(gus.letter?.forStart).toBe("2027-04-20T13:00:00.000Z");
    expect(gus.letter?.sent).toBeUndefined();
    expect(gus.coreGroupLetter).toBeUndefined();
    expect(world.failed).toEqual([]);
  });

  describe("nobody added later is left out", () => {
    const coreGroupMail = (email: string) =>
      world.graph!.state.sentMail.filter(
        (m) => m.to.includes(email) && JSON.stringify(m.message).includes(CORE_GROUP_SUBJECT),
      );
    const rcpcList = async () =>
      (await world.store.get("invite-list", `${RCPC_ID}:invite-list`, CASE_ID))!;

    it("a professional and an aunt added to the carried-over list before the day are told it", async () => {
      // Thu 4 Feb: the core group is on Tue 9 Feb.
      const keep = (await rcpcList()).invitees;
      const done = await world.act(SW, VERBS.submitInviteList, rcpcListData(keep, [KIM, IDA]));
      expect(text(done)).toContain("Invite list received");
      await world.runDue();
      expect(world.failed).toEqual([]);
      const kim = coreGroupMail("kim@school.example");
      expect(kim).toHaveLength(1);
      expect(kim[0]?.to).toEqual(["kim@school.example"]);
      expect(JSON.stringify(kim[0]?.message)).toContain("Tue 9 Feb 2027");
      // The aunt has no email: her letter to the SW, tracked on the RCPC's list.
      const idaCard = letterCards().find((s) => cardText(s.card).includes("Ida Example (Aunt)"));
      expect(idaCard).toBeDefined();
      expect(actionData(idaCard!.card, "Posted")).toMatchObject({
        meetingId: RCPC_ID,
        letter: "core-group",
      });
      const ida = (await rcpcList()).invitees.find((i) => i.name === "Ida Example");
      expect(ida?.coreGroupLetter).toMatchObject({ forDay: "2027-02-09" });
      // Those told at the conference are not told again.
      for (const email of [
        "dana.officer@police.example",
        "eli.gp@nhs.example",
        "fran@home.example",
      ])
        expect(coreGroupMail(email)).toHaveLength(1);
      expect(letterCards().filter((s) => cardText(s.card).includes("Gus Example"))).toHaveLength(1);
      expect((await rcpcList()).coreGroupOf).toBe(meetingId);
    });

    it("removing someone does not un-tell them, and adding them back tells them once", async () => {
      const all = (await rcpcList()).invitees;
      await world.act(
        SW,
        VERBS.submitInviteList,
        rcpcListData(
          all.filter((i) => i.name !== "Kim Teacher"),
          [],
        ),
      );
      await world.runDue();
      expect((await rcpcList()).invitees.map((i) => i.name)).not.toContain("Kim Teacher");
      await world.act(SW, VERBS.submitInviteList, rcpcListData((await rcpcList()).invitees, [KIM]));
      await world.runDue();
      expect(world.failed).toEqual([]);
      expect(coreGroupMail("kim@school.example")).toHaveLength(1);
    });

    it("the aunt's letter is chased each working day until the core group's day, then no more", async () => {
      const idaReminders = () =>
        reminders().filter((s) => cardText(s.card).includes("Ida Example (Aunt)"));
      await world.advanceTo("2027-02-10T10:00:00.000Z");
      // Fri 5 and Mon 8 Feb; none on the day itself.
      expect(idaReminders().map((s) => s.at)).toEqual([
        "2027-02-05T09:00:00.000Z",
        "2027-02-08T09:00:00.000Z",
      ]);
    });

    it("someone added once the core group's day has passed is not sent its date", async () => {
      // Wed 10 Feb: the core group was yesterday.
      await world.act(SW, VERBS.submitInviteList, rcpcListData((await rcpcList()).invitees, [LOU]));
      await world.runDue();
      expect(world.failed).toEqual([]);
      expect((await rcpcList()).invitees.map((i) => i.name)).toContain("Lou Worker");
      expect(coreGroupMail("lou@earlyhelp.example")).toEqual([]);
    });
  });
});
