import { readableItems } from "../kernel/unreadable";
import type {
  EndedAtFirstRcpcRow,
  IndicatorChair,
  LongPlanRow,
  RepeatPlanRow,
} from "../../cards/indicator-review/view-model";
import { londonDate } from "../../cards/common/format";
import type { Case, Child } from "../../model";
import {
  formatIsoDate,
  parseIsoDate,
  planLongCheck,
  planRepeatCheck,
  RulesInputError,
  type DayNumber,
} from "../../rules";
import { staffWithRole } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { firstOfPreviousMonth, wholeMonths } from "./whole-months";

type Deps = Pick<WorkflowDeps, "store" | "policy" | "authority" | "logger" | "clock" | "kick">;

/** One chair's indicators, with the chair's id (the card shows the name). */
export interface ChairIndicators extends IndicatorChair {
  chairId: string;
}

type Plan = NonNullable<Child["planHistory"]>[number];

/** The window of docs/rules.md, national rules's check (rule data; an authority may have changed it). */
function monthsOf(deps: Deps, id: string, fallback: number): number {
  return deps.policy.checks.find((c) => c.id === id)?.months ?? fallback;
}

/** Adds a child to the row of the same case and plan start, or makes the row (a sibling group is one row). */
function addRow<R extends { caseId: string; planStart: string; children?: number }>(
  rows: R[],
  row: R,
): void {
  const same = rows.find((r) => r.caseId === row.caseId && r.planStart === row.planStart);
  if (same === undefined) rows.push({ ...row, children: 1 });
  else same.children = (same.children ?? 1) + 1;
}

/** The first RCPC held for the case on or after the plan's start: its London date. */
async function firstRcpcDate(
  deps: Deps,
  kase: Case,
  planStart: string,
): Promise<string | undefined> {
  const rcpcs = (await readableItems(deps, deps.store.meetingsOfCase(kase.id), "indicator review"))
    .filter((m) => m.kind === "RCPC" && m.status !== "stood-down" && m.start !== undefined)
    .map((m) => londonDate(m.start as string))
    .filter((d) => d >= planStart)
    .sort();
  return rcpcs[0];
}

/**
 * `indicator.review` (West Sussex; docs/rules.md, policies `west-sussex`) as at `today`, per
 * chair (the case's CP chair / CPA), by case reference:
 * - on a plan 15 months or more today (`plan.long.check`);
 * - on a current plan that is a repeat: a previous plan ended within 24
 *   months of its start (`plan.repeat.check`, the old NI 65). Listed every
 *   month while the plan lasts: supervision looks at the chair's current
 *   plans, not only those begun this month;
 * - a plan ended at its first RCPC, since the previous review (the first
 *   working day of last month): the register entry that removed the child
 *   says so, or the plan's end is the date of the case's first RCPC after
 *   the plan began (stored meetings); a history imported with neither
 *   cannot say, and is not guessed.
 * Every staff chair is listed, with nothing to review if so. A child whose
 * history cannot be true (overlapping plans) is logged by case id and left out.
 */
export async function gatherIndicators(deps: Deps, today: DayNumber): Promise<ChairIndicators[]> {
  const longMonths = monthsOf(deps, "plan.long.check", 15);
  const repeatMonths = monthsOf(deps, "plan.repeat.check", 24);
  const since = deps.policy.calendar.workingDayOnOrAfter(firstOfPreviousMonth(today));
  const chairs = new Map<string, ChairIndicators>();
  const chairOf = (id: string, name: string): ChairIndicators => {
    let c = chairs.get(id);
    if (c === undefined) {
      c = { chairId: id, chairName: name, longPlans: [], repeatPlans: [], endedAtFirstRcpc: [] };
      chairs.set(id, c);
    }
    return c;
  };
  for (const s of staffWithRole(deps.authority, "chair")) chairOf(s.entraObjectId, s.name);

  // The register says so when the outcome was recorded through Convene
  // (a "removed" entry of the first RCPC): child id and the day it ended.
  const endedAtFirst = new Set(
    (await readableItems(deps, deps.store.listAll("register-entry"), "indicator review"))
      .filter((e) => e.change === "removed" && e.firstRcpc === true)
      .map((e) => `${e.childId}:${londonDate(e.at)}`),
  );
  for (const kase of await readableItems(deps, deps.store.listAll("case"), "indicator review")) {
    if (kase.chair === undefined) continue;
    const chair = chairOf(kase.chair.entraObjectId, kase.chair.name);
    const ref = { caseId: kase.id, caseReference: kase.reference };
    for (const child of kase.children) {
      const history: readonly Plan[] = child.planHistory ?? [];
      if (history.length === 0) continue;
      try {
        const long = planLongCheck(history, today, longMonths);
        if (long.flagged && long.plan !== undefined) {
          const start = long.plan.start;
          addRow<LongPlanRow>(chair.longPlans, {
            ...ref,
            planStart: start,
            months: wholeMonths(parseIsoDate(start), today),
          });
        }
        const current = history.find(
          (p) =>
            parseIsoDate(p.start) <= today && (p.end === undefined || parseIsoDate(p.end) >= today),
        );
        if (current !== undefined) {
          const repeat = planRepeatCheck(
            history.filter((p) => p !== current),
            parseIsoDate(current.start),
            repeatMonths,
          );
          if (repeat.flagged && repeat.plan?.end !== undefined)
            addRow<RepeatPlanRow>(chair.repeatPlans, {
              ...ref,
              planStart: current.start,
              previousPlanEnd: repeat.plan.end,
            });
        }
        for (const plan of history) {
          if (plan.end === undefined) continue;
          const end = parseIsoDate(plan.end);
          if (end < since || end >= today) continue;
          const atFirst =
            endedAtFirst.has(`${child.id}:${plan.end}`) ||
            (await firstRcpcDate(deps, kase, plan.start)) === plan.end;
          if (!atFirst) continue;
          addRow<EndedAtFirstRcpcRow>(chair.endedAtFirstRcpc, {
            ...ref,
            planStart: plan.start,
            planEnd: plan.end,
          });
        }
      } catch (err) {
        if (!(err instanceof RulesInputError)) throw err;
        deps.logger.warn(
          { caseId: kase.id, code: err.code, asOf: formatIsoDate(today) },
          "indicator review: plan history cannot be read",
        );
      }
    }
  }
  return [...chairs.values()];
}
