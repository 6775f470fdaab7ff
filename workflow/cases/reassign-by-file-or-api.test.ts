import { demoAuthority } from "../../app/demo/authority";
import { VERBS } from "../../cards/verbs";
import { DEMO_IDS, makeWorld, type World } from "../../test/scenario/world";
import { caseApi } from "./api";
import { importCases, type ImportRow } from "./import-cases";
import { MOVE_CARDS } from "./reassign";

/**
 * A new social worker from the go-live file or from the case system's API
 * is a reassignment like the card's: audited, and the old social worker's
 * open cards go to the new one (the one background task, reassign.ts).
 * Fixed clock from Mon 11 Jan 2027 14:00 UTC; policy leicestershire.
 */
const SW2 = "66666666-6666-4666-8666-666666666666";
const SW2_EMAIL = "robin.second@demo-council.example";
const SW_EMAIL = "sam.social@demo-council.example";
const APP = "6f1c3a52-9d7e-4b8a-a3f1-2c4d5e6f7a8b";
const authority = demoAuthority("leicestershire");
authority.staff.push({
  entraObjectId: SW2,
  email: SW2_EMAIL,
  name: "Robin Second",
  roles: ["social-worker"],
  teamManager: DEMO_IDS.teamManager,
  serviceManager: DEMO_IDS.serviceManager,
  inTeams: true,
});

const fileRow = (socialWorker: string): ImportRow => ({
  line: 2,
  case_reference: "RA-FILE",
  child_id: "F1",
  child_name: "Ada Example",
  dob: "2016-04-02",
  social_worker: socialWorker,
  team_manager: "tayo.manager@demo-council.example",
});
const apiBody = (socialWorker: string) => ({
  reference: "RA-API",
  children: [{ id: "P1", name: "Ben Example", dob: "2019-08-30" }],
  socialWorker,
  teamManager: DEMO_IDS.teamManager,
});

let world: World;
beforeAll(async () => {
  world = await makeWorld({
    policy: "leicestershire",
    start: "2027-01-11T14:00:00.000Z",
    calendar: "outbox",
    authority,
  });
  // Both cases come in with Sam as social worker, who asks for their ICPCs.
  expect(await importCases(world.deps, [fileRow(SW_EMAIL)], { dryRun: false })).toMatchObject({
    created: 1,
  });
  expect(
    (await caseApi(world.deps).putCase("RA-API", apiBody(SW_EMAIL), { appId: APP })).kind,
  ).toBe("created");
  for (const ref of ["RA-FILE", "RA-API"]) {
    const kase = (await world.store.get("case", `case-${ref}`, `case-${ref}`))!;
    await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
      caseId: kase.id,
      meetingKind: "ICPC",
      childIds: kase.children[0]!.id,
      indexChildId: kase.children[0]!.id,
      strategyDate: "2027-01-11",
    });
  }
  // Past the reminders the social worker gets for an ICPC's first days.
  await world.advanceTo("2027-01-20T18:00:00.000Z");
});
afterAll(() => world.close());

/** Cards Sam holds on the case and cards Robin got for it. */
const cardsOf = (ref: string) => ({
  sam: world.notifier.sent.filter((s) => s.to === DEMO_IDS.socialWorker && s.preview.includes(ref)),
  robin: world.notifier.sent.filter((s) => s.to === SW2 && s.preview.includes(ref)),
  withdrawn: world.notifier.updates.filter(
    (u) => u.to === DEMO_IDS.socialWorker && JSON.stringify(u.card).includes(ref),
  ),
});

it.each([
  [
    "a re-import of the file",
    "RA-FILE",
    () => importCases(world.deps, [fileRow(SW2_EMAIL)], { dryRun: false }),
    { actor: "system", via: "import" },
  ],
  [
    "a PUT from the case system",
    "RA-API",
    () => caseApi(world.deps).putCase("RA-API", apiBody(SW2), { appId: APP }),
    { actor: APP, via: "api" },
  ],
])(
  "%s that changes the social worker is audited and moves the open cards",
  async (_how, ref, reassign, who) => {
    const before = cardsOf(ref);
    expect(before.sam.length).toBeGreaterThan(0);
    expect(before.robin).toEqual([]);

    await reassign();
    const kase = (await world.store.get("case", `case-${ref}`, `case-${ref}`))!;
    expect(kase.socialWorker.entraObjectId).toBe(SW2);
    const audit = (await world.store.auditOfCase(kase.id)).items.filter(
      (a) => a.action === "case.reassign",
    );
    expect(audit.map((a) => [a.actor, a.detail?.via, a.detail?.from, a.detail?.to])).toEqual([
      [who.actor, who.via, DEMO_IDS.socialWorker, SW2],
    ]);
    // Queued for the scheduler (the command line has no Teams connection).
    const queued = (await world.store.dueTasks(world.clock(), 50)).items.filter(
      (t) => t.taskType === MOVE_CARDS && t.caseId === kase.id,
    );
    expect(queued).toHaveLength(1);

    await world.runDue();
    const after = cardsOf(ref);
    expect(after.robin.length).toBeGreaterThan(0);
    expect(after.withdrawn).toHaveLength(after.robin.length);
    expect(JSON.stringify(after.withdrawn[0]!.card)).toContain("Case reassigned");
    expect(world.failed).toEqual([]);

    // The same again changes nothing and moves nothing.
    await reassign();
    await world.runDue();
    expect(cardsOf(ref).robin).toHaveLength(after.robin.length);
    expect(
      (await world.store.auditOfCase(kase.id)).items.filter((a) => a.action === "case.reassign"),
    ).toHaveLength(1);
  },
);

