import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Task } from "../model";
import { silentLogger } from "../infra/logger";
import { seededRandom } from "../infra/scheduler/backoff";
import { Scheduler, type SweepReport } from "../infra/scheduler/scheduler";
import { CosmosStore } from "../infra/store/cosmos/cosmos-store";
import type { Store } from "../infra/store/port";
import { SqliteStore } from "../infra/store/sqlite/sqlite-store";
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
  });
});
