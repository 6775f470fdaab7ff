import { type TaskHandler } from "../ports/tasks";
import { VERBS } from "../cards/verbs";
import { addUnavailable } from "./chairs/add-unavailable";
import { answerCover, COVER_CHANGED_TASK, coverChanged, decideCover } from "./chairs/cover-actions";
import { generateRota } from "./chairs/generate-rota";
import { reportSick, SICK_COVER_TASK } from "./chairs/report-sick";
import { offerCover } from "./chairs/sick-cover";
import { answerSwap, requestSwap } from "./chairs/swap";
import { PermanentTaskError } from "../ports/task-errors";
import { WorkflowError } from "./kernel/errors";
import { addInviteeRow, submitInviteList } from "./invitations/invite-list";
import { acceptBooking, declineBooking } from "./booking/booking-confirmation";
import { APPROVAL_TASK, book, bookPastLimit } from "./booking/book";
import { submitFamilyAccess } from "./invitations/family-access";
import { messageHandler } from "./chat/messages";
import { recordOutcome } from "./after-meeting/outcome";
import { askSocialWorker, nudgeAgency, proposeStandDown } from "./quoracy/quoracy";
import { updateReportStatus } from "./reports/report-status";
import { requestConference } from "./booking/request-conference";
import { recordConsultation } from "./consultation/consultation";
import { deliverQaNotice, QA_NOTICE_TASK, sendQaNotice } from "./after-meeting/qa-notice";
import { DECISIONS_TASK, distributeDecisions } from "./after-meeting/distribute-decisions";
import {
  askRecordDistribution,
  planSignedOff,
  RECORD_DISTRIBUTION_TASK,
  recordAvailable,
  recordDistributed,
} from "./after-meeting/record-steps";
import {
  askReReferralMapping,
  RE_REFERRAL_TASK,
  reReferralMappingHeld,
} from "./consultation/re-referral";
import { runClaInvitesSend } from "./cla/invites-send-task";
import { recordClaMinutes } from "./cla/record-minutes";
import { requestClaReview } from "./cla/request-review";
import { action } from "./kernel/respond";
import { taskAcknowledge, taskApprove, taskDone, taskReassign } from "./reminders/task-actions";
import type { WorkflowDeps } from "./kernel/deps";
import { BRIEF_TASK } from "./brief/plan-brief";
import {
  CalendarError,
  type ActionHandler,
  type ActionRequest,
  type ActionResponse,
  type BotHandlers,
} from "../ports";
import { FORECAST_TASK } from "./quoracy/forecast-times";
import { SUBSCRIBE_TASK, subscribeHandler } from "./quoracy/subscription";
import {
  POLL_TASK,
  REEVALUATE_TASK,
  REFRESH_TASK,
  runForecast,
  runPoll,
  runReevaluate,
  runRefresh,
} from "./quoracy/tasks";
import { meetingListHandler } from "./lists/meeting-lists";
import { caseMappingCompleteHandler } from "./lists/case-mapping-complete";
import { caseMappingMonthlyHandler } from "./lists/case-mapping-monthly";
import { exceptionReportHandler } from "./lists/exception-report";
import { indicatorReviewHandler } from "./lists/indicator-review";
import { notifyHealthHandler } from "./lists/notify-health";
import { allocateCaseMapping } from "./consultation/case-mapping";
import { PLAN_JOBS, planJobsHandler } from "./lists/plan-jobs";
import { askApproval } from "./booking/approval";
import { sendBrief } from "./brief/brief";
import { createEvent } from "./booking/create-event";
import { OFFER_BOOKING, OFFER_REBOOKING, offerBooking } from "./booking/offer-booking";
import { rescheduleEvent } from "./booking/reschedule-event";
import { sendPoliceChecks } from "./invitations/police-checks";
import { runRuleTask } from "./reminders/rule-task";
import { sendInvites } from "./invitations/send-invites";
import { approveStandDown } from "./stand-down/approve-action";
import { askStandDownApproval } from "./stand-down/ask-approval";
import { cancelEvent } from "./stand-down/cancel-event";
import { notifyStandDown } from "./stand-down/notify-attendees";
import { recordQuoracy } from "./stand-down/quoracy-record";
import { refuseStandDown } from "./stand-down/refuse-action";
import { notifyStandDownRefused } from "./stand-down/refused-notice";
import { requestStandDown } from "./stand-down/request-action";
import {
  CANCEL_EVENT_TASK,
  STAND_DOWN_APPROVAL_TASK,
  STAND_DOWN_NOTIFY_TASK,
  STAND_DOWN_REFUSED_TASK,
} from "./stand-down/task-types";

type UseCase = (deps: WorkflowDeps, request: ActionRequest) => Promise<ActionResponse>;

