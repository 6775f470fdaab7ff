import type { E2eSession } from "./e2e-session";
import { startConveneInPlayground, type ConveneInPlayground } from "./convene-in-playground";

/**
 * The conference journey in Teams, end to end: the whole of Convene (composition root, workflow,
 * scheduler, embedded store, outbox calendar, the Teams edge) driven
 * through the Microsoft 365 Agents Playground in headless Chromium, one
 * Playground per person as each has their own Teams. What is asserted is
 * what Playwright sees on the pages.
 *
 * The demo clock starts at Mon 11 Jan 2027 09:00 and only moves when the
 * test moves it (POST /api/demo/clock), so every date below is fixed.
 * Policy `swindon`: the invite list is due 5 working days after the
 * strategy discussion and escalated to the TM and SM at 09:00 on the 6th
 * (Tue 19 Jan).
 */
jest.setTimeout(240_000);

const START = new Date("2027-01-11T09:00:00.000Z");

describe("a conference booked, listed and escalated in the Agents Playground", () => {
  let world: ConveneInPlayground;
  let session: E2eSession;

  beforeAll(async () => {
    world = await startConveneInPlayground("journey", START);
    session = world.session;
  });
  afterAll(async () => {
    await world?.close();
  });

  const moveClock = (to: string): Promise<void> => world.moveClock(to);

  it("the social worker requests an ICPC and the clerk books it inside the limit", async () => {
    // Everyone opens Teams first: that installs the app, so cards can reach them.
    const clerk = await session.as("clerk");
    const sw = await session.as("social-worker");
    await session.as("team-manager");
    await session.as("service-manager");

    await session.run("request", async () => {
      await sw.sendMessage("request C-1001");
      const card = await sw.waitForCard("Ask the clerk to book");
      await sw.choose("Initial conference (ICPC)", { card });
      await sw.pickDate("strategyDate", "2027-01-11", { card });
      await sw.clickAction("Ask the clerk to book", { card });
      await sw.waitForCard("Conference requested");
    });

    await session.run("book", async () => {
      const card = await clerk.waitForCard(/Book this slot/);
      await clerk.choose("Fri 29 Jan 2027 10:00–11:30", { card });
      await clerk.clickAction("Book this slot", { card });
      // The clerk's card updates in place once the Outlook event exists.
      await clerk.waitForCard("Conference booked");
    });
  });

  it("the social worker submits the invite list with a police check and its reason", async () => {
    const sw = await session.as("social-worker");
    await session.run("invite list", async () => {
      const card = await sw.waitForCard("Submit list as complete");
      await sw.fillInput("invitees.0.name", "Gus Example", { card });
      await sw.fillInput("invitees.0.role", "Father", { card });
      await sw.fillInput("invitees.0.email", "gus@home.example", { card });
      await sw.fillInput("invitees.0.relation", "Family", { card });
      await sw.fillInput("invitees.0.policeCheck", "true", { card });
      await sw.fillInput("invitees.0.policeCheckReason", "Lives in the household", { card });
      // The police need a date of birth and an address to find the person.
      await sw.pickDate("invitees.0.dob", "2000-01-15", { card });
      await sw.fillInput("invitees.0.address", "1 Example Road, Exampletown", { card });
      await sw.clickAction("Submit list as complete", { card });
      const done = await sw.waitForCard("Invite list received");
      expect(await done.innerText()).toMatch(/Police checks\s*1/);
    });
  });

  it("when the clock passes another case's invite-list deadline, the managers get the escalation", async () => {
    const sw = await session.as("social-worker");
    await session.run("second request", async () => {
      await sw.sendMessage("request C-1002");
      const card = await sw.waitForCard(
        /C-1002[\s\S]*Ask the clerk to book|Ask the clerk to book[\s\S]*C-1002/,
      );
      await sw.choose("Initial conference (ICPC)", { card });
      await sw.pickDate("strategyDate", "2027-01-11", { card });
      await sw.clickAction("Ask the clerk to book", { card });
      await sw.waitForCard(/Conference requested[\s\S]*C-1002/);
    });
    // No invite list for C-1002: past invite-list.escalate (Tue 19 Jan 09:00).
    await moveClock("2027-01-19T09:05:00.000Z");
    for (const manager of ["team-manager", "service-manager"] as const) {
      const page = await session.as(manager);
      await session.run(`escalation to ${manager}`, async () => {
        const card = await page.waitForCard(/Escalation[\s\S]*C-1002/);
        const text = await card.innerText();
        expect(text).not.toContain("invite-list.escalate");
        expect(text).toContain("Acknowledge");
      });
    }
    // C-1001's list came in time: no escalation names it.
    const tm = await session.as("team-manager");
    const escalations = (await tm.cardTexts()).filter((t) => t.startsWith("Escalation"));
    expect(escalations.some((t) => t.includes("C-1001"))).toBe(false);
  });
});
