import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CosmosClient } from "@azure/cosmos";
import type { Task } from "../model";
import { silentLogger } from "../app/logger";
import { seededRandom } from "../scheduler/backoff";
import { Scheduler, type SweepReport } from "../scheduler/scheduler";
import { CosmosStore } from "../store/cosmos/cosmos-store";
import type { Store } from "../ports/store";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { startCosmosServer, stopCosmosServer } from "./cosmos-server";
import { aTask, at } from "./fixtures/documents";

const TASKS = 2000;
const INSTANCES = 4;
const NOW = new Date(at(3_600_000));

const tasks: Task[] = Array.from({ length: TASKS }, (_, i) =>
  aTask(`t-${String(i).padStart(5, "0")}`, at(i * 1000), { meetingId: `m-${i % 40}` }),
);

/**
 * 4 scheduler instances, each with its own store client, sweep one store of
 * 2,000 due tasks at the same time. The handler counts its calls per task id:
 * every task must run exactly once, and the instances must really have
 * competed (some claims lost).
 */
async function runRace(
  stores: Store[],
): Promise<{ calls: Map<string, number>; reports: SweepReport[] }> {
  const calls = new Map<string, number>();
  const reports: SweepReport[] = [];
  const instances = stores.map(
    (store, i) =>
      new Scheduler({
        store,
        clock: () => NOW,
        owner: `instance-${i}`,
        leaseMs: 10 * 60_000,
        intervalMs: 10,
        maxAttempts: 3,
        backoff: () => 1000,
        handlers: new Map([
          [
            "test.job",
            async (task: Task) => {
              calls.set(task.id, (calls.get(task.id) ?? 0) + 1);
              await new Promise((resolve) => setImmediate(resolve));
              return { by: i };
            },
          ],
        ]),
        logger: silentLogger,
        onFailed: async (task) => {
          throw new Error(`unexpected failure of ${task.id}`);
        },
        random: seededRandom(i + 1),
        pageSize: 50,
        concurrency: 4,
      }),
  );
  await Promise.all(
    instances.map(async (scheduler) => {
      for (;;) {
        const report = await scheduler.runOnce();
        reports.push(report);
        if (report.claimed === 0 && report.lostClaims === 0) return;
      }
    }),
  );
  return { calls, reports };
}

function expectExactlyOnce(calls: Map<string, number>, reports: SweepReport[]): void {
  expect(calls.size).toBe(TASKS);
  const repeated = [...calls].filter(([, count]) => count !== 1);
  expect(repeated).toEqual([]);
  const total = reports.reduce(
    (sum, r) => ({ done: sum.done + r.done, lost: sum.lost + r.lostClaims }),
    {
      done: 0,
      lost: 0,
    },
  );
  expect(total.done).toBe(TASKS);
  // The instances did compete for the same tasks; the etag decided.
  expect(total.lost).toBeGreaterThan(0);
}

