import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Case } from "../../model";
import { Scheduler } from "../../scheduler/scheduler";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import type { Store } from "../../ports/store";
import { createCalendar, type ClosableCalendar } from "../../graph/create-calendar";
import { demoAuthority, DEMO_IDS } from "../../app/demo/authority";
import { demoCases } from "../../app/demo/cases";
import { resolvePolicy } from "../../rules";
import type { Authority } from "../../workflow/kernel/authority";
import type { WorkflowDeps } from "../../workflow/kernel/deps";
import { botHandlers, taskHandlers } from "../../workflow/index";
import type { ActionResponse } from "../../ports";
import { recordingLogger } from "../fixtures/recording-logger";
import { startLocalGraph, type LocalGraph } from "../local-graph";
import { graphCalendarFor } from "../local-graph/harness";
import { recordingNotifier } from "../fakes/recording-notifier";
import { taskFailureReporter } from "../../workflow/kernel/incidents";
import { unreadableTaskReporter } from "../../workflow/kernel/unreadable";
import {
  describeFindings,
  plainWordsCollector,
  readableCardText,
  responseText,
  type PlainWordsCollector,
} from "./plain-words";

export { DEMO_IDS };

/**
 * The plain-words guard over every scenario: each world feeds what people
 * read (cards sent and updated, chat and action answers, emails) to a
 * collector, and after each test file the collected words must carry no rule
 * id, procedure number, file name, error code or "a initial". A planted
 * "(Leicestershire)" anywhere a scenario reaches fails its file here.
 */
const collectors: PlainWordsCollector[] = [];
afterAll(() => {
  const findings = collectors.flatMap((c) => c.problems());
  collectors.length = 0;
  if (findings.length > 0) throw new Error(describeFindings(findings));
});

const NAMES: Record<string, string> = {
  [DEMO_IDS.clerk]: "Casey Clerk",
  [DEMO_IDS.socialWorker]: "Sam Social",
  [DEMO_IDS.chair]: "Chris Chair",
  [DEMO_IDS.teamManager]: "Tayo Manager",
  [DEMO_IDS.serviceManager]: "Sol Service",
};

/**
 * A whole Convene below the Teams edge, for scenario tests: the real SQLite
 * store, the real scheduler and workflow, a calendar port (the local Graph
 * or the outbox), a recording notifier and a fake clock that only moves
 * when the test moves it.
 */
