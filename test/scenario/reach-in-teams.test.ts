import { botUnderTest, type BotUnderTest } from "../../bot/__tests__/bot-under-test";
import { DEMO_IDS } from "../../app/demo/authority";
import { requestAndBook } from "./journey";
import { entraAuthority, OWNER_EMAIL, peopleFor, seedDirectory } from "./entra-staff";
import { refreshStaff } from "../../workflow/staff/refresh";
import { makeWorld, type World } from "./world";

/**
 * Everyone who must get a card gets it: a team manager who never opened
 * Convene gets the escalation card with its actions (Convene installed for
 * them through the local Graph, the card through the Bot Connector fake);
 * with the app blocked for them by policy, the escalation arrives by email
 * in plain words with a link to Convene's chat and no action that works
 * without signing in, and the service owners are told.
 */
const CATALOG_APP = "d0000000-0000-4000-8000-000000000001";
const TM_EMAIL = "tayo.manager@demo-council.example";
const CHAT_LINK = "https://teams.microsoft.com/l/chat/0/0?users=28:convene-bot";

describe("reaching someone who never opened Convene", () => {
  let world: World;
  let bot: BotUnderTest;
  let closePeople: () => void;

  beforeEach(async () => {
    world = await makeWorld({
      policy: "swindon",
      start: "2027-01-11T09:00:00.000Z",
      authority: entraAuthority("swindon"),
    });
    const graph = world.graph!;
    seedDirectory(graph);
    graph.state.teamsApps.addToCatalog({
      id: CATALOG_APP,
      externalId: "convene-manifest",
      displayName: "Convene",
      botId: graph.clientId,
    });
    const people = peopleFor(graph, CATALOG_APP);
    closePeople = people.close;
    bot = await botUnderTest({
      install: {
        installer: people.installer!,
        tenantId: graph.tenantId,
        botId: `28:${graph.clientId}`,
      },
    });
    world.deps.directory = people.directory;
    world.deps.notifier = bot.bot.notifier;
    world.deps.teamsChatLink = CHAT_LINK;
    expect((await refreshStaff(world.deps, "daily")).ok).toBe(true);
  });
  afterEach(async () => {
    closePeople();
    await bot.close();
    await world.close();
  });

  async function escalate(): Promise<void> {
    await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
    // No invite list: the TM's reminder (Mon 18 Jan) and escalation (Tue 19 Jan).
    await world.advanceTo("2027-01-19T12:00:00.000Z");
  }

  it("installs Convene for the manager and sends the escalation card with its actions", async () => {
    await escalate();
    const installation = world.graph!.state.teamsApps.installationOf(
      DEMO_IDS.teamManager,
      CATALOG_APP,
    );
    expect(installation).toBeDefined();
    const toTm = bot.connector.calls.filter((c) =>
      c.path.includes(encodeURIComponent(installation!.chatId)),
    );
    const escalation = toTm.find((c) => String(c.body.summary).startsWith("Escalation"));
    expect(escalation).toBeDefined();
    const card = (
      escalation!.body.attachments as { content: { actions: { verb?: string }[] } }[]
    )[0]!.content;
    expect(card.actions.map((a) => a.verb)).toEqual(
      expect.arrayContaining(["task.acknowledge", "task.done"]),
    );
    // Installed once (the reminder the day before did it; the escalation found the conversation stored).
    const posts = world.graph!.calls.filter(
      (c) =>
        c.method === "POST" && c.path === `/users/${DEMO_IDS.teamManager}/teamwork/installedApps`,
    );
    expect(posts).toHaveLength(1);
    expect(world.graph!.state.sentMail.filter((m) => m.to.includes(TM_EMAIL))).toEqual([]);
    expect(world.failed).toEqual([]);
  });

  it("treats an app already installed as installed and sends into its chat", async () => {
    const existing = world.graph!.state.teamsApps.install(DEMO_IDS.teamManager, CATALOG_APP);
    await escalate();
    expect(
      bot.connector.calls.some(
        (c) =>
          c.path.includes(encodeURIComponent(existing.chatId)) &&
          String(c.body.summary).startsWith("Escalation"),
      ),
    ).toBe(true);
    expect(world.failed).toEqual([]);
  });

  it("with the app blocked by policy: the escalation by email with a chat link and no action link, and the service owners told", async () => {
    world.graph!.state.teamsApps.block(CATALOG_APP, [DEMO_IDS.teamManager]);
    await escalate();
    expect(bot.connector.calls.filter((c) => c.path.includes(DEMO_IDS.teamManager))).toEqual([]);
    const mails = world.graph!.state.sentMail.filter((m) => m.to.includes(TM_EMAIL));
    const escalation = mails.find((m) =>
      (m.message as { subject: string }).subject.startsWith("Convene: Escalation"),
    );
    expect(escalation).toBeDefined();
    const body = JSON.stringify(escalation!.message);
    expect(body).toContain(CHAT_LINK);
    expect(body).toMatch(/In Teams you can answer it: .*Acknowledge/);
    // The only link is the chat's, which needs signing in to Teams: no
    // action URL, no verb, no card data.
    const links = body.match(/https?:\/\/[^\s"\\]+/g) ?? [];
    expect(new Set(links)).toEqual(new Set([CHAT_LINK]));
    expect(body).not.toMatch(/task\.acknowledge|task\.done|"verb"/);
    const owners = world.graph!.state.sentMail.filter((m) => m.to.includes(OWNER_EMAIL));
    expect(owners).toHaveLength(1);
    expect((owners[0]!.message as { subject: string }).subject).toBe(
      "Convene: Tayo Manager cannot be reached in Teams",
    );
    expect(world.failed).toEqual([]);
  });
});
