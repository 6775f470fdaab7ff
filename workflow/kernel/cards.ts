/**
 * The card builders workflow/ uses, under short names. One import site, so
 * a renamed builder in cards/ is one line here.
 */
export { buildRequestConferenceCard as requestConference } from "../../cards/request-conference/build";
export { buildBookCard as book } from "../../cards/book/build";
export { buildBookingConfirmationCard as bookingConfirmation } from "../../cards/booking-confirmation/build";
export { buildInviteListCard as inviteList } from "../../cards/invite-list/build";
export { buildFamilyAccessCard as familyAccess } from "../../cards/family-access/build";
export { buildReportStatusCard as reportStatus } from "../../cards/report-status/build";
export { buildTaskAlertCard as taskAlert } from "../../cards/task-alert/build";
export { buildBriefCard as brief } from "../../cards/brief/build";
export { buildOutcomeCard as outcome } from "../../cards/outcome/build";
export { buildClaRequestCard as claRequest } from "../../cards/cla-request/build";
export { buildClaMinutesCard as claMinutes } from "../../cards/cla-minutes/build";
export { buildDecisionsCard as decisions } from "../../cards/decisions/build";
export { buildQaNoticeCard as qaNotice } from "../../cards/qa-notice/build";
export {
  buildConsultationCard as consultation,
  buildReReferralMappingCard as reReferralMapping,
} from "../../cards/consultation/build";
export {
  buildDoneCard as done,
  buildRefusalCard as refusal,
  buildWorkingCard as working,
} from "../../cards/generic/build";
export { buildNewCaseCard as newCase } from "../../cards/new-case/build";
