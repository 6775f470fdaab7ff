import type { CardJson } from "../../ports/notifier";
import { buildInvitationLetterCard } from "../../cards/invitation-letter/build";
import { buildNeedsAttentionCard } from "../../cards/needs-attention/build";
import { needsAttentionSample } from "../../cards/needs-attention/sample";
import { buildBookCard } from "../../cards/book/build";
import { bookSample } from "../../cards/book/sample";
import { buildBookingConfirmationCard } from "../../cards/booking-confirmation/build";
import { bookingConfirmationSample } from "../../cards/booking-confirmation/sample";
import { buildBriefCard } from "../../cards/brief/build";
import { briefChildNames, briefMaxSample, briefSample } from "../../cards/brief/sample";
import { buildFamilyAccessCard } from "../../cards/family-access/build";
import { familyAccessSample } from "../../cards/family-access/sample";
import { buildDoneCard, buildRefusalCard, buildWorkingCard } from "../../cards/generic/build";
import { doneSample, refusalSample, workingSample } from "../../cards/generic/sample";
import { buildInviteListCard } from "../../cards/invite-list/build";
import { inviteListMaxSample, inviteListScreenshotSample } from "../../cards/invite-list/sample";
import { buildOutcomeCard } from "../../cards/outcome/build";
import { buildDecisionsCard } from "../../cards/decisions/build";
import {
  decisionsChairSample,
  decisionsClerkSample,
  decisionsSample,
} from "../../cards/decisions/sample";
import { buildQaNoticeCard } from "../../cards/qa-notice/build";
import { qaNoticeSample } from "../../cards/qa-notice/sample";
import { buildConsultationCard, buildReReferralMappingCard } from "../../cards/consultation/build";
import { consultationSample, reReferralMappingSample } from "../../cards/consultation/sample";
import { outcomeSample } from "../../cards/outcome/sample";
import { buildReportStatusCard } from "../../cards/report-status/build";
import { reportStatusMaxSample, reportStatusSample } from "../../cards/report-status/sample";
import { buildQuoracyForecastCard } from "../../cards/quoracy-forecast/build";
import {
  quoracyForecastSample,
  quoracyMaxSample,
  quoracyWithdrawnSample,
} from "../../cards/quoracy-forecast/sample";
import { buildRequestConferenceCard } from "../../cards/request-conference/build";
import { buildNewCaseCard } from "../../cards/new-case/build";
import { buildClaRequestCard } from "../../cards/cla-request/build";
import { claRequestChildNames, claRequestSample } from "../../cards/cla-request/sample";
import { buildClaMinutesCard } from "../../cards/cla-minutes/build";
import { claMinutesSample } from "../../cards/cla-minutes/sample";
import {
  requestConferenceChildNames,
  requestConferenceSample,
} from "../../cards/request-conference/sample";
import { buildTaskAlertCard } from "../../cards/task-alert/build";
import { escalationSample, reminderSample } from "../../cards/task-alert/sample";
import { buildTimelinessCard } from "../../cards/timeliness/build";
import { buildCaseMappingCard } from "../../cards/case-mapping/build";
import {
  caseMappingChairSample,
  caseMappingMaxSample,
  caseMappingSample,
} from "../../cards/case-mapping/sample";
import { buildExceptionReportCard } from "../../cards/exception-report/build";
import {
  exceptionReportMaxSample,
  exceptionReportSample,
} from "../../cards/exception-report/sample";
import { buildIndicatorReviewCard } from "../../cards/indicator-review/build";
import {
  indicatorReviewMaxSample,
  indicatorReviewSample,
} from "../../cards/indicator-review/sample";
import { buildMeetingListCard } from "../../cards/meeting-list/build";
import {
  fortnightListMaxSample,
  monthAheadMaxTimelinessSample,
  monthAheadSample,
  weeklyListMaxSample,
  weeklyListSample,
} from "../../cards/meeting-list/sample";
import { timelinessMaxSample, timelinessSample } from "../../cards/timeliness/sample";
import { buildCaseloadCard } from "../../cards/caseload/build";
import { caseloadSample } from "../../cards/caseload/sample";
import { buildChairUnavailableCard } from "../../cards/chair-unavailable/build";
import { chairUnavailableSample } from "../../cards/chair-unavailable/sample";
import {
  buildDutyRotaCard,
  buildNoRotaCard,
  buildSwapRequestCard,
} from "../../cards/duty-rota/build";
import { dutyRotaSample, noRotaSample, swapRequestSample } from "../../cards/duty-rota/sample";
import { buildSickCoverCard, buildSickReportCard } from "../../cards/sick-cover/build";
import {
  sickCoverDecideSample,
  sickCoverOfferSample,
  sickReportSample,
} from "../../cards/sick-cover/sample";
import { buildQuoracyRecordCard } from "../../cards/quoracy-record/build";
import { quoracyRecordSample } from "../../cards/quoracy-record/sample";
import { buildStandDownApprovalCard } from "../../cards/stand-down-approval/build";
import { standDownApprovalSample } from "../../cards/stand-down-approval/sample";
import { buildStandDownRequestCard } from "../../cards/stand-down-request/build";
import { standDownRequestSample } from "../../cards/stand-down-request/sample";

