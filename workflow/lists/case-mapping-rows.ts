import { readableItems } from "../kernel/unreadable";
import { caseMappingMonthId, type CaseMappingMonth, type CaseMappingRow } from "../../model";
import {
  addMonthsClamped,
  dayFromYmd,
  parseIsoDate,
  schedule,
  ymdFromDay,
  type DayNumber,
} from "../../rules";
import { staffById } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { wholeMonths } from "./whole-months";

type Deps = Pick<WorkflowDeps, "store" | "policy" | "authority" | "clock" | "logger" | "kick">;

/**
 * docs/rules.md, policies `chair-consultation` (chair-consultation 4): a case on the list has been open as
 * child in need 12 months or more. A constant: neither docs/rules.md nor chair-consultation makes
 * it configurable (unlike the review window, the authority's
 * `caseMappingReviewMonths`).
 */
export const CIN_OPEN_MONTHS = 12;

export const COMPLETE_RULE = "cin.case-mapping.complete";

/**
 * The child in need cases on the month's list as at `today` (the month's
 * first working day): open, and open 12 months or more (docs/rules.md, counting time's month
 * counting); review if the last mapping is within the authority's
 * `caseMappingReviewMonths` (docs/rules.md, policies `chair-consultation`: 6 months,
 * configurable), else new. The team is the social worker's (configured on
 * the staff list). Case references only.
 */
export async function gatherCinCases(deps: Deps, today: DayNumber): Promise<CaseMappingRow[]> {
  const rows: CaseMappingRow[] = [];
  // Mapped on or after this day: the chair reviews it (docs/rules.md, policies `chair-consultation`).
  const reviewFrom = addMonthsClamped(today, -deps.authority.caseMappingReviewMonths);
  for (const kase of await readableItems(deps, deps.store.listAll("case"), "case mapping")) {
    if (kase.cin === undefined || kase.cin.closedAt !== undefined) continue;
    const opened = parseIsoDate(kase.cin.openedAt);
    if (addMonthsClamped(opened, CIN_OPEN_MONTHS) > today) continue;
    const last = (kase.mappings ?? [])
      .map((m) => m.on)
      .sort()
      .at(-1);
    const recent = last !== undefined && parseIsoDate(last) >= reviewFrom;
    const team = staffById(deps.authority, kase.socialWorker.entraObjectId)?.team;
    rows.push({
      caseId: kase.id,
      caseReference: kase.reference,
      openSince: kase.cin.openedAt,
      monthsOpen: wholeMonths(opened, today),
      ...(team !== undefined ? { team } : {}),
      ...(last !== undefined ? { lastMapped: last } : {}),
      task: recent ? "review" : "new",
    });
  }
  return rows.sort(
    (a, b) => b.monthsOpen - a.monthsOpen || a.caseReference.localeCompare(b.caseReference),
  );
}

/** `cin.case-mapping.complete` of the month of `day`: as the scheduler plans it (the month's last working day). */
export function completeByOf(deps: Pick<WorkflowDeps, "policy">, day: DayNumber): string {
  const { year, month } = ymdFromDay(day);
  const first = dayFromYmd(year, month, 1);
  const last = addMonthsClamped(first, 1) - 1;
  const entry = schedule(deps.policy, first, last).entries.find((e) => e.rule === COMPLETE_RULE);
  const at =
    entry !== undefined
      ? Date.parse(entry.at)
      : deps.policy.calendar.toInstant(deps.policy.calendar.workingDayOnOrBefore(last), 17 * 60);
  return new Date(at).toISOString();
}

/** A new month's list document (stored once: a rerun of the job finds it and keeps its allocations). */
export function newMonth(
  deps: Deps,
  month: string,
  today: DayNumber,
  rows: CaseMappingRow[],
): CaseMappingMonth {
  const id = caseMappingMonthId(month);
  return {
    id,
    type: "case-mapping-month",
    pk: id,
    month,
    completeBy: completeByOf(deps, today),
    reviewWithinMonths: deps.authority.caseMappingReviewMonths,
    rows,
    createdAt: deps.clock().toISOString(),
  };
}
