import { DEMO_IDS, demoAuthority } from "../../app/demo/authority";
import { resolvePolicy } from "../../rules";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import { meetingLimit } from "../../workflow/timeline/meeting-timeline";
import { startConveneInPlayground, type ConveneInPlayground } from "./convene-in-playground";

/**
 * A case that starts in Teams, end to end in the Agents Playground
 * (headless Chromium): the social worker types "new case", fills the
 * new-case card (people chosen from the staff list), creates the case, then
 * types "request REF" and asks for its ICPC. What the pages show is checked,
 * and then what the server stored is read back from its own SQLite file.
 * Demo clock: Mon 11 Jan 2027 09:00, policy `swindon`.
 */
jest.setTimeout(300_000);

const START = new Date("2027-01-11T09:00:00.000Z");
const REF = "MOS-4410";

describe("a case created with the new-case card, then its ICPC requested", () => {
  let world: ConveneInPlayground;

  beforeAll(async () => {
    world = await startConveneInPlayground("new-case", START);
  });
  afterAll(async () => {
    await world?.close();
  });

  it("the social worker creates the case and requests its ICPC from Teams", async () => {
    const { session } = world;
    // The clerk opens Teams first (installs the app) so the booking card can reach them.
    const clerk = await session.as("clerk");
    const sw = await session.as("social-worker");

    await session.run("new case", async () => {
      await sw.sendMessage("new case");
      const card = await sw.waitForCard(/Case reference \(as in the case system\)/);
      await sw.fillInput("reference", REF, { card });
      await sw.fillInput("socialWorker", "Sam Social", { card });
      await sw.fillInput("teamManager", "Tayo Manager", { card });
      await sw.fillInput("team", "Safeguarding North", { card });
      // The first child's name is required, so its label reads "Full name *": the
      // other rows' "Full name" would match exactly. The first in the card is child 1's.
      await card
        .getByRole("textbox", { name: /^Full name/ })
        .first()
        .fill("Robin Example");
      await sw.pickDate("child1Dob", "2024-06-14", { card });
      await sw.fillInput("child1NhsNumber", "943 476 5919", { card });
      await sw.clickAction("Create case", { card });
      const done = await sw.waitForCard("Case recorded");
      expect(await done.innerText()).toContain(`request ${REF}`);
    });

    await session.run("request the ICPC", async () => {
      await sw.sendMessage(`request ${REF}`);
      const card = await sw.waitForCard("Ask the clerk to book");
      await sw.choose("Initial conference (ICPC)", { card });
      await sw.pickDate("strategyDate", "2027-01-11", { card });
      await sw.clickAction("Ask the clerk to book", { card });
      const done = await sw.waitForCard("Conference requested");
      // icpc.latest: 15 working days after Mon 11 Jan 2027 is Mon 1 Feb.
      expect(await done.innerText()).toMatch(/Must be held by[\s\S]*1 Feb 2027/);
      await clerk.waitForCard(/Book this slot/, { timeoutMs: 30_000 });
    });

    // What the server stored, read through a second connection to its file.
    const store = new SqliteStore({ file: world.storeFile });
    try {
      const kase = await store.get("case", `case-${REF}`, `case-${REF}`);
      expect(kase).toBeDefined();
      expect(kase!.reference).toBe(REF);
      expect(kase!.socialWorker.entraObjectId).toBe(DEMO_IDS.socialWorker);
      expect(kase!.teamManager.entraObjectId).toBe(DEMO_IDS.teamManager);
      // The social worker's service manager, from the staff list.
      expect(kase!.serviceManager.entraObjectId).toBe(DEMO_IDS.serviceManager);
      expect(kase!.team).toBe("Safeguarding North");
      expect(kase!.children.map((c) => [c.name, c.dob, c.nhsNumber])).toEqual([
        ["Robin Example", "2024-06-14", "9434765919"],
      ]);
      expect(kase!.indexChildId).toBe(kase!.children[0]!.id);
      const audit = (await store.auditOfCase(kase!.id)).items.find(
        (a) => a.action === "case.create",
      );
      expect([audit?.actor, audit?.detail?.via]).toEqual([DEMO_IDS.socialWorker, "card"]);

      const meetings = (await store.meetingsOfCase(kase!.id)).items;
      expect(meetings.map((m) => [m.kind, m.status, m.anchors.strategy])).toEqual([
        ["ICPC", "requested", "2027-01-11"],
      ]);
      const authority = demoAuthority("swindon");
      const policy = resolvePolicy(authority.policy, authority.overrides);
      expect(meetingLimit(policy, meetings[0]!)?.toISOString()).toBe("2027-02-01T17:00:00.000Z");
      expect(meetings[0]!.requestedBy).toBe(DEMO_IDS.socialWorker);
    } finally {
      await store.close();
    }
  });
});