describe("4 schedulers, 2,000 due tasks, exactly once", () => {
  it("sqlite: separate connections on one file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convene-race-"));
    try {
      const file = join(dir, "race.sqlite");
      const loader = new SqliteStore({ file });
      loader.createMany(tasks);
      const stores = Array.from({ length: INSTANCES }, () => new SqliteStore({ file }));
      const { calls, reports } = await runRace(stores);
      expectExactlyOnce(calls, reports);
      expect((await loader.dueTasks(NOW, 10)).items).toEqual([]);
      expect((await loader.get("task", "t-01999", "m-39"))?.status).toBe("done");
      for (const store of [loader, ...stores]) await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sqlite: four separate processes on one file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convene-race-procs-"));
    try {
      const file = join(dir, "race.sqlite");
      const loader = new SqliteStore({ file });
      loader.createMany(tasks);
      await loader.close();
      const worker = resolve(__dirname, "fixtures", "crash-worker.ts");
      const exits = Array.from({ length: INSTANCES }, (_, i) => {
        const child = spawn(
          process.execPath,
          [
            "-r",
            "ts-node/register/transpile-only",
            worker,
            file,
            join(dir, `results-${i}.txt`),
            NOW.toISOString(),
            String(10 * 60_000),
            "0",
            join(dir, `calls-${i}.txt`),
          ],
          { cwd: resolve(__dirname, ".."), stdio: ["ignore", "ignore", "inherit"] },
        );
        return new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
      });
      expect(await Promise.all(exits)).toEqual([0, 0, 0, 0]);
      const calls = new Map<string, number>();
      const perProcess: number[] = [];
      for (let i = 0; i < INSTANCES; i += 1) {
        const path = join(dir, `calls-${i}.txt`);
        const ids = existsSync(path)
          ? readFileSync(path, "utf8")
              .split("\n")
              .filter((l) => l !== "")
          : [];
        perProcess.push(ids.length);
        for (const id of ids) calls.set(id, (calls.get(id) ?? 0) + 1);
      }
      expect(calls.size).toBe(TASKS);
      expect([...calls].filter(([, count]) => count !== 1)).toEqual([]);
      // More than one process did real work (they ran side by side).
      expect(perProcess.filter((n) => n > 0).length).toBeGreaterThan(1);
      const check = new SqliteStore({ file });
      expect((await check.dueTasks(NOW, 10)).items).toEqual([]);
      await check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  describe("cosmos", () => {
    let server: Server;
    let endpoint: string;
    beforeAll(async () => {
      ({ server, endpoint } = await startCosmosServer());
    });
    afterAll(async () => {
      await stopCosmosServer(server);
    });

    it("separate CosmosClients on one database", async () => {
      const key = "dGVzdC1rZXk=";
      const options = { endpoint, key, databaseId: "race" };
      const loader = await CosmosStore.open(options);
      for (let i = 0; i < TASKS; i += 100) {
        await Promise.all(tasks.slice(i, i + 100).map((task) => loader.create(task)));
      }
      const stores: Store[] = [];
      for (let i = 0; i < INSTANCES; i += 1) stores.push(await CosmosStore.open(options));
      const { calls, reports } = await runRace(stores);
      expectExactlyOnce(calls, reports);
      expect((await loader.dueTasks(NOW, 10)).items).toEqual([]);
      expect((await loader.get("task", "t-01999", "m-39"))?.status).toBe("done");
      for (const store of [loader, ...stores]) await store.close();
    }, 120_000);

    it("bad data: a malformed task is reported by id and the sweep goes on", async () => {
      const options = { endpoint, key: "dGVzdC1rZXk=", databaseId: "bad-data" };
      const store = await CosmosStore.open(options);
      for (const task of tasks.slice(0, 30)) await store.create(task);
      const raw = new CosmosClient({
        endpoint,
        key: options.key,
        connectionPolicy: { enableEndpointDiscovery: false },
      });
      const bad = {
        ...aTask("t-bad", at(1500), { meetingId: "m-1" }),
        status: "paused",
        readyAt: at(1500),
      };
      await raw.database("bad-data").container("tasks").items.create(bad);
      raw.dispose();
      const invalid: string[] = [];
      const ran: string[] = [];
      const scheduler = new Scheduler({
        store,
        clock: () => NOW,
        owner: "solo",
        leaseMs: 60_000,
        intervalMs: 10,
        maxAttempts: 3,
        backoff: () => 1000,
        handlers: new Map([["test.job", async (task: Task) => void ran.push(task.id)]]),
        logger: silentLogger,
        onFailed: async () => undefined,
        onInvalid: (ref) => {
          invalid.push(ref.id);
        },
        pageSize: 7,
      });
      const report = await scheduler.runOnce();
      expect(invalid).toEqual(["t-bad"]);
      expect(report).toMatchObject({ done: 30, invalid: 1 });
      expect(ran).toHaveLength(30);
      await store.close();
    });
  });
});
