import type { E2eSession } from "./e2e-session";
import { startConveneInPlayground, type ConveneInPlayground } from "./convene-in-playground";

/**
 * The chat that answers, end to end in the Agents Playground (headless
 * Chromium): "hi" answers each role with what that person can do; a
 * reference typed slightly wrong is offered back; looking at a month with
 * no rota makes none; an outcome's review date past its limit comes back
 * with a message instead of doing nothing. Demo clock: Mon 11 Jan 2027.
 */
jest.setTimeout(300_000);

const START = new Date("2027-01-11T09:00:00.000Z");

describe("the chat in the Agents Playground", () => {
  let world: ConveneInPlayground;
  let session: E2eSession;

  beforeAll(async () => {
    world = await startConveneInPlayground("chat", START);
    session = world.session;
  });
  afterAll(async () => {
    await world?.close();
  });

  const moveClock = (to: string): Promise<void> => world.moveClock(to);

  it('answers "hi" differently for each role', async () => {
    const seen = new Map<string, string>();
    for (const user of [
      "clerk",
      "social-worker",
      "chair",
      "team-manager",
      "service-manager",
    ] as const) {
      const page = await session.as(user);
      await session.run(`hi as ${user}`, async () => {
        await page.sendMessage("hi");
        const card = await page.waitForCard(/Hello \w+/);
        seen.set(user, await card.innerText());
      });
    }
    expect(new Set(seen.values()).size).toBe(5);
    expect(seen.get("social-worker")).toContain("request REF");
    expect(seen.get("social-worker")).not.toContain("book REF");
    expect(seen.get("clerk")).toContain("book REF");
    expect(seen.get("chair")).toContain("outcome REF");
    expect(seen.get("service-manager")).toContain("caseload");
  });

  it('offers C-1001 for "request c1001"', async () => {
    const sw = await session.as("social-worker");
    await session.run("near miss", async () => {
      await sw.sendMessage("request c1001");
      const card = await sw.waitForCard("Did you mean case C-1001?");
      expect(await card.innerText()).toContain("request C-1001");
    });
  });

  it("rota for a month with no rota creates nothing", async () => {
    const manager = await session.as("service-manager");
    await session.run("rota, twice", async () => {
      await manager.sendMessage("rota 2027-03");
      const first = await manager.waitForCard("There is no duty rota for March 2027 yet");
      expect(await first.innerText()).toContain("Make the rota");
      // Had the first look made a rota, the second would show it.
      await manager.sendMessage("rota 2027-03");
      const answers = async () =>
        (await manager.cardTexts()).filter((t) => t.includes("March 2027"));
      for (let i = 0; i < 100 && (await answers()).length < 2; i++)
        await new Promise((r) => setTimeout(r, 200));
      const texts = await answers();
      expect(texts).toHaveLength(2);
      expect(texts.every((t) => t.includes("There is no duty rota for March 2027 yet"))).toBe(true);
    });
  });

  it("an outcome with a review date past its limit shows a message", async () => {
    const sw = await session.as("social-worker");
    const clerk = await session.as("clerk");
    const chair = await session.as("chair");
    await session.run("request and book", async () => {
      await sw.sendMessage("request C-1001");
      const card = await sw.waitForCard("Ask the clerk to book");
      await sw.choose("Initial conference (ICPC)", { card });
      await sw.pickDate("strategyDate", "2027-01-11", { card });
      await sw.clickAction("Ask the clerk to book", { card });
      await sw.waitForCard("Conference requested");
      const book = await clerk.waitForCard(/Book this slot/);
      await clerk.choose("Fri 29 Jan 2027 10:00–11:30", { card: book });
      await clerk.clickAction("Book this slot", { card: book });
      await clerk.waitForCard("Conference booked");
    });
    await moveClock("2027-01-29T12:00:00.000Z");
    await session.run("outcome past the limit", async () => {
      await chair.sendMessage("outcome C-1001");
      const card = await chair.waitForCard("Record the outcome");
      // A decision for each child the conference was about.
      for (const [name, id] of [
        ["Alex", "case-C-1001-child-1"],
        ["Billie", "case-C-1001-child-2"],
      ] as const) {
        await card
          .getByRole("radiogroup", { name: `Decision for ${name}` })
          .getByLabel("Child protection plan", { exact: true })
          .check();
        await chair.fillInput(`category_${id}`, "Neglect", { card });
      }
      // The first RCPC must be held by Thu 29 Apr 2027: 1 June is past it.
      await chair.pickDate("nextRcpcDate", "2027-06-01", { card });
      await chair.pickDate("coreGroupDate", "2027-02-09", { card });
      await chair.clickAction("Record outcome", { card });
      const answer = await chair.waitForCard(/The next RCPC must be held by Thu 29 Apr 2027/);
      expect(await answer.innerText()).toContain("Record outcome");
    });
  });
});
