/**
 * Weekly list benchmark (the councils' other procedures). Run: npm run build && node dist/bench/run.js lists
 *
 * In a fresh SQLite file under the OS temp dir, 500 cases each with one
 * meeting in the same week, its invite list and its report status. Then,
 * in the same run, medians of several repetitions of:
 * (a) reading what the list needs: meetingsInRange for the week, then per
 *     meeting its case, invite list and report status (the floor: the list
 *     cannot read less);
 * (b) the weekly list in one pass: the real list.weekly handler, which reads
 *     the same, builds the card and the CSV, and sends them (a recording
 *     notifier, a calendar that accepts every email) to the SM in Teams and
 *     the manager not in Teams;
 * and prints both and their ratio (aim: under 3x).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Case, InviteList, Meeting, ReportStatus, Task } from "../model";
import { taskPk } from "../model";
import { demoAuthority, DEMO_IDS } from "../app/demo/authority";
import { silentLogger } from "../app/logger";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { resolvePolicy } from "../rules";
import { Authority } from "../workflow/kernel/authority";
import type { WorkflowDeps } from "../workflow/kernel/deps";
import { meetingListHandler } from "../workflow/lists/meeting-lists";
import type { CalendarPort, Email, EmailResult, Notifier, RepliesPort } from "../ports";

const MEETINGS = 500;
const REPEATS = 7;
/** Monday 4 Jan 2027, 08:00 London (GMT): the weekly list's morning. */
const MONDAY = new Date("2027-01-04T08:00:00.000Z");
const T0 = "2026-12-01T09:00:00.000Z";

const out = (line: string): void => void process.stdout.write(`${line}\n`);
const ms = (value: number): string => `${value.toFixed(1)} ms`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const person = (n: number, role: string) => ({
  entraObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  email: `${role}${n}@council.example`,
  name: `Bench ${role} ${n}`,
});

/** One case, its meeting in the week (Mon-Fri, 10:00 or 14:00), invite list and report status. */
function documentsOf(i: number): [Case, Meeting, InviteList, ReportStatus] {
  const caseId = `case-${i}`;
  const meetingId = `meeting-${i}`;
  const day = i % 5;
  const start = new Date(
    Date.parse("2027-01-04T10:00:00.000Z") + day * 86_400_000 + (i % 2) * 4 * 3_600_000,
  );
  const kase: Case = {
    id: caseId,
    type: "case",
    pk: caseId,
    reference: `C-${10_000 + i}`,
    policy: "swindon",
    children: [{ id: `${caseId}-child`, name: `Child ${i}` }],
    indexChildId: `${caseId}-child`,
    socialWorker: person(1, "sw"),
    teamManager: person(2, "tm"),
    serviceManager: person(3, "sm"),
    chair: person(4, "chair"),
    createdAt: T0,
  };
  const meeting: Meeting = {
    id: meetingId,
    type: "meeting",
    pk: caseId,
    caseId,
    kind: i % 3 === 0 ? "RCPC" : "ICPC",
    status: "booked",
    start: start.toISOString(),
    end: new Date(start.getTime() + 90 * 60_000).toISOString(),
    inPerson: false,
    // docs/rules.md, the timeline command: an ICPC counts from the strategy discussion, an RCPC from the previous conference.
    anchors: i % 3 === 0 ? { previous: "2026-10-08" } : { strategy: "2026-12-14" },
    milestones: {},
    transactionId: `${meetingId}-tx`,
    chair: person(4, "chair"),
    createdAt: T0,
  };
  const agencies = ["Health", "Education", "Police"];
  const list: InviteList = {
    id: `${meetingId}:invite-list`,
    type: "invite-list",
    pk: caseId,
    caseId,
    meetingId,
    complete: i % 2 === 0,
    invitees: agencies.map((agency, n) => ({
      id: `inv-${n}`,
      name: `Professional ${n}`,
      role: "professional",
      agency,
      email: `pro${n}@agency.example`,
      relation: "professional" as const,
      policeCheck: { needed: false },
      rsvp: "pending" as const,
    })),
  };
  const reports: ReportStatus = {
    id: `${meetingId}:reports`,
    type: "report-status",
    pk: caseId,
    caseId,
    meetingId,
    drafted: i % 2 === 0,
    qualityAssured: i % 4 === 0,
    sharedWithFamily: false,
    sentToChairAndClerk: false,
    agencies: { health: i % 2 === 0, education: false },
    updatedAt: T0,
  };
  return [kase, meeting, list, reports];
}

