import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startBot, type RunningBot } from "../../bot";
import { silentLogger } from "../../app/logger";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import type { ActionHandler, MessageRequest } from "../../ports/actions";
import type { CardJson } from "../../ports/notifier";
import { E2eSession } from "./e2e-session";
import { DEMO_USERS } from "./playground-process";

/**
 * Proves the end-to-end harness on the real bot edge, the real Agents
 * Playground and headless Chromium, with handlers written here (not the
 * workflow): a card round trip, a slow action finishing in the background,
 * a proactive card, and a second user with their own Playground.
 */
jest.setTimeout(120_000);

const objectIdOf = (key: string): string => {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (user === undefined) throw new Error(key);
  return user.aadObjectId;
};

const card = (...body: CardJson[]): CardJson => ({
  type: "AdaptiveCard",
  $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
  version: "1.5",
  body,
});
const text = (t: string): CardJson => ({ type: "TextBlock", text: t, wrap: true });

const noteCard = (): CardJson => ({
  ...card(
    text("Leave a note"),
    { type: "Input.Text", id: "note", label: "Your note" },
    {
      type: "Input.ChoiceSet",
      id: "kind",
      label: "Meeting kind",
      style: "compact",
      value: "ICPC",
      choices: [
        { title: "Initial conference", value: "ICPC" },
        { title: "Review conference", value: "RCPC" },
      ],
    },
    {
      type: "Input.Toggle",
      id: "police",
      title: "Police check needed",
      valueOn: "yes",
      valueOff: "no",
    },
  ),
  actions: [
    { type: "Action.Execute", title: "Save note", verb: "note.save", data: { caseId: "case-1" } },
    { type: "Action.Execute", title: "Save slowly", verb: "note.slow" },
  ],
});

describe("end-to-end harness: Agents Playground in headless Chromium", () => {
  let dir: string;
  let store: SqliteStore;
  let bot: RunningBot;
  let session: E2eSession;
  const messages: MessageRequest[] = [];
  const saved: unknown[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "convene-e2e-harness-"));
    store = new SqliteStore({ file: join(dir, "store.sqlite") });
    const save: ActionHandler = async ({ data }) => {
      saved.push(data);
      const d = data as { note?: string; kind?: string; police?: string };
      return {
        kind: "card",
        card: card(text(`Saved: ${d.note} (${d.kind}, police check: ${d.police})`)),
      };
    };
    bot = await startBot({
      config: { port: 0, appType: "SingleTenant", demoMode: true },
      store,
      logger: silentLogger,
      clock: () => new Date(),
      host: "127.0.0.1",
      handlers: {
        message: async (request) => {
          messages.push(request);
          return request.text === "hello"
            ? { kind: "card", card: noteCard() }
            : { kind: "message", text: `You said ${request.text}` };
        },
        actions: new Map<string, ActionHandler>([
          ["note.save", save],
          [
            "note.slow",
            async (request) => {
              // Longer than the 1.5 s invoke budget: answered "working", updated later.
              await new Promise((r) => setTimeout(r, 3000));
              return save(request);
            },
          ],
        ]),
      },
    });
    session = await E2eSession.start({ botEndpoint: bot.messagesUrl });
  });

  afterAll(async () => {
    await session?.close();
    await bot?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("hello → a card with inputs → fill and click → the card updates with what was submitted", async () => {
    await session.run("card round trip", async () => {
      const clerk = await session.as("clerk");
      await clerk.sendMessage("hello");
      const form = await clerk.waitForCard("Leave a note");
      await clerk.fillInput("Your note", "Family prefer mornings", { card: form });
      await clerk.fillInput("kind", "Review conference"); // by the input's id in the card JSON
      await clerk.fillInput("police", "true");
      await clerk.clickAction("Save note", { card: form });
      await clerk.waitForCard("Saved: Family prefer mornings (RCPC, police check: yes)");
      expect(saved).toEqual([
        { caseId: "case-1", note: "Family prefer mornings", kind: "RCPC", police: "yes" },
      ]);
      expect(messages[0]?.actor).toEqual({ objectId: objectIdOf("clerk"), name: "Casey Clerk" });
      expect(await clerk.cardTexts()).not.toContainEqual(expect.stringContaining("Leave a note"));
    });
  });

  it("a slow action shows 'Working on it', then the card updates in place when it finishes", async () => {
    await session.run("slow action", async () => {
      const clerk = await session.as("clerk");
      await clerk.sendMessage("hello");
      const form = await clerk.waitForCard("Leave a note");
      await clerk.fillInput("Your note", "Slow one", { card: form });
      await clerk.clickAction("Save slowly", { card: form });
      await clerk.waitForCard("Working on it");
      await clerk.waitForCard("Saved: Slow one", { timeoutMs: 15_000 });
      expect(await clerk.cardTexts()).not.toContainEqual(expect.stringContaining("Working on it"));
    });
  });

  it("a proactive notifier.sendCard appears in the user's chat", async () => {
    await session.run("proactive card", async () => {
      const clerk = await session.as("clerk");
      const result = await bot.notifier.sendCard(
        objectIdOf("clerk"),
        card(text("Escalation: an invite list is overdue")),
        "An invite list is overdue",
      );
      expect(result.outcome).toBe("sent");
      await clerk.waitForCard("Escalation: an invite list is overdue");
    });
  });

  it("switches user: the social worker has their own Playground, chat and proactive cards", async () => {
    await session.run("second user", async () => {
      const sw = await session.as("social-worker");
      await sw.sendMessage("status please");
      await sw.waitForMessage("You said status please");
      expect(messages.at(-1)?.actor).toEqual({
        objectId: objectIdOf("social-worker"),
        name: "Sam Social",
      });
      const result = await bot.notifier.sendCard(
        objectIdOf("social-worker"),
        card(text("Reminder: police check reasons are due")),
        "Police check reasons are due",
      );
      expect(result.outcome).toBe("sent");
      await sw.waitForCard("Reminder: police check reasons are due");
      const clerk = await session.as("clerk");
      expect(await clerk.cardTexts()).not.toContainEqual(
        expect.stringContaining("police check reasons are due"),
      );
      const stored = await store.get(
        "conversation-reference",
        objectIdOf("social-worker"),
        objectIdOf("social-worker"),
      );
      expect(stored?.conversationId).toBe("personal-chat-social-worker");
    });
  });
});
