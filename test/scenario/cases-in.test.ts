import { VERBS } from "../../cards/verbs";
import { caseApi } from "../../workflow/cases/api";
import { meetingLimit } from "../../workflow/timeline/meeting-timeline";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The case system creates a case with three siblings through the API and
 * then records a strategy discussion about two of them: the ICPC request,
 * its limit and its deadlines are exactly those the request card opens for
 * the same children and date (a twin case, requested by its social worker).
 */
const APP = "6f1c3a52-9d7e-4b8a-a3f1-2c4d5e6f7a8b";
const siblings = (ref: string) => ({
  reference: ref,
  children: [
    { id: "M-1", name: "Ada Example", dob: "2015-03-01" },
    { id: "M-2", name: "Ben Example", dob: "2018-06-12" },
    { id: "M-3", name: "Cal Example", dob: "2021-11-20" },
  ],
  indexChild: "M-1",
  socialWorker: DEMO_IDS.socialWorker,
  teamManager: DEMO_IDS.teamManager,
});

describe.each(["swindon", "leicestershire"])("cases in under %s", (policy) => {
  let world: World;
  beforeAll(async () => {
    world = await makeWorld({ policy, start: "2027-01-11T14:00:00.000Z" });
  });
  afterAll(() => world.close());

  it("a strategy discussion through the API opens the ICPC exactly as the card does", async () => {
    const api = caseApi(world.deps);
    for (const ref of ["API-1", "CARD-1"])
      expect((await api.putCase(ref, siblings(ref), { appId: APP })).kind).toBe("created");

    const viaApi = await api.strategyDiscussion(
      "API-1",
      { date: "2027-01-11", children: ["M-1", "M-2"] },
      { appId: APP },
    );
    expect(viaApi.kind).toBe("created");

    const card = (await world.store.get("case", "case-CARD-1", "case-CARD-1"))!;
    const [c1, c2] = card.children;
    await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
      caseId: card.id,
      meetingKind: "ICPC",
      childIds: `${c1!.id},${c2!.id}`,
      indexChildId: c1!.id,
      strategyDate: "2027-01-11",
    });

    const shape = async (caseId: string) => {
      const [meeting] = (await world.store.meetingsOfCase(caseId)).items;
      const tasks = (await world.store.openTasksOfMeeting(meeting!.id)).items;
      return {
        kind: meeting!.kind,
        status: meeting!.status,
        anchors: meeting!.anchors,
        limit: meetingLimit(world.deps.policy, meeting!)?.toISOString(),
        tasks: tasks.map((t) => [t.taskType, t.dueAt]).sort(),
      };
    };
    const fromApi = await shape("case-API-1");
    const fromCard = await shape("case-CARD-1");
    expect(fromApi).toEqual(fromCard);
    expect(fromApi.kind).toBe("ICPC");
    // icpc.latest: 15 working days after Mon 11 Jan 2027 is Mon 1 Feb, 17:00.
    expect(fromApi.limit).toBe("2027-02-01T17:00:00.000Z");
    expect(fromApi.tasks.length).toBeGreaterThan(1);
    expect(viaApi.kind === "created" && viaApi.body.mustBeHeldBy).toBe(fromApi.limit);

    // The same strategy discussion again changes nothing.
    const again = await api.strategyDiscussion(
      "API-1",
      { date: "2027-01-11", children: ["M-1", "M-2"] },
      { appId: APP },
    );
    expect(again.kind).toBe("unchanged");
    expect((await world.store.meetingsOfCase("case-API-1")).items).toHaveLength(1);
    const audit = (await world.store.auditOfCase("case-API-1")).items;
    expect(audit.map((a) => [a.action, a.actor])).toEqual(
      expect.arrayContaining([
        ["case.create", APP],
        ["meeting.request", APP],
      ]),
    );
  });

  it("a strategy discussion naming a child not on the case is refused, nothing opened", async () => {
    const api = caseApi(world.deps);
    await api.putCase("API-2", siblings("API-2"), { appId: APP });
    const answer = await api.strategyDiscussion(
      "API-2",
      { date: "2027-01-11", children: ["M-1", "M-9"] },
      { appId: APP },
    );
    expect(answer).toEqual({
      kind: "invalid",
      errors: { "children[1]": "Not a child on this case" },
    });
    expect((await world.store.meetingsOfCase("case-API-2")).items).toHaveLength(0);
  });
});
