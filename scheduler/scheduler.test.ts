import { type TaskHandler } from "../ports/tasks";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { Task } from "../model";
import { aTask, at } from "../test/fixtures/documents";
import { recordingLogger } from "../test/fixtures/recording-logger";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { exponentialBackoff, seededRandom } from "./backoff";
import { PermanentTaskError } from "../ports/task-errors";
import { Scheduler, type SchedulerDeps } from "./scheduler";

const root = mkdtempSync(join(tmpdir(), "convene-scheduler-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
function setup(handlers: Record<string, TaskHandler>, overrides: Partial<SchedulerDeps> = {}) {
  n += 1;
  const file = join(root, `s-${n}.sqlite`);
  const store = new SqliteStore({ file });
  let now = new Date(at(60_000));
  const clock = () => now;
  const logger = recordingLogger();
  const failed: { task: Task; error: string }[] = [];
  const scheduler = new Scheduler({
    store,
    clock,
    owner: "instance-a",
    leaseMs: 30_000,
    intervalMs: 10,
    maxAttempts: 3,
    backoff: (attempt) => attempt * 1000,
    handlers: new Map(Object.entries(handlers)),
    logger,
    onFailed: async (task, error) => {
      failed.push({ task, error });
    },
    ...overrides,
  });
  return {
    file,
    store,
    scheduler,
    logger,
    failed,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    task: async (id: string) => store.get("task", id, "m-1"),
  };
}

describe("Scheduler", () => {
  it("runs due tasks once, records the result, leaves later tasks alone", async () => {
    const calls: string[] = [];
    const s = setup({
      "test.job": async (task) => {
        calls.push(task.id);
        return { sent: 1 };
      },
    });
    await s.store.create(aTask("due", at(0)));
    await s.store.create(aTask("due-now", at(60_000)));
    await s.store.create(aTask("later", at(60_001)));
    const report = await s.scheduler.runOnce();
    expect(report).toMatchObject({ claimed: 2, done: 2, failed: 0, retried: 0 });
    expect(calls.sort()).toEqual(["due", "due-now"]);
    const done = await s.task("due");
    expect(done).toMatchObject({ status: "done", attempts: 1, result: { sent: 1 } });
    expect(done?.leaseOwner).toBeUndefined();
    expect((await s.task("later"))?.status).toBe("pending");
    expect((await s.scheduler.runOnce()).claimed).toBe(0);
  });

  it("retries a transient failure with backoff, then fails it after maxAttempts and raises it", async () => {
    let runs = 0;
    const s = setup({
      "test.job": async () => {
        runs += 1;
        throw Object.assign(new Error("Graph said 503"), { code: "ServiceUnavailable" });
      },
    });
    await s.store.create(aTask("flaky", at(0)));
    await s.scheduler.runOnce();
    let task = await s.task("flaky");
    expect(task).toMatchObject({ status: "pending", attempts: 1, dueAt: at(61_000) });
    expect(task?.lastError).toContain("ServiceUnavailable");

    s.advance(999);
    expect((await s.scheduler.runOnce()).claimed).toBe(0);
    s.advance(1);
    await s.scheduler.runOnce();
    task = await s.task("flaky");
    expect(task).toMatchObject({ status: "pending", attempts: 2, dueAt: at(63_000) });

    s.advance(2000);
    const report = await s.scheduler.runOnce();
    expect(report.failed).toBe(1);
    expect(runs).toBe(3);
    expect(await s.task("flaky")).toMatchObject({ status: "failed", attempts: 3 });
    expect(s.failed.map((f) => f.task.id)).toEqual(["flaky"]);
    // Whom it reaches is the workflow's (workflow/failures): here, that onFailed is told once.
    expect(s.failed[0]?.error).toMatch(/^ServiceUnavailable/);

    s.advance(3_600_000);
    expect((await s.scheduler.runOnce()).claimed).toBe(0);
  });

  it("fails a permanent error at once", async () => {
    const s = setup({
      "test.job": async () => {
        throw new PermanentTaskError("BadInput", "invite list has no police-check reason");
      },
    });
    await s.store.create(aTask("bad-input", at(0)));
    expect((await s.scheduler.runOnce()).failed).toBe(1);
    expect(await s.task("bad-input")).toMatchObject({ status: "failed", attempts: 1 });
    expect(s.failed).toHaveLength(1);
  });

  it("fails a handler whose result cannot be stored, instead of looping on it", async () => {
    const s = setup({ "test.job": async () => ({ big: 10n }) as never });
    await s.store.create(aTask("odd-result", at(0)));
    await s.scheduler.runOnce();
    expect((await s.task("odd-result"))?.lastError).toMatch(/^InvalidResult/);
  });

  it("fails a task with no handler instead of spinning on it", async () => {
    const s = setup({});
    await s.store.create(aTask("orphan", at(0), { taskType: "no.such.rule" }));
    await s.scheduler.runOnce();
    const task = await s.task("orphan");
    expect(task?.status).toBe("failed");
    expect(task?.lastError).toMatch(/^UnknownTaskType/);
  });

  it("reclaims a task whose lease expired, but not one whose lease holds", async () => {
    const calls: string[] = [];
    const s = setup({ "test.job": async (task) => void calls.push(task.id) });
    await s.store.create(
      aTask("orphaned", at(0), {
        status: "running",
        attempts: 1,
        leaseOwner: "dead",
        leaseUntil: at(59_000),
      }),
    );
    await s.store.create(
      aTask("held", at(0), {
        status: "running",
        attempts: 1,
        leaseOwner: "alive",
        leaseUntil: at(61_000),
      }),
    );
    await s.scheduler.runOnce();
    expect(calls).toEqual(["orphaned"]);
    expect(await s.task("orphaned")).toMatchObject({ status: "done", attempts: 2 });
    expect((await s.task("held"))?.status).toBe("running");
  });

  it("gives up on a task whose every claim ended in an expired lease, without running it", async () => {
    const calls: string[] = [];
    const s = setup({ "test.job": async (task) => void calls.push(task.id) });
    await s.store.create(
      aTask("poison", at(0), {
        status: "running",
        attempts: 3,
        leaseOwner: "dead",
        leaseUntil: at(0),
      }),
    );
    await s.scheduler.runOnce();
    expect(calls).toEqual([]);
    expect((await s.task("poison"))?.lastError).toMatch(/^LeaseExpired/);
  });

  it("records nothing when its lease was taken over while the handler ran", async () => {
    let release: () => void = () => undefined;
    const s = setup({
      "test.job": () => new Promise<void>((resolve) => (release = resolve)),
    });
    await s.store.create(aTask("slow", at(0)));
    const first = s.scheduler.runOnce();
    await new Promise((r) => setImmediate(r));
    // Lease over: another instance (same store file, own connection) takes it.
    s.advance(31_000);
    const otherStore = new SqliteStore({ file: s.file });
    const other = new Scheduler({
      store: otherStore,
      clock: () => new Date(at(91_000)),
      owner: "instance-b",
      leaseMs: 30_000,
      intervalMs: 10,
      maxAttempts: 3,
      backoff: () => 0,
      handlers: new Map([["test.job", async () => ({ by: "b" })]]),
      logger: recordingLogger(),
      onFailed: async () => undefined,
    });
    expect((await other.runOnce()).done).toBe(1);
    release();
    expect((await first).lostLeases).toBe(1);
    expect(await s.task("slow")).toMatchObject({
      status: "done",
      result: { by: "b" },
      attempts: 2,
    });
    await otherStore.close();
  });

  it("reports a malformed stored task by id and goes on with the others", async () => {
    const calls: string[] = [];
    const invalid: string[] = [];
    const s = setup(
      { "test.job": async (task) => void calls.push(task.id) },
      {
        onInvalid: (bad) => {
          invalid.push(bad.id);
        },
      },
    );
    await s.store.create(aTask("good-1", at(0)));
    await s.store.create(aTask("good-2", at(2_000)));
    const db = new Database(s.file);
    db.prepare(
      `INSERT INTO docs (coll, pk, id, type, etag, body, status, ready_at)
       VALUES ('tasks', 'm-1', 'bad-1', 'task', 'e', ?, 'pending', ?)`,
    ).run(JSON.stringify({ ...aTask("bad-1", at(1_000)), dueAt: "next tuesday" }), at(1_000));
    db.close();
    const report = await s.scheduler.runOnce();
    expect(report).toMatchObject({ done: 2, invalid: 1 });
    expect(calls.sort()).toEqual(["good-1", "good-2"]);
    expect(invalid).toEqual(["bad-1"]);
    expect(s.logger.lines.find((l) => l.level === "warn")?.obj).toMatchObject({ docId: "bad-1" });
  });

  it("awaits onInvalid: a task it sets aside is not met again; one it fails to set aside is logged and met again", async () => {
    const calls: string[] = [];
    let failNext = true;
    const s = setup(
      { "test.job": async (task) => void calls.push(task.id) },
      {
        onInvalid: async (bad) => {
          if (failNext) {
            failNext = false;
            throw new Error("store unavailable");
          }
          await s.store.quarantine(bad, new Date(at(5_000)));
        },
      },
    );
    await s.store.create(aTask("good-1", at(0)));
    const db = new Database(s.file);
    db.prepare(
      `INSERT INTO docs (coll, pk, id, type, etag, body, status, ready_at)
       VALUES ('tasks', 'm-1', 'bad-1', 'task', 'e', ?, 'pending', ?)`,
    ).run(JSON.stringify({ ...aTask("bad-1", at(1_000)), attempts: "three" }), at(1_000));
    db.close();
    expect(await s.scheduler.runOnce()).toMatchObject({ done: 1, invalid: 1 });
    expect(s.logger.lines.find((l) => l.level === "error")?.obj).toMatchObject({
      docId: "bad-1",
    });
    // Met again, set aside this time; then never again.
    expect(await s.scheduler.runOnce()).toMatchObject({ invalid: 1 });
    expect(await s.scheduler.runOnce()).toMatchObject({ invalid: 0 });
    expect((await s.store.quarantined()).map((q) => q.id)).toEqual(["bad-1"]);
    expect(calls).toEqual(["good-1"]);
  });

  it("loops on its interval between start and stop", async () => {
    const calls: string[] = [];
    const s = setup({ "test.job": async (task) => void calls.push(task.id) });
    await s.store.create(aTask("first", at(0)));
    s.scheduler.start();
    await waitFor(() => calls.length === 1);
    await s.store.create(aTask("second", at(0)));
    await waitFor(() => calls.length === 2);
    await s.scheduler.stop();
    expect(calls).toEqual(["first", "second"]);
  });
});

describe("exponentialBackoff", () => {
  it("doubles up to the cap with half the delay jittered", () => {
    const backoff = exponentialBackoff({ baseMs: 1000, maxMs: 60_000, random: () => 0.5 });
    expect([1, 2, 3, 10].map(backoff)).toEqual([750, 1500, 3000, 45_000]);
    const seeded = exponentialBackoff({ baseMs: 1000, maxMs: 60_000, random: seededRandom(7) });
    for (const attempt of [1, 2, 3, 4]) {
      const delay = seeded(attempt);
      const ceiling = 1000 * 2 ** (attempt - 1);
      expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
      expect(delay).toBeLessThanOrEqual(ceiling);
    }
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 5));
  }
}