it("a run that dies just after writing the case still moves the cards, and its rerun changes nothing", async () => {
  const row = (sw: string): ImportRow => ({ ...fileRow(sw), case_reference: "RA-CRASH" });
  await importCases(world.deps, [row(SW_EMAIL)], { dryRun: false });
  const kase = (await world.store.get("case", "case-RA-CRASH", "case-RA-CRASH"))!;
  await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
    caseId: kase.id,
    meetingKind: "ICPC",
    childIds: kase.children[0]!.id,
    indexChildId: kase.children[0]!.id,
    strategyDate: "2027-01-20",
  });
  await world.advanceTo("2027-01-29T18:00:00.000Z");
  expect(cardsOf("RA-CRASH").sam.length).toBeGreaterThan(0);

  // The process dies just after it has written the case with its new social worker.
  const store = world.deps.store;
  const dying = new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== "function") return v;
      if (prop === "replace")
        return async (doc: { type: string }, ...rest: unknown[]) => {
          const written = await (v as (...a: unknown[]) => Promise<unknown>).apply(target, [
            doc,
            ...rest,
          ]);
          if (doc.type === "case") throw new Error("process died");
          return written;
        };
      return (v as (...a: unknown[]) => unknown).bind(target);
    },
  });
  await expect(
    importCases({ ...world.deps, store: dying }, [row(SW2_EMAIL)], { dryRun: false }),
  ).rejects.toThrow("process died");
  const audit = async () =>
    (await world.store.auditOfCase(kase.id)).items
      .filter((a) => a.action === "case.reassign")
      .map((a) => [a.detail?.from, a.detail?.to]);
  // Audited and queued before the write, so nothing is lost with the process.
  expect(await audit()).toEqual([[DEMO_IDS.socialWorker, SW2]]);
  await world.runDue();
  const after = cardsOf("RA-CRASH");
  expect(after.robin.length).toBeGreaterThan(0);
  expect(after.withdrawn).toHaveLength(after.robin.length);

  // The rerun finds the case written: nothing more changes or moves.
  expect(await importCases(world.deps, [row(SW2_EMAIL)], { dryRun: false })).toMatchObject({
    unchanged: 1,
  });
  await world.runDue();
  expect(cardsOf("RA-CRASH").robin).toHaveLength(after.robin.length);
  expect(await audit()).toHaveLength(1);
  expect(world.failed).toEqual([]);
});

it("a run that dies as it writes the case leaves the move waiting; the rerun completes it", async () => {
  const row = (sw: string): ImportRow => ({ ...fileRow(sw), case_reference: "RA-CRASH2" });
  await importCases(world.deps, [row(SW_EMAIL)], { dryRun: false });
  const kase = (await world.store.get("case", "case-RA-CRASH2", "case-RA-CRASH2"))!;
  await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
    caseId: kase.id,
    meetingKind: "ICPC",
    childIds: kase.children[0]!.id,
    indexChildId: kase.children[0]!.id,
    strategyDate: "2027-01-29",
  });
  await world.advanceTo("2027-02-08T18:00:00.000Z");
  expect(cardsOf("RA-CRASH2").sam.length).toBeGreaterThan(0);
  const store = world.deps.store;
  const dying = new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== "function") return v;
      if (prop === "replace")
        return async (doc: { type: string }, ...rest: unknown[]) => {
          if (doc.type === "case") throw new Error("process died");
          return (v as (...a: unknown[]) => unknown).apply(target, [doc, ...rest]);
        };
      return (v as (...a: unknown[]) => unknown).bind(target);
    },
  });
  await expect(
    importCases({ ...world.deps, store: dying }, [row(SW2_EMAIL)], { dryRun: false }),
  ).rejects.toThrow("process died");
  // The case still names Sam: the queued move waits rather than moving to nobody.
  await world.runDue();
  expect(cardsOf("RA-CRASH2").robin).toEqual([]);

  expect(await importCases(world.deps, [row(SW2_EMAIL)], { dryRun: false })).toMatchObject({
    updated: 1,
  });
  await world.advanceTo("2027-02-08T19:00:00.000Z");
  const after = cardsOf("RA-CRASH2");
  expect(after.robin.length).toBeGreaterThan(0);
  expect(after.withdrawn).toHaveLength(after.robin.length);
  expect(world.failed).toEqual([]);
  expect(
    world.ran.filter((r) => r.taskType === "case.move-cards" && r.taskId.startsWith(kase.id)),
  ).toHaveLength(1);
});