/**
 * Every card with sample data (fictional): the README screenshots, the
 * renderer test and the schema/size checks all go through this list, so a
 * new card is checked everywhere by adding it here.
 */
export interface GalleryEntry {
  /** File name of the screenshot: docs/cards/<name>.png. */
  name: string;
  /** One line for the README. */
  description: string;
  build: () => CardJson;
  /** Child names in the sample: never in the fallbackText. */
  childNames: readonly string[];
  /** Action buttons a person sees on the rendered card. */
  actionTitles: readonly string[];
  /** Sizes beyond the README: checked, not photographed. */
  screenshot: boolean;
  /** A ShowCard to unfold for the screenshot (by its button title). */
  expand?: string;
}

/** Every child name any sample uses. */
const CHILDREN = [...requestConferenceChildNames, ...briefChildNames, ...claRequestChildNames];

const entry = (e: Omit<GalleryEntry, "childNames" | "screenshot"> & Partial<GalleryEntry>) => ({
  childNames: CHILDREN,
  screenshot: true,
  ...e,
});

export const GALLERY: readonly GalleryEntry[] = [
  entry({
    name: "invitation-letter",
    description:
      "the SW is asked to post or hand over a letter to a family member with no email, and to record how",
    build: () =>
      buildInvitationLetterCard({
        caseId: "case-C-1001",
        caseReference: "C-1001",
        meetingId: "case-C-1001.icpc.2027-01-04",
        inviteeId: "inv-3",
        name: "Pat Parent",
        role: "Father",
        what: "Invitation",
        when: "Thu 21 Jan 2027 10:00",
      }),
    actionTitles: ["Posted", "Handed over"],
    screenshot: false,
  }),
  entry({
    name: "core-group-letter",
    description:
      "the same card for the core group's date: the SW posts or hands over the letter to a member with no email, and records how",
    build: () =>
      buildInvitationLetterCard({
        letter: "core-group",
        caseId: "case-C-1001",
        caseReference: "C-1001",
        meetingId: "case-C-1001.icpc.2027-01-04",
        inviteeId: "inv-3",
        name: "Pat Parent",
        role: "Father",
        what: "Core group date",
        when: "Tue 9 Feb 2027",
      }),
    actionTitles: ["Posted", "Handed over"],
    screenshot: false,
  }),
  entry({
    name: "needs-attention",
    description:
      "a service owner is told what Convene gave up on: what, for which meeting, why; Retry and Mark handled; what else is open",
    build: () => buildNeedsAttentionCard(needsAttentionSample),
    actionTitles: ["Retry", "Mark handled"],
    screenshot: false,
  }),
  entry({
    name: "new-case",
    description:
      "a SW, manager or clerk records a case (or corrects one): reference, people from the staff list (filtered choice), children with date of birth or expected date, NHS number, earlier plans, index child",
    build: () =>
      buildNewCaseCard({
        socialWorkers: [{ id: "22222222-2222-4222-8222-222222222222", name: "Sam Social" }],
        teamManagers: [{ id: "44444444-4444-4444-8444-444444444444", name: "Tayo Manager" }],
        serviceManagers: [{ id: "55555555-5555-4555-8555-555555555555", name: "Sol Service" }],
        values: { reference: "C-2001", child1Name: "Jordan Example", child1Dob: "2017-03-09" },
        errors: {
          child1NhsNumber: "That is not a valid NHS number (ten digits with a check digit)",
        },
      }),
    childNames: [...CHILDREN, "Jordan Example"],
    actionTitles: ["Create case"],
    screenshot: false,
  }),
  entry({
    name: "request-conference",
    description:
      "the SW or manager asks for an ICPC or RCPC: children, index child, strategy or previous conference date",
    build: () => buildRequestConferenceCard(requestConferenceSample),
    actionTitles: ["Ask the clerk to book"],
  }),
  entry({
    name: "book",
    description:
      "the clerk picks a slot where the chair is free, inside the legal limit (shown); a slot past it needs the approver the policy names and a reason",
    build: () => buildBookCard(bookSample),
    actionTitles: ["Book this slot", "Book past the limit"],
    expand: "Book past the limit",
  }),
  entry({
    name: "booking-confirmation",
    description:
      "the chair (or SW) accepts, or declines for a conflict of interest with a reason (West Sussex); the chair can allow recording of this meeting with a reason",
    build: () => buildBookingConfirmationCard(bookingConfirmationSample),
    actionTitles: ["Accept", "Decline: conflict of interest", "Allow recording"],
    expand: "Decline: conflict of interest",
  }),
  entry({
    name: "invite-list",
    description:
      "the SW's invite list, one person a row (add another keeps what was typed), police check reasons (Leicestershire), submit as complete",
    build: () => buildInviteListCard(inviteListScreenshotSample),
    actionTitles: ["Add another person", "Submit list as complete"],
  }),
  entry({
    name: "invite-list-errors",
    description:
      "the same card re-rendered after a malformed submission: errors next to the fields, nothing lost",
    build: () =>
      buildInviteListCard({
        ...inviteListScreenshotSample,
        rows: inviteListScreenshotSample.rows.map((r, i) =>
          i === 0 ? { ...r, policeCheckReason: "" } : i === 1 ? { ...r, email: "amira.khan@" } : r,
        ),
        errors: {
          "invitees.0.policeCheckReason": "The police will not run a check without a reason",
          "invitees.1.email": "Enter a valid email address",
        },
      }),
    actionTitles: ["Add another person", "Submit list as complete"],
  }),
  entry({
    name: "family-access",
    description:
      "the family's devices, data, Teams, how they join, interpreter, accessibility, how reports reach them, risks, split conference",
    build: () => buildFamilyAccessCard(familyAccessSample),
    actionTitles: ["Save access needs"],
  }),
  entry({
    name: "report-status",
    description:
      "the SW's report (drafted, quality-assured, shared with the family, sent to chair and clerk) and each agency's report",
    build: () => buildReportStatusCard(reportStatusSample),
    actionTitles: ["Save report status"],
  }),
  entry({
    name: "reminder",
    description: "a reminder: what is due, when, how long left or how late, and Done",
    build: () => buildTaskAlertCard(reminderSample),
    actionTitles: ["Done"],
  }),
  entry({
    name: "escalation",
    description:
      "an escalation to the manager the rule names: how late, whose task, acknowledge, reassign, approve with a rationale",
    build: () => buildTaskAlertCard(escalationSample),
    actionTitles: ["Acknowledge", "Reassign", "Approve"],
    expand: "Reassign",
  }),
  entry({
    name: "brief",
    description:
      "the chair's pre-meeting brief: who accepted, declined or has not replied, reports, police checks, interpreter, family access, split, repeat/long-plan flags",
    build: () => buildBriefCard(briefSample),
    actionTitles: ["Join the Teams meeting"],
  }),
  entry({
    name: "outcome",
    description:
      "the chair records plan or not, category, next RCPC and core group dates within their limits; plan sign-off and record deadlines shown",
    build: () => buildOutcomeCard(outcomeSample),
    actionTitles: ["Record outcome"],
  }),
  entry({
    name: "cla-request",
    description:
      "the SW or manager asks for a looked-after child's (CLA) review: the looked-after children, the review number, the previous review's date",
    build: () => buildClaRequestCard(claRequestSample),
    actionTitles: ["Ask the clerk to book"],
  }),
  entry({
    name: "cla-minutes",
    description:
      "the IRO confirms the review's minutes and recommendations are on the record and tasked to be shared (virtual-conference); the next review's limit shown",
    build: () => buildClaMinutesCard(claMinutesSample),
    actionTitles: ["Record minutes"],
  }),
  entry({
    name: "quoracy-forecast",
    description:
      "to the chair and clerk when a meeting is at risk of being inquorate: each agency's reply and report; nudge an agency, ask the SW, propose a stand-down with a rationale",
    build: () => buildQuoracyForecastCard(quoracyForecastSample),
    actionTitles: ["Nudge agency", "Ask the SW", "Propose stand-down"],
    expand: "Nudge agency",
  }),
  entry({
    name: "quoracy-withdrawn",
    description: "the same card once enough agencies are expected: the warning withdrawn",
    build: () => buildQuoracyForecastCard(quoracyWithdrawnSample),
    actionTitles: [],
  }),
  entry({
    name: "quoracy-record",
    description:
      "the chair records on the day the agencies present or reporting and how many work with the family; quorate or not is recorded (docs/rules.md, stand-down)",
    build: () => buildQuoracyRecordCard(quoracyRecordSample),
    actionTitles: ["Record quoracy"],
  }),
  entry({
    name: "stand-down-request",
    description:
      "clerk, SW, chair or the case's managers ask to stand a meeting down: docs/rules.md, stand-down's reasons as a fixed list, a rationale always, the approval the policy needs",
    build: () => buildStandDownRequestCard(standDownRequestSample),
    actionTitles: ["Ask for approval"],
  }),
  entry({
    name: "stand-down-approval",
    description:
      "to each approver the policy names (Leicestershire: a safeguarding manager; Swindon: operational and QA & Review SMs jointly): reason, rationale, approvals so far, who tells the attendees, the rebooking",
    build: () => buildStandDownApprovalCard(standDownApprovalSample),
    actionTitles: ["Approve stand-down", "Refuse"],
  }),
  entry({
    name: "timeliness",
    description:
      "the council's timeliness beside the national figures, as bars: ICPCs in 15 working days, RCPCs, CLA reviews, reports to families, invite lists; by month and by team",
    build: () => buildTimelinessCard(timelinessSample),
    actionTitles: [],
  }),
  entry({
    name: "meeting-list",
    description:
      "the weekly list (also the fortnight and month-ahead lists, Swindon): counts per day, then each meeting by day with case reference, chair, status, SW report, agency reports, invite list, out of timescale; what needs chasing in red",
    build: () => buildMeetingListCard(weeklyListSample),
    actionTitles: [],
  }),
  entry({
    name: "exception-report",
    description:
      "the Monday exception report (Swindon): late invite lists, late reports, meetings stood down, meetings out of timescale, each with how late and the reason, rationale or approval",
    build: () => buildExceptionReportCard(exceptionReportSample),
    actionTitles: [],
  }),
  entry({
    name: "indicator-review",
    description:
      "a CPA's monthly indicator review for supervision (West Sussex): plans of 15 months or more, repeat plans within 2 years, plans ended at the first RCPC, by case reference",
    build: () => buildIndicatorReviewCard(indicatorReviewSample),
    actionTitles: [],
  }),
  entry({
    name: "case-mapping",
    description:
      "the month's child in need cases open 12 months or more (chair-consultation) for the QA admin manager: review or new mapping, a chair picked per case, cases per chair, save allocations",
    build: () => buildCaseMappingCard(caseMappingSample),
    actionTitles: ["Save allocations"],
  }),
  entry({
    name: "case-mapping-chair",
    description: "a chair's own case mappings for the month, read only",
    build: () => buildCaseMappingCard(caseMappingChairSample),
    actionTitles: [],
  }),
  entry({
    name: "chair-unavailable",
    description:
      "a chair's unavailable slots (leave, training, supervision, duty elsewhere, West Sussex) and a form to add one",
    build: () => buildChairUnavailableCard(chairUnavailableSample),
    actionTitles: ["Add unavailable slot"],
  }),
  entry({
    name: "duty-rota",
    description:
      "the month's duty chair rota (West Sussex): each working day's duty chair, duty days per chair, swap two days",
    build: () => buildDutyRotaCard(dutyRotaSample),
    actionTitles: ["Swap two days"],
    expand: "Swap two days",
  }),
  entry({
    name: "duty-rota-none",
    description:
      "a month with no duty rota yet, as the chairs' team manager sees it: looking makes nothing; the button makes it",
    build: () => buildNoRotaCard(noRotaSample),
    actionTitles: ["Make the rota"],
  }),
  entry({
    name: "duty-rota-swap",
    description: "to the other chair: accept or decline a swap of two duty days",
    build: () => buildSwapRequestCard(swapRequestSample),
    actionTitles: ["Accept swap", "Decline"],
  }),
  entry({
    name: "sick-report",
    description: "report a chair off sick on a day (the chair, their team manager or a clerk)",
    build: () => buildSickReportCard(sickReportSample),
    actionTitles: ["Report off sick"],
  }),
  entry({
    name: "sick-cover",
    description:
      "to the duty chair: cover a conference of a chair off sick (West Sussex), accept or decline",
    build: () => buildSickCoverCard(sickCoverOfferSample),
    actionTitles: ["Accept: I will chair it", "Decline: I cannot"],
  }),
  entry({
    name: "sick-cover-decide",
    description:
      "to the chairs' team manager when nobody can cover: keep trying, or stand down with a rationale",
    build: () => buildSickCoverCard(sickCoverDecideSample),
    actionTitles: ["Keep trying", "Stand down"],
    expand: "Stand down",
  }),
  entry({
    name: "caseload",
    description:
      "each chair's conferences in the coming weeks, allocated cases and duty days, for the team manager",
    build: () => buildCaseloadCard(caseloadSample),
    actionTitles: [],
  }),
  entry({
    name: "decisions",
    description:
      "the conference's decisions to every staff attendee on the day (virtual-conference): plan or not, category, next RCPC, first core group",
    build: () => buildDecisionsCard(decisionsSample),
    actionTitles: [],
  }),
  entry({
    name: "decisions-chair",
    description:
      "the chair's copy: who got the decisions and how (card or email), plan sign-off and record deadlines (Leicestershire), with their buttons",
    build: () => buildDecisionsCard(decisionsChairSample),
    actionTitles: ["Plan signed off", "Record checked: ask the clerk to distribute"],
  }),
  entry({
    name: "decisions-clerk",
    description:
      "the clerk's card once the chair has checked the record: distribute it with the reports (West Sussex)",
    build: () => buildDecisionsCard(decisionsClerkSample),
    actionTitles: ["Record and reports distributed"],
  }),
  entry({
    name: "qa-notice",
    description:
      "the CPA's recognition of good practice or informal dispute resolution alert about a case (West Sussex), counted per team",
    build: () => buildQaNoticeCard(qaNoticeSample),
    actionTitles: ["Send notice"],
  }),
  entry({
    name: "consultation",
    description:
      "a CP chair records a consultation with a frontline manager (chair-consultation): date, when, manager, advice; the decision stays with the manager",
    build: () => buildConsultationCard(consultationSample),
    actionTitles: ["Record consultation"],
  }),
  entry({
    name: "re-referral-mapping",
    description:
      "a re-referral for an initial conference: book a case mapping with the frontline service manager (chair-consultation), record the day held",
    build: () => buildReReferralMappingCard(reReferralMappingSample),
    actionTitles: ["Case mapping held"],
  }),
  entry({
    name: "done",
    description: "confirmation after an action",
    build: () => buildDoneCard(doneSample),
    actionTitles: [],
  }),
  entry({
    name: "refusal",
    description: '"You can\'t do this: …" for a refused or invalid action',
    build: () => buildRefusalCard(refusalSample),
    actionTitles: [],
  }),
  entry({
    name: "working",
    description: "shown at once while long work (Outlook booking) continues; updated when done",
    build: () => buildWorkingCard(workingSample),
    actionTitles: [],
  }),
  entry({
    name: "invite-list-30",
    description: "30 people",
    build: () => buildInviteListCard(inviteListMaxSample),
    actionTitles: ["Submit list as complete"],
    screenshot: false,
  }),
  entry({
    name: "report-status-12",
    description: "12 agencies",
    build: () => buildReportStatusCard(reportStatusMaxSample),
    actionTitles: ["Save report status"],
    screenshot: false,
  }),
  entry({
    name: "brief-30",
    description: "30 invitees, 12 reports, 10 police checks",
    build: () => buildBriefCard(briefMaxSample),
    actionTitles: ["Join the Teams meeting"],
    screenshot: false,
  }),
  entry({
    name: "quoracy-forecast-12",
    description: "12 agencies, none expected",
    build: () => buildQuoracyForecastCard(quoracyMaxSample),
    actionTitles: ["Nudge agency", "Ask the SW", "Propose stand-down"],
    screenshot: false,
  }),
  entry({
    name: "timeliness-max",
    description: "5 measures with national figures, 12 months, 10 teams, 10 chairs",
    build: () => buildTimelinessCard(timelinessMaxSample),
    actionTitles: [],
    screenshot: false,
  }),
  entry({
    name: "meeting-list-500",
    description:
      "the weekly list of 500 meetings: counts per day, the first 40, the rest in the CSV",
    build: () => buildMeetingListCard(weeklyListMaxSample),
    actionTitles: [],
    screenshot: false,
  }),
  entry({
    name: "meeting-list-fortnight-1000",
    description: "the fortnight list of 1000 meetings",
    build: () => buildMeetingListCard(fortnightListMaxSample),
    actionTitles: [],
    screenshot: false,
  }),
  entry({
    name: "meeting-list-month-ahead",
    description: "the month-ahead list of 1200 meetings with the timeliness chart",
    build: () => buildMeetingListCard(monthAheadSample),
    actionTitles: [],
    screenshot: false,
  }),
  entry({
    name: "meeting-list-month-ahead-max",
    description:
      "the month-ahead list with the largest timeliness chart (left out: sent on its own)",
    build: () => buildMeetingListCard(monthAheadMaxTimelinessSample),
    actionTitles: [],
    screenshot: false,
  }),
  entry({
    name: "exception-report-max",
    description: "80 late invite lists, 200 late reports, 25 stood down, 40 out of timescale",
    build: () => buildExceptionReportCard(exceptionReportMaxSample),
    actionTitles: [],
    screenshot: false,
  }),
  entry({
    name: "indicator-review-max",
    description: "15 chairs with 18 cases each",
    build: () => buildIndicatorReviewCard(indicatorReviewMaxSample),
    actionTitles: [],
    screenshot: false,
  }),
  entry({
    name: "case-mapping-80",
    description: "80 cases to allocate among 15 chairs",
    build: () => buildCaseMappingCard(caseMappingMaxSample),
    actionTitles: ["Save allocations"],
    screenshot: false,
  }),
];
