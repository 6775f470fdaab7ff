import { z } from "zod";
import type { MeetingKind } from "../model/meeting-kind";
import {
  addMonthsClamped,
  formatIsoDate,
  parseIsoDate,
  type DayNumber,
} from "./calendar/day-number";
import { RulesInputError } from "./errors";
import type { ResolvedPolicy } from "./policy-registry";

/**
 * Checks of a child's child-protection plan history (docs/rules.md, national rules):
 * `plan.repeat.check` and `plan.long.check`, plus leicestershire's 12-month
 * repeat rule. Pure functions of the history and the date they are asked about.
 */

/** One child protection plan; `end` absent while it is still open. */
export const PlanRecordSchema = z
  .object({ start: z.string(), end: z.string().optional() })
  .strict();
export type PlanRecord = z.infer<typeof PlanRecordSchema>;

export interface CheckResult {
  readonly rule: string;
  readonly flagged: boolean;
  readonly reason: string;
  /** The plan that decided the result, if any. */
  readonly plan?: PlanRecord;
}

interface Plan {
  readonly start: DayNumber;
  readonly end: DayNumber | undefined;
  readonly record: PlanRecord;
}

/**
 * Parses and orders a history, refusing one that cannot be true: a plan that
 * ends before it starts, plans that overlap, or more than one open plan.
 */
function plansOf(history: readonly PlanRecord[]): Plan[] {
  const plans = history
    .map((record) => {
      const start = parseIsoDate(record.start, "plan start");
      const end = record.end === undefined ? undefined : parseIsoDate(record.end, "plan end");
      if (end !== undefined && end < start) {
        throw new RulesInputError(
          "bad-history",
          `a plan ends (${record.end}) before it starts (${record.start})`,
        );
      }
      return { start, end, record };
    })
    .sort((a, b) => a.start - b.start);
  for (let i = 0; i + 1 < plans.length; i++) {
    const a = plans[i] as Plan;
    const b = plans[i + 1] as Plan;
    if (a.end === undefined || a.end > b.start) {
      throw new RulesInputError(
        "bad-history",
        `plans starting ${a.record.start} and ${b.record.start} overlap`,
      );
    }
  }
  return plans;
}

/**
 * Repeat plan: a previous plan ended within the last `months` months of `at`
 * (24 by default, the old NI 65; leicestershire also uses 12). The window is
 * inclusive: a plan that ended exactly 24 months ago (month-end clamped)
 * still counts. A plan still open at `at` is the current one, not a previous one.
 */
export function planRepeatCheck(
  history: readonly PlanRecord[],
  at: DayNumber,
  months = 24,
  rule = "plan.repeat.check",
): CheckResult {
  const since = addMonthsClamped(at, -months);
  const ended = plansOf(history).filter((p) => p.end !== undefined && p.end <= at);
  const latest = ended[ended.length - 1];
  if (latest !== undefined && (latest.end as number) >= since) {
    return {
      rule,
      flagged: true,
      reason: `a previous plan ended on ${latest.record.end}, within ${months} months of ${formatIsoDate(at)}`,
      plan: latest.record,
    };
  }
  return {
    rule,
    flagged: false,
    reason:
      latest === undefined
        ? "no previous plan"
        : `the last plan ended on ${latest.record.end}, more than ${months} months before ${formatIsoDate(at)}`,
  };
}

/**
 * Long plan: the plan open at `at` has lasted `months` months or more (15 by
 * default, West Sussex's supervision marker): `at` is on or after its start plus 15
 * months (month-end clamped).
 */
export function planLongCheck(
  history: readonly PlanRecord[],
  at: DayNumber,
  months = 15,
  rule = "plan.long.check",
): CheckResult {
  // A plan ending on `at` is still the current one: an RCPC that ends a plan
  // is held while it runs, and its chair still needs the long-plan flag.
  const current = plansOf(history).find(
    (p) => p.start <= at && (p.end === undefined || p.end >= at),
  );
  if (current === undefined)
    return { rule, flagged: false, reason: `no plan open on ${formatIsoDate(at)}` };
  const threshold = addMonthsClamped(current.start, months);
  const flagged = at >= threshold;
  return {
    rule,
    flagged,
    reason: flagged
      ? `the plan started ${current.record.start} has lasted ${months} months or more (since ${formatIsoDate(threshold)})`
      : `the plan started ${current.record.start} reaches ${months} months on ${formatIsoDate(threshold)}`,
    plan: current.record,
  };
}

/** Every check the policy runs for a meeting kind, with the windows from its rule data. */
export function runChecks(
  policy: ResolvedPolicy,
  meeting: MeetingKind,
  history: readonly PlanRecord[],
  at: DayNumber,
): CheckResult[] {
  return policy.checks
    .filter((c) => c.meetings.includes(meeting))
    .map((c) =>
      c.check === "repeat"
        ? planRepeatCheck(history, at, c.months, c.id)
        : planLongCheck(history, at, c.months, c.id),
    );
}