/** Every card verb and its use case (DESIGN.md habit 7: handlers registered per verb). */
const USE_CASES: Readonly<Record<string, UseCase>> = {
  [VERBS.requestConference]: requestConference,
  [VERBS.requestClaReview]: requestClaReview,
  [VERBS.recordClaMinutes]: recordClaMinutes,
  [VERBS.book]: book,
  [VERBS.bookPastLimit]: bookPastLimit,
  [VERBS.acceptBooking]: acceptBooking,
  [VERBS.declineBooking]: declineBooking,
  [VERBS.addInvitee]: addInviteeRow,
  [VERBS.submitInviteList]: submitInviteList,
  [VERBS.submitFamilyAccess]: submitFamilyAccess,
  [VERBS.updateReportStatus]: updateReportStatus,
  [VERBS.taskDone]: taskDone,
  [VERBS.taskAcknowledge]: taskAcknowledge,
  [VERBS.taskReassign]: taskReassign,
  [VERBS.taskApprove]: taskApprove,
  [VERBS.recordOutcome]: recordOutcome,
  [VERBS.quoracyNudge]: nudgeAgency,
  [VERBS.quoracyAskSocialWorker]: askSocialWorker,
  [VERBS.quoracyProposeStandDown]: proposeStandDown,
  [VERBS.quoracyRecord]: recordQuoracy,
  [VERBS.standDownRequest]: requestStandDown,
  [VERBS.standDownApprove]: approveStandDown,
  [VERBS.standDownRefuse]: refuseStandDown,
  [VERBS.caseMappingAllocate]: allocateCaseMapping,
  [VERBS.chairUnavailableAdd]: addUnavailable,
  [VERBS.rotaGenerate]: generateRota,
  [VERBS.rotaSwap]: requestSwap,
  [VERBS.rotaSwapAccept]: answerSwap,
  [VERBS.rotaSwapDecline]: answerSwap,
  [VERBS.reportSick]: reportSick,
  [VERBS.coverAccept]: answerCover,
  [VERBS.coverDecline]: answerCover,
  [VERBS.coverStandDown]: decideCover,
  [VERBS.coverKeepTrying]: decideCover,
  [VERBS.planSignedOff]: planSignedOff,
  [VERBS.recordAvailable]: recordAvailable,
  [VERBS.recordDistributed]: recordDistributed,
  [VERBS.sendQaNotice]: sendQaNotice,
  [VERBS.recordConsultation]: recordConsultation,
  [VERBS.reReferralMappingHeld]: reReferralMappingHeld,
};

export function botHandlers(deps: WorkflowDeps): BotHandlers {
  const actions = new Map<string, ActionHandler>();
  for (const [verb, useCase] of Object.entries(USE_CASES)) {
    actions.set(
      verb,
      action(deps, (request) => useCase(deps, request)),
    );
  }
  return { actions, message: messageHandler(deps) };
}

/**
 * The scheduler's handlers: Convene's own background work by task type, and
 * every timeline rule of the policy (the task type is the rule id).
 */
export function taskHandlers(
  deps: WorkflowDeps,
  options: { notifications?: { url: string; clientState: string } } = {},
): Map<string, TaskHandler> {
  const handlers = new Map<string, TaskHandler>([
    [OFFER_BOOKING, (t, c) => offerBooking(deps, t, c)],
    [OFFER_REBOOKING, (t, c) => offerBooking(deps, t, c)],
    [SICK_COVER_TASK, (t, c) => offerCover(deps, t, c)],
    [COVER_CHANGED_TASK, (t, c) => coverChanged(deps, t, c)],
    ["meeting.reschedule-event", (t, c) => rescheduleEvent(deps, t, c)],
    ["meeting.create-event", (t, c) => createEvent(deps, t, c)],
    ["meeting.send-invites", (t, c) => sendInvites(deps, t, c)],
    ["meeting.police-checks", (t, c) => sendPoliceChecks(deps, t, c)],
    [APPROVAL_TASK, (t, c) => askApproval(deps, t, c)],
    [BRIEF_TASK, (t, c) => sendBrief(deps, t, c)],
    [FORECAST_TASK, (t, c) => runForecast(deps, t, c)],
    [POLL_TASK, (t, c) => runPoll(deps, t, c)],
    [REFRESH_TASK, (t, c) => runRefresh(deps, t, c)],
    [REEVALUATE_TASK, (t, c) => runReevaluate(deps, t, c)],
    [STAND_DOWN_APPROVAL_TASK, (t, c) => askStandDownApproval(deps, t, c)],
    [CANCEL_EVENT_TASK, (t, c) => cancelEvent(deps, t, c)],
    [STAND_DOWN_NOTIFY_TASK, (t, c) => notifyStandDown(deps, t, c)],
    [STAND_DOWN_REFUSED_TASK, (t, c) => notifyStandDownRefused(deps, t, c)],
    [DECISIONS_TASK, (t, c) => distributeDecisions(deps, t, c)],
    [RECORD_DISTRIBUTION_TASK, (t, c) => askRecordDistribution(deps, t, c)],
    [QA_NOTICE_TASK, (t, c) => deliverQaNotice(deps, t, c)],
    [RE_REFERRAL_TASK, (t, c) => askReReferralMapping(deps, t, c)],
  ]);
  const ruleTask: TaskHandler = (t, c) => runRuleTask(deps, t, c);
  for (const rule of deps.policy.rules) handlers.set(rule.id, ruleTask);
  // 000 rule 11: the CLA invites and consultation documents go out on that day (workflow/cla).
  if (handlers.has("cla.invites.send"))
    handlers.set("cla.invites.send", (t, c) => runClaInvitesSend(deps, t, c));
  // Recurring jobs with a handler so far (issue 6 brings the other lists).
  const jobs = new Map<string, TaskHandler>([
    ["list.weekly", meetingListHandler(deps, "list.weekly")],
    ["list.fortnight", meetingListHandler(deps, "list.fortnight")],
    ["list.month-ahead", meetingListHandler(deps, "list.month-ahead")],
    ["report.exceptions", exceptionReportHandler(deps)],
    ["register.notify-health", notifyHealthHandler(deps)],
    ["indicator.review", indicatorReviewHandler(deps)],
    ["cin.case-mapping.monthly", caseMappingMonthlyHandler(deps)],
    ["cin.case-mapping.complete", caseMappingCompleteHandler(deps)],
  ]);
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
 * DESIGN.md habit 9 for background work: Graph refusing a request (400/403:
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
