import type { CalendarConfig } from "../app/config";
import { silentLogger } from "../app/logger";
import { CalendarError, type CalendarPort, type Email } from "../ports/calendar";
import {
  ORGANIZER,
  draftFor,
  familyInvitations,
  sampleCase,
} from "../test/local-graph/booking-fixture";
import {
  FAULT_KINDS,
  StaticTokenCredential,
  startLocalGraph,
  type LocalGraph,
} from "../test/local-graph";
import { createCalendar, type ClosableCalendar } from "./create-calendar";

/**
 * The Outlook and Teams meeting adapter: under 30% injected faults (429 with Retry-After, 503, connections
 * dropped before or after Graph acted, and 429/503 on batch parts), 200
 * bookings make exactly 200 events and 200 locked meetings, and every family
 * member gets exactly one email. The loop around each call plays the
 * scheduler: a `throttled` or `failed` CalendarError is retried later, and
 * an email not yet done is retried with `attempted: true`.
 */
const TOKEN = "faults-test-token";
const BOOKINGS = 200;
const PARALLEL = 8;

let graph: LocalGraph;
let calendar: ClosableCalendar;
const slept: number[] = [];

beforeAll(async () => {
  graph = await startLocalGraph({ acceptTokens: [TOKEN], seed: 4 });
  const config: CalendarConfig = {
    kind: "graph",
    tenantId: graph.tenantId,
    clientId: graph.clientId,
    credential: { kind: "secret", clientSecret: "unused" },
    baseUrl: graph.baseUrl,
    organizer: ORGANIZER,
  };
  calendar = createCalendar(config, {
    logger: silentLogger,
    credential: new StaticTokenCredential(TOKEN),
    ca: graph.ca,
    clock: () => new Date("2026-12-01T09:00:00.000Z"),
    // A fake sleep: Retry-After and backoff are honoured (recorded), not waited.
    sleep: async (ms) => {
      slept.push(ms);
    },
    random: () => 0.5,
    timeoutMs: 5_000,
  });
});

afterAll(async () => {
  calendar.close();
  await graph.close();
});

async function asTheSchedulerWould<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const retryable =
        error instanceof CalendarError &&
        (error.outcome === "throttled" || error.outcome === "failed");
      if (!retryable || attempt >= 25) throw error;
    }
  }
}

async function sendUntilDone(port: CalendarPort, emails: Email[]): Promise<void> {
  let pending = emails;
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > 25)
      throw new Error(`emails still pending: ${pending.map((e) => e.id).join(", ")}`);
    const results = await port.sendEmails(ORGANIZER, pending);
    for (const r of results) {
      if (r.outcome === "gone" || r.outcome === "rejected")
        throw new Error(`email ${r.id}: ${r.outcome}`);
    }
    const notDone = new Set(results.filter((r) => r.outcome !== "done").map((r) => r.id));
    // The caller's record: tried before, no result: look it up before sending again.
    pending = pending.filter((e) => notDone.has(e.id)).map((e) => ({ ...e, attempted: true }));
  }
}

async function bookOne(n: number): Promise<void> {
  const c = sampleCase(n);
  const draft = draftFor(c, n);
  const conference = await asTheSchedulerWould(() => calendar.createConference(draft));
  await sendUntilDone(calendar, familyInvitations(c, draft, conference));
}

it(`${BOOKINGS} bookings under 30% faults: exactly ${BOOKINGS} events, ${BOOKINGS} locked meetings, one email each`, async () => {
  graph.faults.randomly(0.3, FAULT_KINDS, { seed: 30 });
  const queue = Array.from({ length: BOOKINGS }, (_, i) => i + 1);
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      for (let n = queue.shift(); n !== undefined; n = queue.shift()) await bookOne(n);
    }),
  );
  graph.faults.clear();

  // The faults really happened, of every kind.
  const faults = graph.calls.map((c) => c.fault).filter((f) => f !== undefined);
  for (const kind of FAULT_KINDS) expect(faults).toContain(kind);
  const partFaults = graph.calls.flatMap((c) => c.parts ?? []).filter((p) => p.fault !== undefined);
  expect(partFaults.length).toBeGreaterThan(0);
  expect(slept.some((ms) => ms === 1000)).toBe(true); // Retry-After: 1 honoured

  expect(graph.state.events.size).toBe(BOOKINGS);
  expect(graph.state.meetings.size).toBe(BOOKINGS);
  const locked = [...graph.state.meetings.values()].filter(
    (m) =>
      m.settings.lobbyBypassSettings.scope === "organizationExcludingGuests" &&
      !m.settings.lobbyBypassSettings.isDialInBypassEnabled &&
      m.settings.allowMeetingChat === "disabled" &&
      !m.settings.allowRecording &&
      !m.settings.allowTranscription &&
      m.settings.allowedLobbyAdmitters === "organizerAndCoOrganizers",
  );
  expect(locked).toHaveLength(BOOKINGS);

  const perRecipient = new Map<string, number>();
  for (const mail of graph.state.sentMail) {
    expect(mail.to).toHaveLength(1);
    const to = mail.to[0] as string;
    perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  }
  expect(perRecipient.size).toBe(BOOKINGS * 3);
  expect([...perRecipient.values()].every((count) => count === 1)).toBe(true);
  expect(graph.state.sentMail).toHaveLength(BOOKINGS * 3);
  // The limiter kept Outlook's per-mailbox concurrency.
  expect(graph.concurrencyRefusals).toBe(0);
});
