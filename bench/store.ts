/**
 * Embedded store benchmark. Run: npx tsc -p tsconfig.build.json && node dist/bench/store.js [counts…]
 *
 * For each task count (default 100,000 and 1,000,000), in a fresh SQLite file
 * under the OS temp dir:
 * 1. insert rate: tasks loaded through SqliteStore.createMany, 10,000 per
 *    transaction (each validated against the Task schema, as create does);
 * 2. latency, medians: one due-task page query (100 tasks); claiming one
 *    page (the query plus 100 etag-conditional replaces, as the scheduler
 *    does); a plain indexed point read of one task — and the ratios;
 * 3. a full sweep by the real Scheduler (claim + no-op handler + record done
 *    for every task) in a child process of its own, so its peak RSS
 *    (sampled, and the kernel's maxRSS) is the sweep's alone.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Task } from "../model";
import { silentLogger } from "../app/logger";
import { Scheduler } from "../scheduler/scheduler";
import { SqliteStore } from "../store/sqlite/sqlite-store";

const BASE = Date.parse("2027-01-04T09:00:00.000Z");
const NOW = new Date(BASE + 400 * 86_400_000);
const BATCH = 10_000;
const PAGE = 100;

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (value: number): string => `${value.toFixed(3)} ms`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function taskAt(i: number): Task {
  const meetingId = `m-${i % 5000}`;
  return {
    id: `${meetingId}:rule-${i}`,
    type: "task",
    pk: meetingId,
    taskType: "bench.noop",
    caseId: `case-${i % 5000}`,
    meetingId,
    // Spread over a year, all due at NOW.
    dueAt: new Date(BASE + (i % 31_536_000) * 1000).toISOString(),
    status: "pending",
    attempts: 0,
  };
}

async function measure(count: number, dir: string): Promise<void> {
  const file = join(dir, `bench-${count}.sqlite`);
  const store = new SqliteStore({ file });
  out(`\n== ${count.toLocaleString("en-GB")} tasks (${file})`);

  // 1. Insert.
  const insertStart = performance.now();
  for (let from = 0; from < count; from += BATCH) {
    const batch: Task[] = [];
    for (let i = from; i < Math.min(count, from + BATCH); i += 1) batch.push(taskAt(i));
    store.createMany(batch);
  }
  const insertMs = performance.now() - insertStart;
  out(
    `insert: ${(count / (insertMs / 1000)).toFixed(0)} tasks/s (${(insertMs / 1000).toFixed(1)} s)`,
  );

  // 2. Latencies. Reads first, then claims (claims take tasks off the due list).
  const getTimes: number[] = [];
  for (let r = 0; r < 2000; r += 1) {
    const i = Math.floor((r * 7919) % count);
    const task = taskAt(i);
    const t = performance.now();
    await store.get("task", task.id, task.pk);
    getTimes.push(performance.now() - t);
  }
  const pageTimes: number[] = [];
  for (let r = 0; r < 50; r += 1) {
    const t = performance.now();
    await store.dueTasks(NOW, PAGE);
    pageTimes.push(performance.now() - t);
  }
  const claimTimes: number[] = [];
  for (let r = 0; r < 20; r += 1) {
    const t = performance.now();
    const page = await store.dueTasks(NOW, PAGE);
    for (const task of page.items) {
      await store.replace(
        {
          ...task,
          status: "running",
          leaseOwner: "bench",
          leaseUntil: new Date(NOW.getTime() + 3_600_000).toISOString(),
          attempts: 1,
        },
        task.etag ?? "",
      );
    }
    claimTimes.push(performance.now() - t);
  }
  const get = median(getTimes);
  const query = median(pageTimes);
  const claim = median(claimTimes);
  out(`point read of one task (indexed get), median of 2000: ${ms(get)}`);
  out(
    `due-task page query (${PAGE} tasks), median of 50:    ${ms(query)} = ${(query / get).toFixed(1)}x one read`,
  );
  out(
    `claim one page (query + ${PAGE} conditional replaces), median of 20: ${ms(claim)} = ${(claim / get).toFixed(1)}x one read, ${(claim / PAGE / get).toFixed(2)}x one read per task`,
  );
  await store.close();

  // 3. Full sweeps, each in its own process so its peak RSS is its own.
  const read = await sweepInChild("read", file);
  out(
    `full read-only sweep (dueTasks pages of ${SWEEP_PAGE}, every task decoded): ${read.done.toLocaleString("en-GB")} tasks in ${(read.ms / 1000).toFixed(1)} s`,
  );
  out(
    `  peak RSS: sampled ${mb(read.peakRss)}, kernel maxRSS ${mb(read.maxRss)} (at start ${mb(read.startRss)})`,
  );
  if (count <= fullRunLimit) {
    const run = await sweepInChild("run", file);
    out(
      `full scheduler sweep (claim + no-op handler + record done): ${run.done.toLocaleString("en-GB")} tasks in ${(run.ms / 1000).toFixed(1)} s (${(run.done / (run.ms / 1000)).toFixed(0)} tasks/s)`,
    );
    out(
      `  peak RSS: sampled ${mb(run.peakRss)}, kernel maxRSS ${mb(run.maxRss)} (at start ${mb(run.startRss)})`,
    );
  } else {
    out(
      `full scheduler sweep: skipped above ${fullRunLimit.toLocaleString("en-GB")} tasks (two commits per task: --full-run-limit N to force; two fsync'd commits per task)`,
    );
  }
}

function sweepInChild(mode: "read" | "run", file: string): Promise<SweepResult> {
  return new Promise<SweepResult>((resolve, reject) => {
    const child = fork(__filename, ["--sweep", mode, file], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    child.once("message", (message) => resolve(message as SweepResult));
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`sweep child exited ${code}`));
    });
  });
}

/**
 * The claim-and-record sweep makes two fsync'd commits per task: at
 * 1,000,000 tasks that is about 15 minutes on the dev machine, so by default
 * it runs up to 200,000 tasks and the 1M figure comes from the read-only
 * sweep (same paging, same decoding). `--full-run-limit 2000000` forces it.
 */
