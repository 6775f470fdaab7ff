import type { Case, Child, Invitee, Meeting, QaNotice } from "../../model";
import { demoAuthority, DEMO_IDS } from "../../app/demo/authority";
import { demoCases } from "../../app/demo/cases";
import { buildDecisionsCard } from "../../cards/decisions/build";
import { decisionsChairSample, decisionsSample } from "../../cards/decisions/sample";
import { cardText } from "../../test/fakes/recording-notifier";
import { countQaNotices, NO_TEAM } from "./qa-counts";
import { decisionsRecipients } from "./recipients";
import { isFirstRcpc, plansAfter, registerChangeFor } from "./register";
import { coreGroupMembers, coreGroupText, coreGroupTitle } from "./core-group";

const DAY = "2027-04-20";
const meeting = (kind: "ICPC" | "RCPC", extra: Partial<Meeting> = {}): Meeting => ({
  id: `m-${kind}`,
  type: "meeting",
  pk: "case-1",
  caseId: "case-1",
  kind,
  status: "outcome-recorded",
  anchors: {},
  milestones: {},
  inPerson: false,
  start: `${DAY}T10:00:00.000Z`,
  createdAt: "2027-04-01T10:00:00.000Z",
  ...extra,
});
const child = (planHistory?: Child["planHistory"]): Child => ({
  id: "c1",
  name: "Alex Example",
  ...(planHistory ? { planHistory } : {}),
});

describe("the CP register change an outcome makes (virtual-conference, West Sussex)", () => {
  it("a plan at an ICPC adds the child; deciding again after it was stored still says added", () => {
    expect(registerChangeFor(child(), meeting("ICPC"), "plan", DAY)).toBe("added");
    expect(registerChangeFor(child([{ start: DAY }]), meeting("ICPC"), "plan", DAY)).toBe("added");
    expect(plansAfter([{ start: DAY }], "added", DAY)).toBeUndefined();
    expect(plansAfter([{ start: "2024-01-02", end: "2024-09-01" }], "added", DAY)).toEqual([
      { start: "2024-01-02", end: "2024-09-01" },
      { start: DAY },
    ]);
  });

  it("an RCPC continuing a plan changes nothing; no plan at an RCPC removes and ends it", () => {
    const open = child([{ start: "2027-01-29" }]);
    expect(registerChangeFor(open, meeting("RCPC"), "plan", DAY)).toBeUndefined();
    expect(registerChangeFor(open, meeting("RCPC"), "no-plan", DAY)).toBe("removed");
    expect(plansAfter(open.planHistory!, "removed", DAY)).toEqual([
      { start: "2027-01-29", end: DAY },
    ]);
    // Already ended by this conference: still "removed" (the entry is made once by id), no second end.
    const ended = child([{ start: "2027-01-29", end: DAY }]);
    expect(registerChangeFor(ended, meeting("RCPC"), "no-plan", DAY)).toBe("removed");
    expect(plansAfter(ended.planHistory!, "removed", DAY)).toBeUndefined();
  });

  it("no plan at an ICPC, or for a child never on a plan, is not a register change", () => {
    expect(registerChangeFor(child(), meeting("ICPC"), "no-plan", DAY)).toBeUndefined();
    expect(registerChangeFor(child(), meeting("RCPC"), "no-plan", DAY)).toBeUndefined();
  });

  it("knows the first RCPC by its 3-month limit (West Sussex indicator.review)", () => {
    expect(
      isFirstRcpc(
        meeting("RCPC", { limit: { rule: "rcpc.first.latest", at: `${DAY}T16:00:00.000Z` } }),
      ),
    ).toBe(true);
    expect(isFirstRcpc(meeting("RCPC"))).toBe(false);
    expect(isFirstRcpc(meeting("ICPC"))).toBe(false);
  });
});

