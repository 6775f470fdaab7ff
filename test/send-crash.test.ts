import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DEMO_IDS } from "../app/demo/authority";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { reportInDoubtAtStart } from "../workflow/failures/in-doubt-at-start";
import { sendCardOnce } from "../workflow/kernel/notify";
import { recordingNotifier } from "./fakes/recording-notifier";
import { SENT_NOTICE } from "./fixtures/send-notice";
import { cardOnlyDeps } from "./fixtures/workflow-deps";

/**
 * A process killed after Teams accepted a card and before Convene recorded
 * it (a real SIGKILL, not a simulated one): the next start reports the card
 * in doubt to the service owners at once, and the re-run sends it so it
 * surely arrives. The one duplicate Teams cannot rule out is reported, never
 * silent.
 */
const worker = resolve(__dirname, "fixtures", "send-worker.ts");
const KILLED = "convene-host:1001:aaaa1111";
const RESTARTED = "convene-host:1002:bbbb2222";
const SENT_AT = "2027-01-26T09:00:00.000Z";

function exited(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((done) => child.once("exit", (_code, signal) => done(signal)));
}

describe("a process killed mid-send", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-send-crash-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("leads to an in-doubt report at the next start, then one more send, never a silent duplicate", async () => {
    const db = join(dir, "store.sqlite");
    const accepted = join(dir, "accepted.txt");
    await new SqliteStore({ file: db }).close();
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", worker, db, accepted, KILLED, SENT_AT],
      { cwd: resolve(__dirname, ".."), stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exit = exited(child);
    const deadline = Date.now() + 30_000;
    while (!existsSync(accepted)) {
      if (Date.now() > deadline) throw new Error(`worker never sent: ${stderr}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    expect(await exit).toBe("SIGKILL");
    expect(readFileSync(accepted, "utf8").trim().split("\n")).toEqual([DEMO_IDS.clerk]);

    // The next start, two minutes later.
    const store = new SqliteStore({ file: db });
    let now = new Date("2027-01-26T09:02:00.000Z");
    const notifier = recordingNotifier(() => now);
    const deps = cardOnlyDeps({ store, clock: () => now, notifier, instance: RESTARTED });
    const left = await store.get("notification", SENT_NOTICE.id, SENT_NOTICE.id);
    expect(left).toMatchObject({ status: "pending", attempts: 1, claimedBy: KILLED });
    expect(await reportInDoubtAtStart(deps, { instance: RESTARTED, singleInstance: true })).toEqual(
      { inDoubt: 1, raised: 1 },
    );
    const incidents = (await store.listAll("incident")).items;
    expect(incidents).toEqual([
      expect.objectContaining({
        kind: "in-doubt-send",
        notificationId: SENT_NOTICE.id,
        raisedAt: "2027-01-26T09:02:00.000Z",
      }),
    ]);

    // The interrupted task is re-run after its lease: it sends once more and
    // raises nothing new.
    now = new Date("2027-01-26T09:21:00.000Z");
    expect(await sendCardOnce(deps, SENT_NOTICE)).toBe("sent");
    expect(notifier.sent.map((s) => s.to)).toEqual([DEMO_IDS.clerk]);
    expect((await store.listAll("incident")).items).toHaveLength(1);
    await store.close();
  }, 60_000);
});
