import type { z } from "zod";
import { CaseMappingAllocateSubmission } from "./case-mapping/submission";
import { ConsultationSubmission, ReReferralMappingSubmission } from "./consultation/submission";
import {
  PlanSignedOffSubmission,
  RecordAvailableSubmission,
  RecordDistributedSubmission,
} from "./decisions/submission";
import { QaNoticeSubmission } from "./qa-notice/submission";
import { ChairUnavailableSubmission } from "./chair-unavailable/submission";
import {
  RotaGenerateSubmission,
  RotaSwapAnswerSubmission,
  RotaSwapSubmission,
} from "./duty-rota/submission";
import {
  CoverAnswerSubmission,
  CoverKeepTryingSubmission,
  CoverStandDownSubmission,
  ReportSickSubmission,
} from "./sick-cover/submission";
import { BookPastLimitSubmission, BookSubmission } from "./book/submission";
import {
  AcceptBookingSubmission,
  DeclineBookingSubmission,
} from "./booking-confirmation/submission";
import { FamilyAccessSubmission } from "./family-access/submission";
import { InviteListDraft, InviteListSubmission } from "./invite-list/submission";
import { OutcomeSubmission } from "./outcome/submission";
import { ReportStatusSubmission } from "./report-status/submission";
import {
  QuoracyAskSocialWorkerSubmission,
  QuoracyNudgeSubmission,
  QuoracyProposeStandDownSubmission,
} from "./quoracy-forecast/submission";
import { RequestConferenceSubmission } from "./request-conference/submission";
import { ClaMinutesSubmission } from "./cla-minutes/submission";
import { ClaRequestSubmission } from "./cla-request/submission";
import { QuoracyRecordSubmission } from "./quoracy-record/submission";
import {
  StandDownApproveSubmission,
  StandDownRefuseSubmission,
} from "./stand-down-approval/submission";
import { StandDownRequestSubmission } from "./stand-down-request/submission";
import {
  TaskAcknowledgeSubmission,
  TaskApproveSubmission,
  TaskDoneSubmission,
  TaskReassignSubmission,
} from "./task-alert/submission";
import { VERBS, type Verb } from "./verbs";

/**
 * The schema of what each verb submits: bot/ or workflow/ can parse any
 * invoke's data by its verb (`parseSubmission(SUBMISSIONS[verb], data)`).
 * "add another" parses leniently (InviteListDraft): it only redraws the card.
 */
export const SUBMISSIONS = {
  [VERBS.requestConference]: RequestConferenceSubmission,
  [VERBS.book]: BookSubmission,
  [VERBS.bookPastLimit]: BookPastLimitSubmission,
  [VERBS.acceptBooking]: AcceptBookingSubmission,
  [VERBS.declineBooking]: DeclineBookingSubmission,
  [VERBS.addInvitee]: InviteListDraft,
  [VERBS.submitInviteList]: InviteListSubmission,
  [VERBS.submitFamilyAccess]: FamilyAccessSubmission,
  [VERBS.updateReportStatus]: ReportStatusSubmission,
  [VERBS.taskDone]: TaskDoneSubmission,
  [VERBS.taskAcknowledge]: TaskAcknowledgeSubmission,
  [VERBS.taskReassign]: TaskReassignSubmission,
  [VERBS.taskApprove]: TaskApproveSubmission,
  [VERBS.recordOutcome]: OutcomeSubmission,
  [VERBS.quoracyNudge]: QuoracyNudgeSubmission,
  [VERBS.quoracyAskSocialWorker]: QuoracyAskSocialWorkerSubmission,
  [VERBS.quoracyProposeStandDown]: QuoracyProposeStandDownSubmission,
  [VERBS.quoracyRecord]: QuoracyRecordSubmission,
  [VERBS.standDownRequest]: StandDownRequestSubmission,
  [VERBS.standDownApprove]: StandDownApproveSubmission,
  [VERBS.standDownRefuse]: StandDownRefuseSubmission,
  [VERBS.caseMappingAllocate]: CaseMappingAllocateSubmission,
  [VERBS.requestClaReview]: ClaRequestSubmission,
  [VERBS.recordClaMinutes]: ClaMinutesSubmission,
  [VERBS.planSignedOff]: PlanSignedOffSubmission,
  [VERBS.recordAvailable]: RecordAvailableSubmission,
  [VERBS.recordDistributed]: RecordDistributedSubmission,
  [VERBS.sendQaNotice]: QaNoticeSubmission,
  [VERBS.recordConsultation]: ConsultationSubmission,
  [VERBS.reReferralMappingHeld]: ReReferralMappingSubmission,
  [VERBS.chairUnavailableAdd]: ChairUnavailableSubmission,
  [VERBS.rotaGenerate]: RotaGenerateSubmission,
  [VERBS.rotaSwap]: RotaSwapSubmission,
  [VERBS.rotaSwapAccept]: RotaSwapAnswerSubmission,
  [VERBS.rotaSwapDecline]: RotaSwapAnswerSubmission,
  [VERBS.reportSick]: ReportSickSubmission,
  [VERBS.coverAccept]: CoverAnswerSubmission,
  [VERBS.coverDecline]: CoverAnswerSubmission,
  [VERBS.coverStandDown]: CoverStandDownSubmission,
  [VERBS.coverKeepTrying]: CoverKeepTryingSubmission,
} as const satisfies Record<Verb, z.ZodType>;

export type Submissions = typeof SUBMISSIONS;
/** The parsed data of a verb: `SubmissionOf<"booking.decline">`. */
export type SubmissionOf<V extends Verb> = z.output<Submissions[V]>;
