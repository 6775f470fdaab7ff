/**
 * bench/turn: latency of an Action.Execute invoke (`adaptiveCard/action`)
 * answered by the real Teams edge (startBot: zod validation, actor, stored
 * conversation reference, verb routing, the 1.5 s budget race, dedup) with a
 * handler that reads and rewrites one document in the SQLite store (a temp
 * file, synchronous=FULL as in production), beside a bare echo bot: the same
 * express server and CloudAdapter answering every invoke at once.
 * Both are measured in the same run, in alternating rounds, by 20 simulated
 * users each posting its next invoke as soon as the last was answered
 * (closed loop), over loopback without authentication (as in the Playground).
 * The users run in a worker thread, so the load generator's own HTTP work
 * does not queue on the bots' event loop and count as their latency.
 * Aim (the conference journey in Teams): the bot's p99 within 2x the echo bot's.
 *
 * Run: npm run bench -- turn   (or: npm run build && node dist/bench/turn.js)
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { startBot } from "../bot";
import { startEchoBot } from "../bot/echo-bot";
import { silentLogger } from "../app/logger";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import type { Notification } from "../model/notification";
import type { ActionHandler } from "../ports/actions";

const USERS = 20;
const INVOKES_PER_USER = 250;
const ROUNDS = 3;
const WARMUP_PER_USER = 25;
const TENANT = "d3e00000-0000-4000-8000-00000000c0de";

const userId = (i: number): string => `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`;

let sequence = 0;
function invoke(user: number): string {
  const objectId = userId(user);
  sequence += 1;
  return JSON.stringify({
    type: "invoke",
    name: "adaptiveCard/action",
    id: `bench-${sequence}`,
    channelId: "msteams",
    // Never called: an invoke's answer travels back in the HTTP response.
    serviceUrl: "http://127.0.0.1:9/",
    timestamp: new Date().toISOString(),
    from: { id: `29:${objectId}`, name: "Bench User", aadObjectId: objectId },
    recipient: { id: "28:convene-bench", name: "Convene" },
    conversation: { id: `a:bench-${user}`, conversationType: "personal", tenantId: TENANT },
    channelData: { tenant: { id: TENANT }, source: { name: "message" } },
    replyToId: `card-${user}`,
    value: {
      action: {
        type: "Action.Execute",
        verb: "bench.touch",
        data: { caseId: "case-bench", note: "x".repeat(200) },
      },
      trigger: "manual",
    },
  });
}

async function post(url: string, body: string): Promise<void> {
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const answer = (await res.json()) as { type?: string };
  if (res.status !== 200 || answer.type !== "application/vnd.microsoft.card.adaptive") {
    throw new Error(`unexpected answer ${res.status} ${JSON.stringify(answer).slice(0, 200)}`);
  }
}

/** Every user posts `perUser` invokes back to back; all users at once. Latencies in ms. */
async function load(url: string, perUser: number): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(
    Array.from({ length: USERS }, async (_, user) => {
      for (let n = 0; n < perUser; n += 1) {
        const body = invoke(user);
        const started = performance.now();
        await post(url, body);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return latencies;
}

interface LoadJob {
  url: string;
  perUser: number;
}

/** Runs `load` in a worker thread (this same file) and returns its latencies. */
function loadInWorker(job: LoadJob): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(__filename, { workerData: job });
    worker.once("message", (latencies: number[]) => resolve(latencies));
    worker.once("error", reject);
    worker.once("exit", (code) => {
      if (code !== 0) reject(new Error(`load worker exited ${code}`));
    });
  });
}

interface Stats {
  n: number;
  p50: number;
  p99: number;
  mean: number;
  max: number;
  perSecond: number;
}

function stats(latencies: number[], wallMs: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return {
    n: sorted.length,
    p50: at(0.5),
    p99: at(0.99),
    mean: sorted.reduce((a, b) => a + b, 0) / sorted.length,
    max: sorted[sorted.length - 1] ?? NaN,
    perSecond: (sorted.length / wallMs) * 1000,
  };
}

