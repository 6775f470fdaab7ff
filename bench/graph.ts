/**
 * bench/graph: Microsoft Graph requests per ICPC booking (12 professionals,
 * 3 family members) beside the naive count (one request per invitee), and
 * the time for N bookings against the local Graph (test/local-graph): with
 * no latency (Convene's own cost: TLS, JSON, zod, the limiter), with a
 * Graph-like latency per request, and under 30% injected faults.
 * Figures only; the tests assert.
 *
 * Run: npm run build && node dist/bench/graph.js [--bookings N] [--latency MS]
 */
import type { ClosableCalendar } from "../graph/create-calendar";
import { graphCalendarFor } from "../test/local-graph/harness";
import { CalendarError, type Email } from "../ports/calendar";
import {
  ORGANIZER,
  draftFor,
  familyInvitations,
  sampleCase,
} from "../test/local-graph/booking-fixture";
import { FAULT_KINDS, startLocalGraph, type LocalGraph } from "../test/local-graph";

const TOKEN = "bench-token";
const PARALLEL = 8;

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  return Number.isFinite(value) && value >= 0 ? value : fallback;
}

function calendarFor(graph: LocalGraph): ClosableCalendar {
  // Retry-After and backoff are counted, not waited: the figure is Convene's work.
  return graphCalendarFor(graph, TOKEN, { sleep: async () => undefined });
}

async function retrying<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retry =
        error instanceof CalendarError &&
        (error.outcome === "throttled" || error.outcome === "failed");
      if (!retry || attempt >= 25) throw error;
    }
  }
}

async function book(calendar: ClosableCalendar, n: number): Promise<void> {
  const c = sampleCase(n);
  const draft = draftFor(c, n);
  const conference = await retrying(() => calendar.createConference(draft));
  let pending: Email[] = familyInvitations(c, draft, conference);
  for (let attempt = 1; pending.length > 0 && attempt <= 25; attempt++) {
    const results = await calendar.sendEmails(ORGANIZER, pending);
    const left = new Set(results.filter((r) => r.outcome !== "done").map((r) => r.id));
    pending = pending.filter((e) => left.has(e.id)).map((e) => ({ ...e, attempted: true }));
  }
}

async function run(
  graph: LocalGraph,
  bookings: number,
  offset: number,
): Promise<{ ms: number; requests: number }> {
  const calendar = calendarFor(graph);
  const before = graph.calls.length;
  const queue = Array.from({ length: bookings }, (_, i) => offset + i + 1);
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) await book(calendar, n);
    }),
  );
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  calendar.close();
  return { ms, requests: graph.calls.length - before };
}

function line(label: string, bookings: number, result: { ms: number; requests: number }): void {
  process.stdout.write(
    `${label.padEnd(34)} ${bookings} bookings in ${(result.ms / 1000).toFixed(2)} s ` +
      `(${(result.ms / bookings).toFixed(1)} ms each, ${(bookings / (result.ms / 1000)).toFixed(1)}/s), ` +
      `${result.requests} Graph requests (${(result.requests / bookings).toFixed(2)} per booking)\n`,
  );
}

async function main(): Promise<void> {
  const bookings = flag("bookings", 200);
  const latency = flag("latency", 50);
  const graph = await startLocalGraph({ acceptTokens: [TOKEN], seed: 7 });
  try {
    // One booking, counted.
    const one = calendarFor(graph);
    await book(one, 0);
    one.close();
    const perBooking = graph.calls.length;
    const invitees = 12 + 3;
    process.stdout.write(
      `Graph requests per ICPC booking (12 professionals, 3 family): ${perBooking}\n` +
        `naive, one request per invitee:                            ${invitees} ` +
        `(${invitees + 4} with the event, look-up, lock and read-back)\n` +
        `  (${graph.calls.map((c) => `${c.method} ${c.path.replace(/\/users\/[^/]+/, "/users/{o}").replace(/onlineMeetings\/[^/?]+/, "onlineMeetings/{id}")}`).join(", ")})\n\n`,
    );

    graph.reset();
    line("no latency:", bookings, await run(graph, bookings, 1000));

    graph.reset();
    graph.faults.latency(latency);
    line(`${latency} ms per request:`, bookings, await run(graph, bookings, 2000));
    process.stdout.write(
      `  peak Outlook requests in flight: ${Math.max(...graph.peakConcurrency.values())} (limit 4)\n`,
    );

    graph.reset();
    graph.faults.randomly(0.3, FAULT_KINDS, { seed: 30 });
    const faulty = await run(graph, bookings, 3000);
    line("30% faults, no latency:", bookings, faulty);
    process.stdout.write(
      `  events ${graph.state.events.size}, meetings ${graph.state.meetings.size}, emails ${graph.state.sentMail.length} ` +
        `(expected ${bookings}, ${bookings}, ${bookings * 3})\n`,
    );
  } finally {
    await graph.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench/graph failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
