/**
 * bench/replies: the Microsoft Graph requests needed to refresh the Outlook
 * replies of 200 upcoming meetings (12 professionals each) with the
 * batched adapter (`$batch` of 20 `GET …/events/{id}?$select=attendees`),
 * beside the naive count (one GET per meeting), and the time for both
 * against the local Graph (test/local-graph): with no latency, with a
 * Graph-like latency per Outlook read, and (batched) under injected 429/503
 * on batch parts. Both ways keep to Outlook's 4 concurrent requests per
 * mailbox. Figures only; graph/graph-replies.test.ts asserts.
 *
 * Run: npm run build && node dist/bench/replies.js [--meetings N] [--latency MS]
 */
import type { ClosableCalendar } from "../graph/create-calendar";
import { graphCalendarFor } from "../test/local-graph/harness";
import { createHttpsFetch } from "../graph/http/https-fetch";
import { Limiter } from "../graph/limiter";
import {
  EventAttendeesSchema,
  eventAttendeesUrl,
  fromEventAttendees,
} from "../graph/translate/replies";
import type { AttendeeReply } from "../ports/replies";
import { ORGANIZER } from "../test/local-graph/booking-fixture";
import { replyInPattern, seedMeetings } from "../test/local-graph/replies-fixture";
import { startLocalGraph, type LocalGraph } from "../test/local-graph";

const TOKEN = "bench-replies-token";
const NOW = new Date("2026-12-01T09:00:00.000Z");
const MAILBOX_CONCURRENCY = 4;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

function calendarFor(graph: LocalGraph): ClosableCalendar {
  // Retry-After and backoff are counted, not waited: the figure is Convene's work.
  return graphCalendarFor(graph, TOKEN, { sleep: async () => undefined });
}

interface Run {
  ms: number;
  requests: number;
  /** Outlook reads: batch parts, or plain GETs. Graph counts each against the mailbox's limits. */
  reads: number;
  replies: Map<string, AttendeeReply[]>;
}

async function timed(
  graph: LocalGraph,
  work: () => Promise<Map<string, AttendeeReply[]>>,
): Promise<Run> {
  graph.calls.length = 0;
  const started = process.hrtime.bigint();
  const replies = await work();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const reads = graph.calls.reduce((n, c) => n + (c.parts?.length ?? 1), 0);
  return { ms, requests: graph.calls.length, reads, replies };
}

/** The batched adapter: graph/attendee-replies.ts through createCalendar. */
function batched(graph: LocalGraph, ids: readonly string[]): Promise<Run> {
  const calendar = calendarFor(graph);
  return timed(graph, () => calendar.attendeeReplies(ORGANIZER, ids)).finally(() =>
    calendar.close(),
  );
}

/** The naive way: one GET per meeting, four at a time (Outlook's limit per mailbox). */
function naive(graph: LocalGraph, ids: readonly string[]): Promise<Run> {
  const https = createHttpsFetch({ ca: graph.ca, timeoutMs: 5_000 });
  const limiter = new Limiter(MAILBOX_CONCURRENCY);
  return timed(graph, async () => {
    const out = new Map<string, AttendeeReply[]>();
    await Promise.all(
      ids.map((id) =>
        limiter.run(async () => {
          const response = await https.fetch(
            `${graph.baseUrl}/v1.0${eventAttendeesUrl(ORGANIZER, id)}`,
            { headers: { authorization: `Bearer ${TOKEN}` } },
          );
          const body: unknown = await response.json();
          if (response.status !== 200) throw new Error(`naive GET: HTTP ${response.status}`);
          out.set(id, fromEventAttendees(EventAttendeesSchema.parse(body)));
        }),
      ),
    );
    return out;
  }).finally(() => https.close());
}

function check(run: Run, expected: Map<string, AttendeeReply[]>, label: string): void {
  const wrong = [...expected].filter(
    ([id, replies]) => JSON.stringify(run.replies.get(id)) !== JSON.stringify(replies),
  );
  if (wrong.length > 0 || run.replies.size !== expected.size) {
    throw new Error(`${label}: ${wrong.length} meetings read wrong, ${run.replies.size} read`);
  }
}

function line(label: string, run: Run, meetings: number): string {
  return (
    `  ${label.padEnd(30)} ${String(run.requests).padStart(4)} requests ` +
    `(${(run.requests / meetings).toFixed(2)} per meeting), ${run.reads} Outlook reads, ` +
    `${run.ms.toFixed(0)} ms\n`
  );
}

async function main(): Promise<void> {
  const meetings = flag("meetings", 200);
  const latency = flag("latency", 20);
  const graph = await startLocalGraph({ acceptTokens: [TOKEN], seed: 11, now: () => NOW });
  try {
    const ids = seedMeetings(graph.state, meetings);
    const expected = replyInPattern(graph.state, ids);
    const replies = [...expected.values()].flat();
    process.stdout.write(
      `Replies of ${meetings} upcoming meetings (${replies.length} invitations: ` +
        `${replies.filter((r) => r.reply === "accepted").length} accepted, ` +
        `${replies.filter((r) => r.reply === "tentative").length} tentative, ` +
        `${replies.filter((r) => r.reply === "declined").length} declined, ` +
        `${replies.filter((r) => r.reply === "none").length} not replied)\n` +
        `aim: at most 1 request per 20 meetings (${Math.ceil(meetings / 20)})\n\n`,
    );

    // Warm both up (TLS session, JIT) so that neither pays it in the figures.
    await batched(graph, ids.slice(0, 20));
    await naive(graph, ids.slice(0, 4));

    process.stdout.write("no latency:\n");
    const b0 = await batched(graph, ids);
    const n0 = await naive(graph, ids);
    check(b0, expected, "batched");
    check(n0, expected, "naive");
    process.stdout.write(line("batched ($batch of 20 GETs):", b0, meetings));
    process.stdout.write(line("naive (one GET per meeting):", n0, meetings));

    graph.faults.latency(latency);
    process.stdout.write(`${latency} ms per Outlook read:\n`);
    const b1 = await batched(graph, ids);
    const n1 = await naive(graph, ids);
    check(b1, expected, "batched, latency");
    check(n1, expected, "naive, latency");
    process.stdout.write(line("batched:", b1, meetings));
    process.stdout.write(line("naive:", n1, meetings));
    process.stdout.write(
      `  peak Outlook reads in flight: ${Math.max(...graph.peakConcurrency.values())} (limit 4), ` +
        `refused for concurrency: ${graph.concurrencyRefusals}\n`,
    );

    graph.faults.clear();
    graph.faults.randomly(0.1, ["throttle", "unavailable"], { seed: 12 });
    const b2 = await batched(graph, ids);
    check(b2, expected, "batched, faults");
    graph.faults.clear();
    const refusedBatches = graph.calls.filter((c) => c.fault !== undefined).length;
    const refusedParts = graph.calls.flatMap((c) => c.parts ?? []).filter((p) => p.fault).length;
    process.stdout.write(
      `10% of requests and parts answered 429 or 503 ` +
        `(${refusedBatches} batches and ${refusedParts} parts refused, asked again):\n` +
        line("batched:", b2, meetings) +
        `  all ${b2.replies.size} meetings read right\n`,
    );
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench/replies failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