let fullRunLimit = 200_000;

interface SweepResult {
  done: number;
  ms: number;
  startRss: number;
  peakRss: number;
  maxRss: number;
}

const SWEEP_PAGE = 500;

/** Child side, read-only: page through every due task, as a sweep does, without claiming. */
async function readSweepChild(file: string): Promise<void> {
  const store = new SqliteStore({ file });
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  let done = 0;
  const t = performance.now();
  let continuation: string | undefined;
  do {
    const page = await store.dueTasks(NOW, SWEEP_PAGE, continuation);
    done += page.items.length;
    continuation = page.continuation;
    if (done % 10_000 < SWEEP_PAGE) peakRss = Math.max(peakRss, process.memoryUsage.rss());
  } while (continuation !== undefined);
  const elapsed = performance.now() - t;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  await store.close();
  process.send?.(sweepResult(done, elapsed, startRss, peakRss));
}

function sweepResult(
  done: number,
  elapsed: number,
  startRss: number,
  peakRss: number,
): SweepResult {
  // maxRSS is in kilobytes.
  return { done, ms: elapsed, startRss, peakRss, maxRss: process.resourceUsage().maxRSS * 1024 };
}

/** Child side: the real Scheduler sweeps every due task once with a no-op handler. */
async function runSweepChild(file: string): Promise<void> {
  const store = new SqliteStore({ file });
  const startRss = process.memoryUsage.rss();
  let peakRss = startRss;
  let handled = 0;
  const scheduler = new Scheduler({
    store,
    clock: () => NOW,
    owner: "bench",
    leaseMs: 3_600_000,
    intervalMs: 1000,
    maxAttempts: 3,
    backoff: () => 1000,
    // The sweep never yields to the timer queue (SQLite is synchronous), so
    // RSS is sampled inline, every 1,000 tasks.
    handlers: new Map([
      [
        "bench.noop",
        async () => {
          handled += 1;
          if (handled % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage.rss());
        },
      ],
    ]),
    logger: silentLogger,
    onFailed: async () => undefined,
    pageSize: SWEEP_PAGE,
    concurrency: 1,
  });
  const t = performance.now();
  let done = 0;
  // The page claims of step 2 left some tasks running under a lease of an
  // hour; the sweep runs at NOW, so they stay out of it.
  for (;;) {
    const report = await scheduler.runOnce();
    done += report.done;
    if (report.claimed === 0) break;
  }
  const elapsed = performance.now() - t;
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
  await store.close();
  process.send?.(sweepResult(done, elapsed, startRss, peakRss));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--sweep" && args[2] !== undefined) {
    await (args[1] === "read" ? readSweepChild(args[2]) : runSweepChild(args[2]));
    return;
  }
  const limitAt = args.indexOf("--full-run-limit");
  if (limitAt >= 0) {
    fullRunLimit = Number(args[limitAt + 1]);
    args.splice(limitAt, 2);
  }
  const counts = args.length > 0 ? args.map(Number) : [100_000, 1_000_000];
  const dir = mkdtempSync(join(tmpdir(), "convene-bench-store-"));
  const started = performance.now();
  out(`bench/store: embedded SQLite store, node ${process.version}, temp dir ${dir}`);
  try {
    for (const count of counts) await measure(count, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  out(`\ntotal elapsed: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