const ms = (v: number): string => `${v.toFixed(2).padStart(7)} ms`;
const line = (name: string, s: Stats): string =>
  `  ${name.padEnd(12)} p50 ${ms(s.p50)}  p99 ${ms(s.p99)}  mean ${ms(s.mean)}  max ${ms(s.max)}  ${Math.round(s.perSecond).toLocaleString("en-GB").padStart(6)} invokes/s  (n=${s.n.toLocaleString("en-GB")})\n`;

async function main(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), "convene-bench-turn-"));
  const store = new SqliteStore({ file: path.join(dir, "store.sqlite") });
  const createdAt = new Date().toISOString();
  for (let i = 0; i < USERS; i += 1) {
    const id = `bench-${userId(i)}`;
    const doc: Notification = {
      id,
      type: "notification",
      pk: id,
      kind: "bench",
      channel: "teams",
      recipient: userId(i),
      status: "pending",
      attempts: 0,
      createdAt,
    };
    await store.create(doc);
  }
  // What a real handler does at least: read its document and write it back (etag-conditional).
  const touch: ActionHandler = async ({ actor }) => {
    const id = `bench-${actor.objectId}`;
    const doc = await store.get("notification", id, id);
    if (doc === undefined) throw new Error(`missing ${id}`);
    const saved = await store.replace({ ...doc, attempts: doc.attempts + 1 }, doc.etag ?? "");
    return {
      kind: "card",
      card: {
        type: "AdaptiveCard",
        version: "1.5",
        body: [{ type: "TextBlock", text: `touched ${saved.attempts}` }],
      },
    };
  };
  const bot = await startBot({
    config: { port: 0, appType: "SingleTenant", demoMode: true },
    store,
    handlers: {
      actions: new Map([["bench.touch", touch]]),
      message: async () => ({ kind: "message", text: "" }),
    },
    logger: silentLogger,
    clock: () => new Date(),
    host: "127.0.0.1",
  });
  const echo = await startEchoBot();
  const targets = [
    { name: "echo bot", url: echo.messagesUrl, latencies: [] as number[], wallMs: 0 },
    { name: "convene bot", url: bot.messagesUrl, latencies: [] as number[], wallMs: 0 },
  ];
  try {
    process.stdout.write(
      `bench/turn: ${USERS} concurrent users, ${ROUNDS} rounds x ${(USERS * INVOKES_PER_USER).toLocaleString("en-GB")} invokes per bot, alternating; loopback, no auth\n`,
    );
    // JIT, sockets, first-contact references.
    for (const t of targets) await loadInWorker({ url: t.url, perUser: WARMUP_PER_USER });
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const t of round % 2 === 0 ? targets : [...targets].reverse()) {
        (globalThis as { gc?: () => void }).gc?.();
        const started = performance.now();
        t.latencies.push(...(await loadInWorker({ url: t.url, perUser: INVOKES_PER_USER })));
        t.wallMs += performance.now() - started;
      }
    }
    const [echoStats, botStats] = targets.map((t) => stats(t.latencies, t.wallMs)) as [
      Stats,
      Stats,
    ];
    process.stdout.write(line("echo bot", echoStats));
    process.stdout.write(line("convene bot", botStats));
    const p99Ratio = botStats.p99 / echoStats.p99;
    process.stdout.write(
      `  convene/echo: p50 ${(botStats.p50 / echoStats.p50).toFixed(2)}x, p99 ${p99Ratio.toFixed(2)}x (aim: p99 within 2x: ${p99Ratio <= 2 ? "met" : "NOT met"})\n`,
    );
    process.stdout.write(
      "  convene bot per invoke: zod check, stored-reference cache hit, verb routing, dedup map, SQLite get + etag replace (fsync)\n",
    );
  } finally {
    await bot.close();
    await echo.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (isMainThread) {
  main().catch((err: unknown) => {
    process.stderr.write(
      `bench/turn: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
    );
    process.exit(1);
  });
} else {
  // A load worker (loadInWorker): run the users and hand back the latencies; never main().
  const job = workerData as LoadJob;
  void load(job.url, job.perUser).then((latencies) => parentPort?.postMessage(latencies));
}
