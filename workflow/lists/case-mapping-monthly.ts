import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { layoutCaseMappingCard } from "../../cards/case-mapping/build";
import { csvAttachment } from "../../cards/csv/csv";
import { caseMappingCsv } from "../../cards/csv/lists";
import type { CaseMappingMonth, Task } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "../kernel/deps";
import { gatherCinCases, newMonth } from "./case-mapping-rows";
import { caseMappingView } from "./case-mapping-view";
import { qaAdmins } from "./job-recipients";
import { deliverList } from "./list-delivery";
import { monthId, monthName } from "./month-name";
import { unreadableCount } from "../kernel/unreadable";
import { unreadableText } from "../../cards/common/list";

export const CASE_MAPPING_MONTHLY = "cin.case-mapping.monthly";

/** The list is made from cases only. */
const CASE_TYPES: ReadonlySet<string> = new Set(["case"]);

/** The month's list: made on its first run, found again (allocations kept) on a rerun. */
async function monthList(deps: WorkflowDeps, now: Date): Promise<CaseMappingMonth> {
  const today = deps.policy.calendar.toLocal(now.getTime()).day;
  const doc = newMonth(deps, monthId(today), today, await gatherCinCases(deps, today));
  try {
    return await deps.store.create(doc);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    const found = await deps.store.get("case-mapping-month", doc.id, doc.pk);
    if (found === undefined) throw err;
    return found;
  }
}

/**
 * `cin.case-mapping.monthly` (chair-consultation 4a; docs/rules.md, policies `chair-consultation`): on
 * the first working day of the month at 09:00, the child in need cases open
 * 12 months or more go to the QA admin manager as the allocation card (a CP
 * chair picker per case, verb case-mapping.allocate), and as the CSV by
 * email to one not in Teams. The list is stored for the month: the
 * allocations, the chairs' "mapped" and `cin.case-mapping.complete` work on it.
 */
export function caseMappingMonthlyHandler(deps: WorkflowDeps) {
  return async (task: Task, ctx: TaskContext): Promise<TaskResult> => {
    const month = await monthList(deps, ctx.now);
    const unreadable = await unreadableCount(deps, CASE_TYPES);
    const view = {
      ...caseMappingView(deps.authority, month, { allocating: true }),
      ...(unreadable > 0 ? { unreadable } : {}),
    };
    const layout = layoutCaseMappingCard(view);
    const reviews = month.rows.filter((r) => r.task === "review").length;
    const summary = `${month.rows.length} case(s): ${reviews} review(s), ${month.rows.length - reviews} new`;
    const title = `Case mapping: ${monthName(month.month)}`;
    const sent = await deliverList(deps, {
      taskId: task.id,
      list: CASE_MAPPING_MONTHLY,
      recipients: qaAdmins(deps.authority),
      cards: [layout.card],
      preview: `${title}: ${summary} to allocate`,
      subject: `${title}: ${summary} to allocate`,
      bodyText: [
        `${title}: ${summary} to allocate to the CP chairs.`,
        "The cases are in the attached CSV, by case reference. Allocate them in Convene in Teams.",
        ...(unreadable > 0
          ? [
              `${unreadableText(unreadable) ?? ""}: this list may be incomplete. The service owners have been told.`,
            ]
          : []),
      ].join("\n"),
      csv: csvAttachment(CASE_MAPPING_MONTHLY, month.month, caseMappingCsv(view)),
    });
    return { cases: month.rows.length, reviews, unreadable, ...sent };
  };
}
