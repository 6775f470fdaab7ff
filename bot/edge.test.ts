import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { recordingLogger } from "../test/fixtures/recording-logger";
import { createBotEdge } from "./start-bot";

// The composition root builds the workflow on the edge's notifier before the
// edge listens with the workflow's handlers: no late binding (docs/layout.md).
describe("the Teams edge in two steps", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-edge-"));
  const store = new SqliteStore({ file: join(dir, "store.sqlite") });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("hands out its notifier before it listens, and listens once with the handlers", async () => {
    const edge = createBotEdge({
      config: { port: 0, appType: "SingleTenant", demoMode: true },
      store,
      logger: recordingLogger(),
      clock: () => new Date("2027-01-04T09:00:00.000Z"),
    });
    const notifier = edge.notifier;
    const handlers = {
      actions: new Map(),
      message: async () => ({ kind: "message" as const, text: "ok" }),
    };
    const running = await edge.listen({ handlers, host: "127.0.0.1" });
    try {
      expect(running.notifier).toBe(notifier);
      expect(running.messagesUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/messages$/);
      expect(() => edge.listen({ handlers, host: "127.0.0.1" })).toThrow(/already listening/);
    } finally {
      await running.close();
    }
  });

  it("refuses a production edge without an app id before anything listens", () => {
    expect(() =>
      createBotEdge({
        config: { port: 0, appType: "SingleTenant", demoMode: false },
        store,
        logger: recordingLogger(),
        clock: () => new Date("2027-01-04T09:00:00.000Z"),
      }),
    ).toThrow(/MicrosoftAppId is not set/);
  });
});
