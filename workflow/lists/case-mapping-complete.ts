import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { buildCaseMappingCard } from "../../cards/case-mapping/build";
import { csvAttachment } from "../../cards/csv/csv";
import { caseMappingCsv } from "../../cards/csv/lists";
import { caseMappingMonthId, type CaseMappingRow, type Task } from "../../model";
import { staffById, type StaffMember } from "../kernel/authority";
import type { WorkflowDeps } from "../kernel/deps";
import { caseMappingView } from "./case-mapping-view";
import { qaAdmins } from "./job-recipients";
import { deliverList } from "./list-delivery";
import { monthId, monthName } from "./month-name";

export const CASE_MAPPING_COMPLETE = "cin.case-mapping.complete";

/**
 * `cin.case-mapping.complete` (chair-consultation 4a-b; docs/rules.md, policies `chair-consultation`):
 * at end of business on the month's last working day, what is not done is
 * escalated. Each chair gets the list of their cases not yet recorded as
 * mapped ("mapped REF" in the chat records one); the QA admin manager gets
 * every case not done, those never allocated included. Nothing is sent
 * when every case is done, nor for a month without a list.
 */
export function caseMappingCompleteHandler(deps: WorkflowDeps) {
  return async (task: Task, ctx: TaskContext): Promise<TaskResult> => {
    const today = deps.policy.calendar.toLocal(ctx.now.getTime()).day;
    const id = caseMappingMonthId(monthId(today));
    const month = await deps.store.get("case-mapping-month", id, id);
    if (month === undefined) return { skipped: "no-list" };
    const open = month.rows.filter((r) => r.doneAt === undefined);
    if (open.length === 0) return { notDone: 0 };
    const title = `Case mappings not done: ${monthName(month.month)}`;
    const send = async (key: string, to: StaffMember[], rows: readonly CaseMappingRow[]) => {
      const view = caseMappingView(deps.authority, month, { title, rows });
      const unallocated = rows.filter((r) => r.chairId === undefined).length;
      const summary = `${rows.length} case(s) not done${unallocated > 0 ? `, ${unallocated} never allocated` : ""}`;
      return deliverList(deps, {
        taskId: `${task.id}:${key}`,
        list: CASE_MAPPING_COMPLETE,
        recipients: to,
        cards: [buildCaseMappingCard(view)],
        preview: `${title}: ${summary}`,
        subject: `${title}: ${summary}`,
        bodyText: [
          `${title}: ${summary}, due today.`,
          "The cases are in the attached CSV, by case reference.",
        ].join("\n"),
        csv: csvAttachment(`${CASE_MAPPING_COMPLETE}-${key}`, month.month, caseMappingCsv(view)),
      });
    };
    const byChair = new Map<string, CaseMappingRow[]>();
    for (const r of open) {
      if (r.chairId === undefined) continue;
      byChair.set(r.chairId, [...(byChair.get(r.chairId) ?? []), r]);
    }
    let cards = 0;
    for (const [chairId, rows] of byChair) {
      const chair = staffById(deps.authority, chairId);
      if (chair === undefined) continue;
      cards += (await send(chairId, [chair], rows)).cards;
    }
    cards += (await send("all", qaAdmins(deps.authority), open)).cards;
    return { notDone: open.length, chairs: byChair.size, cards };
  };
}