/** Teams, recorded: every card is accepted. */
function recordingNotifier(): Notifier & { cards: number } {
  const notifier = {
    cards: 0,
    async sendCard() {
      notifier.cards += 1;
      return { outcome: "sent" as const, activityId: `activity-${notifier.cards}` };
    },
    async updateCard(_to: string, activityId: string) {
      return { outcome: "sent" as const, activityId };
    },
  };
  return notifier;
}

/** Outlook, recorded: every email is accepted; nothing else is used by a list. */
function acceptingCalendar(): CalendarPort & RepliesPort & { emails: number } {
  const unused = (): never => {
    throw new Error("not used by the lists bench");
  };
  const calendar = {
    emails: 0,
    async sendEmails(_from: string, emails: Email[]): Promise<EmailResult[]> {
      calendar.emails += emails.length;
      return emails.map((e) => ({ id: e.id, outcome: "done" as const, httpStatus: 202 }));
    },
    createConference: unused,
    setAttendees: unused,
    reschedule: unused,
    setRecording: unused,
    lockConference: unused,
    cancel: unused,
    getEvent: unused,
    freeBusy: unused,
    attendeeReplies: unused,
    subscribeToEvents: unused,
  };
  return calendar;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "convene-bench-lists-"));
  const store = new SqliteStore({ file: join(dir, "lists.sqlite") });
  try {
    const docs = Array.from({ length: MEETINGS }, (_, i) => documentsOf(i)).flat();
    const loadStart = performance.now();
    store.createMany(docs);
    out(
      `stored ${MEETINGS} meetings with cases, invite lists and report statuses (${docs.length} documents) in ${ms(performance.now() - loadStart)}`,
    );

    const demo = demoAuthority("swindon");
    const authority = Authority.parse({
      ...demo,
      staff: [
        ...demo.staff,
        { ...person(9, "director"), roles: ["service-manager"], inTeams: false },
      ],
    });
    const notifier = recordingNotifier();
    const calendar = acceptingCalendar();
    const deps: WorkflowDeps = {
      store,
      calendar,
      replies: calendar,
      notifier,
      clock: () => MONDAY,
      authority,
      policy: resolvePolicy("swindon", authority.overrides),
      logger: silentLogger,
      kick: () => undefined,
    };
    const from = MONDAY;
    const to = new Date(Date.parse("2027-01-11T00:00:00.000Z"));

    // (a) The reads alone.
    const readTimes: number[] = [];
    for (let r = 0; r < REPEATS; r += 1) {
      const t = performance.now();
      const meetings = (await store.meetingsInRange(from, to)).items;
      await Promise.all(
        meetings.map((m) =>
          Promise.all([
            store.get("case", m.caseId, m.caseId),
            store.get("invite-list", `${m.id}:invite-list`, m.caseId),
            store.get("report-status", `${m.id}:reports`, m.caseId),
          ]),
        ),
      );
      readTimes.push(performance.now() - t);
      if (meetings.length !== MEETINGS) throw new Error(`read ${meetings.length} meetings`);
    }

    // (b) The list, built and sent: a task of its own each time, so each run sends.
    const handler = meetingListHandler(deps, "list.weekly");
    const listTimes: number[] = [];
    let result: unknown;
    for (let r = 0; r < REPEATS; r += 1) {
      const base = { taskType: "list.weekly" };
      const task: Task = {
        id: `list.weekly:bench-${r}`,
        type: "task",
        pk: taskPk(base),
        ...base,
        dueAt: MONDAY.toISOString(),
        status: "running",
        attempts: 1,
      };
      const t = performance.now();
      result = await handler(task, { now: MONDAY, attempt: 1 });
      listTimes.push(performance.now() - t);
    }

    const read = median(readTimes);
    const list = median(listTimes);
    out(`last run: ${JSON.stringify(result)}`);
    out(
      `sent over ${REPEATS} runs: ${notifier.cards} card(s) to ${DEMO_IDS.serviceManager.slice(0, 8)}…, ${calendar.emails} email(s) with the CSV`,
    );
    out(
      `(a) read ${MEETINGS} meetings and their case, invite list, report status, median of ${REPEATS}: ${ms(read)}`,
    );
    out(`(b) weekly list built and sent in one pass, median of ${REPEATS}: ${ms(list)}`);
    out(`ratio (b)/(a): ${(list / read).toFixed(2)}x (aim: under 3x)`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