export async function makeWorld(options: {
  policy: string;
  start: string;
  /** "outbox" for the file adapter; by default the local Graph over HTTPS. */
  calendar?: "outbox" | "local-graph";
  authority?: Authority;
  /** Wraps the calendar port (a refusal or a throttle from Outlook, as classified by graph/classify.ts). */
  wrapCalendar?: (calendar: ClosableCalendar) => ClosableCalendar;
}) {
  const dir = mkdtempSync(join(tmpdir(), "convene-scenario-"));
  const store: Store = new SqliteStore({ file: join(dir, "convene.sqlite") });
  let now = new Date(options.start);
  const clock = (): Date => new Date(now.getTime());
  const logger = recordingLogger();
  const authority = options.authority ?? demoAuthority(options.policy);
  const notifier = recordingNotifier(clock);
  const words = plainWordsCollector();
  collectors.push(words);
  words.watch(() => [
    ...notifier.sent.map((c) => ({
      where: `card to ${c.to} ("${c.preview}")`,
      text: `${c.preview} | ${readableCardText(c.card)}`,
    })),
    ...notifier.updates.map((c) => ({
      where: `card updated for ${c.to}`,
      text: readableCardText(c.card),
    })),
  ]);
  const TOKEN = "scenario-token";
  const graph: LocalGraph | undefined =
    options.calendar === "outbox" ? undefined : await startLocalGraph({ acceptTokens: [TOKEN] });
  const baseCalendar: ClosableCalendar =
    graph === undefined
      ? createCalendar(
          { kind: "outbox", dir: join(dir, "outbox"), organizer: authority.organizer },
          { logger, clock },
        )
      : graphCalendarFor(graph, TOKEN, { logger, clock, sleep: async () => undefined });
  const calendar = options.wrapCalendar?.(baseCalendar) ?? baseCalendar;
  const deps: WorkflowDeps = {
    store,
    calendar,
    replies: calendar,
    notifier,
    clock,
    authority,
    policy: resolvePolicy(options.policy, authority.overrides),
    logger,
    kick: () => undefined,
  };
  const failed: { taskId: string; error: string }[] = [];
  // The production path: a task that gives up reaches the service owners.
  const reportFailure = taskFailureReporter(deps);
  /** Every task the scheduler ran to completion, with the fake clock's time. */
  const ran: { taskId: string; taskType: string; at: string }[] = [];
  const handlerMap = taskHandlers(deps);
  for (const [type, handler] of handlerMap) {
    handlerMap.set(type, async (task, ctx) => {
      const result = await handler(task, ctx);
      ran.push({ taskId: task.id, taskType: task.taskType, at: ctx.now.toISOString() });
      return result;
    });
  }
  const scheduler = new Scheduler({
    store,
    clock,
    owner: "scenario",
    leaseMs: 5 * 60_000,
    intervalMs: 1000,
    maxAttempts: 5,
    backoff: () => 60_000,
    handlers: handlerMap,
    logger,
    onFailed: async (task, error) => {
      failed.push({ taskId: task.id, error });
      await reportFailure(task, error);
    },
    // The production path: an unreadable task is set aside and raised.
    onInvalid: unreadableTaskReporter(deps),
    random: () => 0.5,
  });
  // Every email the calendar port accepts is read by someone: feed the guard.
  const sendEmails = calendar.sendEmails.bind(calendar);
  calendar.sendEmails = async (from, batch) => {
    for (const e of batch) {
      words.add(`email to ${e.to.email}`, `${e.subject} | ${e.bodyText}`);
      for (const a of e.attachments ?? [])
        if (a.contentType.startsWith("text/"))
          words.add(`attachment ${a.name} to ${e.to.email}`, a.content.toString("utf8"));
    }
    return sendEmails(from, batch);
  };
  const handlers = botHandlers(deps);
  const cases: Case[] = demoCases(authority, clock());
  for (const c of cases) await store.create(c);

  async function act(
    actorId: string,
    verb: string,
    data: Record<string, unknown>,
    activityId?: string,
  ): Promise<ActionResponse> {
    const handler = handlers.actions.get(verb);
    if (handler === undefined) throw new Error(`no handler for ${verb}`);
    const response = await handler({
      actor: { objectId: actorId, name: NAMES[actorId] ?? "Someone" },
      verb,
      data,
      ...(activityId ? { activityId } : {}),
    });
    words.add(`answer to ${verb}`, responseText(response));
    return response;
  }

  async function say(actorId: string, text: string): Promise<ActionResponse> {
    const response = await handlers.message({
      actor: { objectId: actorId, name: NAMES[actorId] ?? "Someone" },
      text,
    });
    words.add(`chat answer to "${text}"`, responseText(response));
    return response;
  }

  /** Runs the scheduler at the current time until nothing more is due. */
  async function runDue(): Promise<void> {
    for (let i = 0; i < 50; i++) {
      const report = await scheduler.runOnce();
      if (report.claimed === 0) return;
    }
    throw new Error("scheduler did not settle");
  }

  /** Moves the clock forward task by task, running each when due, up to `iso`. */
  async function advanceTo(iso: string): Promise<void> {
    const target = Date.parse(iso);
    for (let i = 0; i < 10_000; i++) {
      await runDue();
      const next = (await store.dueTasks(new Date(target), 1)).items[0];
      if (next === undefined) break;
      const due = Date.parse(
        next.status === "running" ? (next.leaseUntil ?? next.dueAt) : next.dueAt,
      );
      now = new Date(Math.max(now.getTime(), due));
    }
    now = new Date(Math.max(now.getTime(), target));
    await runDue();
  }

  return {
    dir,
    graph,
    store,
    deps,
    notifier,
    logger,
    failed,
    ran,
    cases,
    act,
    say,
    runDue,
    advanceTo,
    clock,
    setClock: (iso: string) => {
      now = new Date(iso);
    },
    /** The plain-words guard's collector (cards are read from the notifier at the end). */
    words,
    async close(): Promise<void> {
      calendar.close();
      await graph?.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type World = Awaited<ReturnType<typeof makeWorld>>;
