import type { CaseMappingView } from "../../cards/case-mapping/view-model";
import type { CaseMappingMonth, CaseMappingRow } from "../../model";
import { staffById, staffWithRole, type Authority } from "../kernel/authority";
import { monthName } from "./month-name";

/**
 * The card's view of a month's list (cards/case-mapping): the QA admin
 * manager's allocation card (`allocating`: every case, a chair picker per
 * case) or a read-only list (a chair's own cases, or what is not done).
 */
export function caseMappingView(
  authority: Authority,
  month: CaseMappingMonth,
  options: { title?: string; rows?: readonly CaseMappingRow[]; allocating?: boolean } = {},
): CaseMappingView {
  const rows = options.rows ?? month.rows;
  return {
    title: options.title ?? `Case mapping: ${monthName(month.month)}`,
    month: month.month,
    completeBy: month.completeBy,
    reviewWithinMonths: month.reviewWithinMonths,
    cases: rows.map((r) => {
      const chair = r.chairId === undefined ? undefined : staffById(authority, r.chairId);
      return {
        caseId: r.caseId,
        caseReference: r.caseReference,
        openSince: r.openSince,
        monthsOpen: r.monthsOpen,
        ...(r.team !== undefined ? { team: r.team } : {}),
        ...(r.lastMapped !== undefined ? { lastMapped: r.lastMapped } : {}),
        task: r.task,
        ...(r.chairId !== undefined
          ? { chair: { id: r.chairId, name: chair?.name ?? "a former chair" } }
          : {}),
        ...(r.doneAt !== undefined ? { done: true } : {}),
      };
    }),
    ...(options.allocating === true
      ? {
          chairs: staffWithRole(authority, "chair").map((c) => ({
            id: c.entraObjectId,
            name: c.name,
          })),
        }
      : {}),
  };
}
