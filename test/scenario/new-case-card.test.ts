import { VERBS } from "../../cards/verbs";
import { demoAuthority } from "../../app/demo/authority";
import type { ActionResponse } from "../../ports";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The new-case card: a social worker records a case (three children, one
 * unborn, an earlier plan), sees field errors next to the fields and nothing
 * stored, requests its ICPC; a team manager corrects it and reassigns it,
 * and the old social worker's open reminder card moves to the new one.
 */
const SW2 = "66666666-6666-4666-8666-666666666666";
const authority = demoAuthority("leicestershire");
authority.staff.push({
  entraObjectId: SW2,
  email: "robin.second@demo-council.example",
  name: "Robin Second",
  roles: ["social-worker"],
  teamManager: DEMO_IDS.teamManager,
  serviceManager: DEMO_IDS.serviceManager,
  inTeams: true,
});

const cardText = (r: ActionResponse) => JSON.stringify(r);
const fields = {
  reference: "NC-1",
  socialWorker: DEMO_IDS.socialWorker,
  teamManager: DEMO_IDS.teamManager,
  child1Name: "Ada Example",
  child1Dob: "2016-04-02",
  child1NhsNumber: "943 476 5919",
  child1PlanStart: "2020-01-06",
  child1PlanEnd: "2020-09-01",
  child1PlanCategory: "neglect",
  child2Name: "Ben Example",
  child2Dob: "2019-08-30",
  child3Name: "Baby Example",
  child3ExpectedDob: "2027-04-01",
  indexChild: "2",
};

let world: World;
beforeAll(async () => {
  world = await makeWorld({
    policy: "leicestershire",
    start: "2027-01-11T14:00:00.000Z",
    authority,
  });
});
afterAll(() => world.close());

it("offers people from the staff list in a choice set", async () => {
  const answer = await world.say(DEMO_IDS.socialWorker, "new case");
  expect(answer.kind).toBe("card");
  const text = cardText(answer);
  expect(text).toContain('"id":"socialWorker"');
  expect(text).toContain("Robin Second");
  expect(text).toContain('"verb":"case.save"');
});

it('"hi" lists "new case" (with its button) and "correct case REF" for those who may record a case', async () => {
  const sw = cardText(await world.say(DEMO_IDS.socialWorker, "hi"));
  expect(sw).toContain("new case");
  expect(sw).toContain("correct case REF");
  expect(sw).toContain('"title":"New case"');
  const chair = cardText(await world.say(DEMO_IDS.chair, "hi"));
  expect(chair).not.toContain("new case");
  expect(chair).not.toContain("correct case REF");
});

it("a bad NHS number and a future date of birth come back next to their fields; nothing stored", async () => {
  const answer = await world.act(DEMO_IDS.socialWorker, VERBS.saveCase, {
    ...fields,
    child1NhsNumber: "9434765918",
  });
  expect(cardText(answer)).toContain("That is not a valid NHS number");
  const future = await world.act(DEMO_IDS.socialWorker, VERBS.saveCase, {
    ...fields,
    child2Dob: "2027-05-01",
  });
  expect(cardText(future)).toContain("The date of birth is in the future");
  expect(await world.store.get("case", "case-NC-1", "case-NC-1")).toBeUndefined();
});

it("a social worker records a case and requests its ICPC", async () => {
  const answer = await world.act(DEMO_IDS.socialWorker, VERBS.saveCase, fields);
  expect(cardText(answer)).toContain("Case recorded");
  const kase = (await world.store.get("case", "case-NC-1", "case-NC-1"))!;
  expect(kase.children.map((c) => [c.name, c.dob, c.expectedDob])).toEqual([
    ["Ada Example", "2016-04-02", undefined],
    ["Ben Example", "2019-08-30", undefined],
    ["Baby Example", undefined, "2027-04-01"],
  ]);
  expect(kase.children[0]!.planHistory).toEqual([
    { start: "2020-01-06", end: "2020-09-01", category: "neglect" },
  ]);
  expect(kase.indexChildId).toBe(kase.children[1]!.id);
  const request = await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
    caseId: kase.id,
    meetingKind: "ICPC",
    childIds: kase.children.map((c) => c.id).join(","),
    indexChildId: kase.indexChildId,
    strategyDate: "2027-01-11",
  });
  expect(cardText(request)).toContain("Conference requested");
  // The same card again: no second case.
  expect(cardText(await world.act(DEMO_IDS.socialWorker, VERBS.saveCase, fields))).toContain(
    "already in Convene",
  );
});

it("someone not on the staff list cannot record a case", async () => {
  const answer = await world.act("99999999-9999-4999-8999-999999999999", VERBS.saveCase, {
    ...fields,
    reference: "NC-9",
  });
  expect(cardText(answer)).toMatch(/social worker, a manager or a clerk/);
  expect(await world.store.get("case", "case-NC-9", "case-NC-9")).toBeUndefined();
});

it("the team manager reassigns the case: audited, the open card moves to the new social worker", async () => {
  // Run the timeline past icpc.alert-manager (4 working days after the strategy discussion, to the SW).
  const before = world.notifier.sent.length;
  await world.advanceTo("2027-01-20T18:00:00.000Z");
  const toSw = world.notifier.sent.slice(before).filter((s) => s.to === DEMO_IDS.socialWorker);
  expect(toSw.length).toBeGreaterThan(0);

  const correction = await world.say(DEMO_IDS.teamManager, "correct case NC-1");
  expect(cardText(correction)).toContain("Ada Example");
  const kase = (await world.store.get("case", "case-NC-1", "case-NC-1"))!;
  const answer = await world.act(DEMO_IDS.teamManager, VERBS.saveCase, {
    ...fields,
    caseId: kase.id,
    socialWorker: SW2,
  });
  expect(cardText(answer)).toContain("Case corrected");
  // The cards move in the background (the same task whichever way the case changed).
  await world.runDue();
  const after = (await world.store.get("case", "case-NC-1", "case-NC-1"))!;
  expect(after.socialWorker.entraObjectId).toBe(SW2);
  expect(after.children.map((c) => c.id)).toEqual(kase.children.map((c) => c.id));
  const audit = (await world.store.auditOfCase(kase.id)).items;
  expect(
    audit
      .filter((a) => a.action === "case.reassign")
      .map((a) => [a.actor, a.detail?.from, a.detail?.to]),
  ).toEqual([[DEMO_IDS.teamManager, DEMO_IDS.socialWorker, SW2]]);
  const toNew = world.notifier.sent.filter((s) => s.to === SW2);
  expect(toNew.length).toBeGreaterThan(0);
  const withdrawn = world.notifier.updates.filter((u) => u.to === DEMO_IDS.socialWorker);
  expect(withdrawn.length).toBe(toNew.length);
  expect(JSON.stringify(withdrawn[0]!.card)).toContain("Case reassigned");
});
