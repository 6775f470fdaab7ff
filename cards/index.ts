/**
 * cards/: Convene's Adaptive Cards (schema 1.5, Teams). Per card: a JSON
 * template, a typed builder (view-model → CardJson), and the zod schema of
 * what it submits, by verb. Nothing here does I/O.
 */
export * from "./verbs";
export { FORM_FIELD, fieldErrors, parseSubmission } from "./common/errors";
export type { FieldErrors, Parsed } from "./common/errors";
export { submittedValues, type SubmittedValues } from "./common/values";
export type * from "./common/view-model";

export * from "./request-conference/submission";
export type * from "./request-conference/view-model";
export * from "./book/submission";
export type * from "./book/view-model";
export * from "./booking-confirmation/submission";
export type * from "./booking-confirmation/view-model";
export * from "./invite-list/submission";
export * from "./invite-list/view-model";
export * from "./family-access/submission";
export type * from "./family-access/view-model";
export * from "./report-status/submission";
export type * from "./report-status/view-model";
export * from "./task-alert/submission";
export * from "./task-alert/view-model";
export type * from "./brief/view-model";
export * from "./outcome/submission";
export * from "./outcome/view-model";
export type * from "./generic/view-model";
export * from "./quoracy-forecast/submission";
export type * from "./quoracy-forecast/view-model";
export type * from "./timeliness/view-model";
export type * from "./meeting-list/view-model";
export type * from "./exception-report/view-model";
export type * from "./indicator-review/view-model";
export * from "./case-mapping/submission";
export type * from "./case-mapping/view-model";

export { cardPreview } from "./common/expand";
export { formatDate, formatInstant, formatLateness, formatRange } from "./common/format";
export { buildRequestConferenceCard } from "./request-conference/build";
export { buildBookCard } from "./book/build";
export { buildBookingConfirmationCard } from "./booking-confirmation/build";
export { buildInviteListCard } from "./invite-list/build";
export { buildFamilyAccessCard } from "./family-access/build";
export { buildReportStatusCard } from "./report-status/build";
export { buildTaskAlertCard } from "./task-alert/build";
export { buildBriefCard } from "./brief/build";
export { buildOutcomeCard } from "./outcome/build";
export { buildDoneCard, buildRefusalCard, buildWorkingCard } from "./generic/build";
export { buildQuoracyForecastCard } from "./quoracy-forecast/build";
export {
  AMBER_POINTS,
  TIMELINESS_LIMITS,
  buildTimelinessCard,
  timelinessCardBody,
} from "./timeliness/build";

// The councils' other procedures's lists: each card shows the counts of every row and its first
// rows; layout… says how many it left out (then attach the CSV). There is
// no register-changes card: see csv/register-changes.ts for why.
export { LIST_CARD_BUDGET } from "./common/list";
export {
  MEETING_LIST_LIMITS,
  buildMeetingListCard,
  layoutMeetingListCard,
  type MeetingListLayout,
} from "./meeting-list/build";
export {
  EXCEPTION_REPORT_LIMITS,
  STAND_DOWN_REASON_TEXT,
  buildExceptionReportCard,
  layoutExceptionReportCard,
  type ExceptionReportLayout,
} from "./exception-report/build";
export {
  INDICATOR_REVIEW_LIMITS,
  buildIndicatorReviewCard,
  layoutIndicatorReviewCard,
  type IndicatorReviewLayout,
} from "./indicator-review/build";
export {
  CASE_MAPPING_LIMITS,
  buildCaseMappingCard,
  layoutCaseMappingCard,
  type CaseMappingLayout,
} from "./case-mapping/build";
export * from "./csv/csv";
export * from "./csv/lists";
export * from "./csv/register-changes";
