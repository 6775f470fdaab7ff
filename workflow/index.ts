import type { z } from "zod";
import { type TaskHandler } from "../ports/tasks";
import type { Verb } from "../cards/verbs";
import { PermanentTaskError } from "../ports/task-errors";
import { WorkflowError } from "./kernel/errors";
import { CalendarError, type ActionHandler, type BotHandlers } from "../ports";
import { action } from "./kernel/respond";
import type { WorkflowDeps } from "./kernel/deps";
import { asHandler, type Feature, type VerbEntry } from "./kernel/registry";
import { messageHandler } from "./chat/messages";
import { runRuleTask } from "./reminders/rule-task";
import { runClaInvitesSend } from "./cla/invites-send-task";
import { PLAN_JOBS, planJobsHandler } from "./lists/plan-jobs";
import { recurringJobs } from "./lists/feature";
import { SUBSCRIBE_TASK, subscribeHandler } from "./quoracy/subscription";
import { afterMeetingFeature } from "./after-meeting/feature";
import { bookingFeature } from "./booking/feature";
import { casesFeature } from "./cases/feature";
import { briefFeature } from "./brief/feature";
import { chairsFeature } from "./chairs/feature";
import { claFeature } from "./cla/feature";
import { consultationFeature } from "./consultation/feature";
import { dataProtectionFeature } from "./data-protection/feature";
import { invitationsFeature } from "./invitations/feature";
import { quoracyFeature } from "./quoracy/feature";
import { recordingFeature } from "./recording/feature";
import { remindersFeature } from "./reminders/feature";
import { reportsFeature } from "./reports/feature";
import { standDownFeature } from "./stand-down/feature";
import { failuresFeature } from "./failures/feature";
import { staffFeature } from "./staff/feature";

/**
 * Every feature of the workflow. A card verb or a task type is declared once,
 * in its feature folder (`feature.ts`); the bot, the scheduler, the verb test
 * and the card gallery read this one list.
 */
export const FEATURES: readonly Feature[] = [
  bookingFeature,
  invitationsFeature,
  reportsFeature,
  remindersFeature,
  briefFeature,
  quoracyFeature,
  standDownFeature,
  afterMeetingFeature,
  consultationFeature,
  claFeature,
  chairsFeature,
  recordingFeature,
  dataProtectionFeature,
  failuresFeature,
  staffFeature,
  casesFeature,
];

/** Every verb any card carries, with its schema, use case and roles. */
export const VERB_ENTRIES: readonly VerbEntry[] = FEATURES.flatMap((f) => f.verbs ?? []);

/** The schema of what each verb submits: `SUBMISSIONS[verb]` parses an invoke's data. */
export const SUBMISSIONS: Readonly<Record<Verb, z.ZodType>> = Object.fromEntries(
  VERB_ENTRIES.map((e) => [e.verb, e.submission]),
) as Record<Verb, z.ZodType>;

export function botHandlers(deps: WorkflowDeps): BotHandlers {
  const actions = new Map<string, ActionHandler>();
  for (const entry of VERB_ENTRIES) {
    actions.set(
      entry.verb,
      action(deps, (request) => entry.handle(deps, request)),
    );
  }
  return { actions, message: messageHandler(deps, VERB_ENTRIES) };
}

/**
 * The scheduler's handlers: Convene's own background work by task type, and
 * every timeline rule of the policy (the task type is the rule id).
 */
export function taskHandlers(
  deps: WorkflowDeps,
  options: { notifications?: { url: string; clientState: string } } = {},
): Map<string, TaskHandler> {
  const handlers = new Map<string, TaskHandler>();
  for (const feature of FEATURES)
    for (const entry of feature.tasks ?? []) handlers.set(entry.type, asHandler(deps, entry));
  const ruleTask: TaskHandler = (t, c) => runRuleTask(deps, t, c);
  for (const rule of deps.policy.rules) handlers.set(rule.id, ruleTask);
  // cla.invites.send: the CLA invites and consultation documents go out on that day.
  if (handlers.has("cla.invites.send"))
    handlers.set("cla.invites.send", (t, c) => runClaInvitesSend(deps, t, c));
  const jobs = recurringJobs(deps);
  const handled = new Set(
    [...jobs.keys()].filter((id) => deps.policy.recurring.some((r) => r.id === id)),
  );
  for (const id of handled) handlers.set(id, jobs.get(id) as TaskHandler);
  handlers.set(PLAN_JOBS, planJobsHandler(deps, handled));
  if (options.notifications !== undefined) {
    handlers.set(SUBSCRIBE_TASK, subscribeHandler(deps, options.notifications));
  }
  for (const [type, handler] of handlers) handlers.set(type, permanentWhenHopeless(handler));
  return handlers;
}

/**
 * docs/architecture.md, errors carry a code for background work: Graph refusing a request (400/403:
 * wrong input or a missing permission) or answering that the event is gone,
 * and a workflow refusal (bad stored data), will not change by retrying:
 * the task fails at once, visibly, for an administrator. Throttling and
 * 5xx stay transient and are retried with backoff.
 */
function permanentWhenHopeless(handler: TaskHandler): TaskHandler {
  return async (task, ctx) => {
    try {
      return await handler(task, ctx);
    } catch (err) {
      if (err instanceof CalendarError && (err.outcome === "rejected" || err.outcome === "gone")) {
        throw new PermanentTaskError(err.code, err.message);
      }
      if (err instanceof WorkflowError) throw new PermanentTaskError(err.code, err.message);
      throw err;
    }
  };
}
