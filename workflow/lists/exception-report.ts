import { lateText } from "./meeting-lists";
import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { layoutExceptionReportCard } from "../../cards/exception-report/build";
import { csvAttachment } from "../../cards/csv/csv";
import { exceptionReportCsv } from "../../cards/csv/lists";
import type { ExceptionReportView } from "../../cards/exception-report/view-model";
import type { Task } from "../../model";
import { formatHumanDate, formatIsoDate } from "../../rules";
import type { WorkflowDeps } from "../kernel/deps";
import { gatherExceptions } from "./exception-rows";
import { unreadableText } from "../../cards/common/list";
import { staffWithRoles } from "./job-recipients";
import { deliverList } from "./list-delivery";

export const EXCEPTION_REPORT = "report.exceptions";

/** Counts only: the preview and the subject are read on lock screens (no child, no case). */
function countsText(v: ExceptionReportView): string {
  return [
    `${v.lateInviteLists.length} late invite list(s)`,
    `${v.lateReports.length} late report(s)`,
    `${v.stoodDown.length} stood down`,
    `${v.outOfTimescale.length} out of timescale`,
    ...(v.unreadable > 0 ? [unreadableText(v.unreadable)] : []),
  ].join(", ");
}

/**
 * `report.exceptions` (Swindon rule 23; docs/rules.md, policies `swindon`): every Monday at
 * 09:00 (the next working day after a bank holiday), to the QA Team and
 * Service Managers (role qa-manager) and the Director of Social Work: a
 * card in Teams, the CSV by email to those not in Teams. The email's
 * subject has no "URGENT CLA/CP" (Swindon rule 14 is for the emails that chase
 * an invite or a report; a weekly report marked urgent would teach people
 * to ignore the word).
 */
export function exceptionReportHandler(deps: WorkflowDeps) {
  return async (task: Task, ctx: TaskContext): Promise<TaskResult> => {
    // A catch-up run (after downtime) reports the week that was due and says it is late.
    const dueAt = new Date(task.dueAt);
    const late = lateText(ctx.now, dueAt);
    const today = deps.policy.calendar.toLocal(dueAt.getTime()).day;
    const view: ExceptionReportView = {
      title: `Exception report: ${deps.authority.name}${late}`,
      periodText: `Week to ${formatHumanDate(today)}`,
      ...(await gatherExceptions(deps, late === "" ? ctx.now : dueAt)),
    };
    const layout = layoutExceptionReportCard(view);
    const counts = countsText(view);
    const sent = await deliverList(deps, {
      taskId: task.id,
      list: EXCEPTION_REPORT,
      recipients: staffWithRoles(deps.authority, ["qa-manager", "director"]),
      cards: [layout.card],
      preview: `Exception report: ${counts}${late}`,
      subject: `Exception report, ${view.periodText}: ${counts}${late}`,
      bodyText: [
        `The exception report for ${deps.authority.name}, ${view.periodText}: ${counts}.`,
        "Every row is in the attached CSV, by case reference.",
      ].join("\n"),
      csv: csvAttachment(EXCEPTION_REPORT, formatIsoDate(today), exceptionReportCsv(view)),
    });
    return {
      lateInviteLists: view.lateInviteLists.length,
      lateReports: view.lateReports.length,
      stoodDown: view.stoodDown.length,
      outOfTimescale: view.outOfTimescale.length,
      unreadable: view.unreadable,
      ...sent,
    };
  };
}