describe("who the decisions go to (virtual-conference)", () => {
  const authority = demoAuthority("virtual-conference");
  const kase: Case = demoCases(authority, new Date("2027-01-01T00:00:00.000Z"))[0]!;
  const invitee = (id: string, extra: Partial<Invitee>): Invitee => ({
    id,
    name: id,
    role: "r",
    relation: "professional",
    policeCheck: { needed: false },
    rsvp: "pending",
    ...extra,
  });

  it("staff by card (once each, the chair first), everyone else by their own email, nobody without an address", () => {
    const got = decisionsRecipients(authority, kase, meeting("ICPC", { chair: kase.chair! }), [
      invitee("Police", { email: "dana@police.example", agency: "Police" }),
      invitee("Tayo", { email: "TAYO.MANAGER@demo-council.example" }),
      invitee("Sam again", { email: "sam.social@demo-council.example" }),
      invitee("Fran", { email: "fran@home.example", relation: "family" }),
      invitee("Gran", { relation: "family" }),
    ]);
    expect(got.map((r) => [r.how, r.label])).toEqual([
      ["card", "Chris Chair"],
      ["card", "Sam Social"],
      ["email", "Police (Police)"],
      ["card", "Tayo"],
      ["email", "Fran"],
      ["none", "Gran"],
    ]);
    const cards = got.flatMap((r) => (r.how === "card" ? [r.person.entraObjectId] : []));
    expect(cards).toEqual([DEMO_IDS.chair, DEMO_IDS.socialWorker, DEMO_IDS.teamManager]);
  });
});

describe("the decisions card", () => {
  it("tells attendees the decision by case reference, with no buttons", () => {
    const card = buildDecisionsCard(decisionsSample);
    expect(card.fallbackText).toBe("Decisions: ICPC for case CP-2026-0412");
    expect(cardText(card)).toContain("Neglect");
    expect(card.actions ?? []).toEqual([]);
  });

  it("gives the chair the recipients and the next steps, and drops a step once done", () => {
    const card = buildDecisionsCard(decisionsChairSample);
    expect(cardText(card)).toContain("Fran Example");
    expect(JSON.stringify(card.actions)).toContain("after-meeting.plan-signed-off");
    const later = buildDecisionsCard({
      ...decisionsChairSample,
      planSignedOffAt: "2027-01-12T10:00:00.000Z",
    });
    expect(JSON.stringify(later.actions)).not.toContain("after-meeting.plan-signed-off");
    expect(cardText(later)).toContain("Done Tue 12 Jan 2027");
  });
});

describe("QA notices per team (West Sussex)", () => {
  const notice = (kind: QaNotice["kind"], team?: string): QaNotice => ({
    id: `n-${Math.random()}`,
    type: "qa-notice",
    pk: "case-1",
    caseId: "case-1",
    kind,
    by: DEMO_IDS.chair,
    at: "2027-02-01T10:00:00.000Z",
    socialWorkerId: DEMO_IDS.socialWorker,
    ...(team ? { team } : {}),
    text: "x",
    recipients: [],
  });
  it("counts each kind per team, teams by name, a SW without a team apart", () => {
    expect(
      countQaNotices([
        notice("good-practice", "South"),
        notice("dispute-resolution", "North"),
        notice("dispute-resolution", "North"),
        notice("good-practice"),
      ]),
    ).toEqual([
      { team: NO_TEAM, goodPractice: 1, disputeResolution: 0 },
      { team: "North", goodPractice: 0, disputeResolution: 2 },
      { team: "South", goodPractice: 1, disputeResolution: 0 },
    ]);
  });
});

describe("the core group's members and notice", () => {
  const authority = demoAuthority("england");
  const kase: Case = demoCases(authority, new Date("2027-01-01T00:00:00.000Z"))[0]!;
  const invitee = (id: string, relation: Invitee["relation"], email?: string): Invitee => ({
    id,
    name: id,
    role: "r",
    relation,
    policeCheck: { needed: false },
    rsvp: "pending",
    ...(email !== undefined ? { email } : {}),
  });

  it("are the professionals and the family on the list; a legal representative is not one", () => {
    const members = coreGroupMembers([
      invitee("GP", "professional", "gp@nhs.example"),
      invitee("Mother", "family", "fran@home.example"),
      invitee("Gran", "family"),
      invitee("Solicitor", "legal-representative", "hal@law.example"),
    ]);
    expect(members.map((m) => m.id)).toEqual(["GP", "Mother", "Gran"]);
  });

  it("gives the date, that the social worker leads it and sets the time, and names no child", () => {
    const icpc = meeting("ICPC", { start: "2027-01-29T10:00:00.000Z" });
    const text = coreGroupText(kase, icpc, "Fran Example", "2027-02-09");
    expect(text).toContain("The first core group meeting is on Tue 9 Feb 2027");
    expect(text).toContain(`The social worker, ${kase.socialWorker.name}, leads the core group`);
    for (const child of kase.children) expect(text).not.toContain(child.name.split(" ")[0]!);
    expect(coreGroupTitle(meeting("RCPC"))).toBe("Next core group meeting");
  });
});
