import type { TaskHandler } from "../../ports/tasks";
import type { WorkflowDeps } from "../kernel/deps";
import { caseMappingCompleteHandler } from "./case-mapping-complete";
import { caseMappingMonthlyHandler } from "./case-mapping-monthly";
import { exceptionReportHandler } from "./exception-report";
import { indicatorReviewHandler } from "./indicator-review";
import { meetingListHandler } from "./meeting-lists";
import { notifyHealthHandler } from "./notify-health";

/** The recurring jobs that have a handler, by the policy's recurring rule id. */
export function recurringJobs(deps: WorkflowDeps): Map<string, TaskHandler> {
  return new Map<string, TaskHandler>([
    ["list.weekly", meetingListHandler(deps, "list.weekly")],
    ["list.fortnight", meetingListHandler(deps, "list.fortnight")],
    ["list.month-ahead", meetingListHandler(deps, "list.month-ahead")],
    ["report.exceptions", exceptionReportHandler(deps)],
    ["register.notify-health", notifyHealthHandler(deps)],
    ["indicator.review", indicatorReviewHandler(deps)],
    ["cin.case-mapping.monthly", caseMappingMonthlyHandler(deps)],
    ["cin.case-mapping.complete", caseMappingCompleteHandler(deps)],
  ]);
}
