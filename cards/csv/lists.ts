import { formatTime, londonDate } from "../common/format";
import { sortedBy } from "../common/list";
import { CASE_MAPPING_TASK_TEXT } from "../case-mapping/build";
import type { CaseMappingView } from "../case-mapping/view-model";
import { daysPastLimit, howLate, STAND_DOWN_REASON_TEXT } from "../exception-report/build";
import type { ExceptionMeeting, ExceptionReportView } from "../exception-report/view-model";
import { INDICATORS } from "../indicator-review/build";
import type { IndicatorReviewView } from "../indicator-review/view-model";
import { inviteListText, MEETING_STATUS_TEXT, SW_REPORT_TEXT } from "../meeting-list/build";
import type { MeetingListView } from "../meeting-list/view-model";
import { toCsv, type CsvValue } from "./csv";

/**
 * One CSV per list, from the same view-model as its card, every row (the
 * card shows the first ones): the attachment of the email to people not in
 * Teams, and to everyone when the card left rows out. Dates and times are
 * Europe/London, as `2027-01-04` and `10:00` in columns of their own (a
 * spreadsheet sorts and filters them); words are the card's. Case
 * references only, as on the cards.
 */

/** "2027-01-04 17:00", Europe/London. */
export function localDateTime(iso: string | undefined): string {
  return iso === undefined ? "" : `${londonDate(iso)} ${formatTime(iso)}`;
}

export const MEETING_LIST_CSV_HEADER = [
  "Date",
  "Time",
  "Meeting",
  "Case reference",
  "Chair or IRO",
  "Status",
  "SW report",
  "Agency reports received",
  "Agency reports expected",
  "Invite list",
  "Out of timescale",
] as const;

/** list.weekly, list.fortnight, list.month-ahead: one line per meeting, by start. */
export function meetingListCsv(view: MeetingListView): string {
  const rows = sortedBy(view.rows, (r) => Date.parse(r.start)).map((r): CsvValue[] => [
    londonDate(r.start),
    r.status === "requested" ? "" : formatTime(r.start),
    r.kind,
    r.caseReference,
    r.chairName ?? "",
    MEETING_STATUS_TEXT[r.status],
    SW_REPORT_TEXT[r.swReport],
    r.agencyReports.received,
    r.agencyReports.expected,
    inviteListText(r),
    r.outOfTimescale,
  ]);
  return toCsv(MEETING_LIST_CSV_HEADER, rows);
}

export const EXCEPTION_REPORT_CSV_HEADER = [
  "Section",
  "Case reference",
  "Meeting",
  "Meeting date",
  "Meeting time",
  "What",
  "Due or limit",
  "Done",
  "How late",
  "Reason or rationale",
  "Approved by",
  "Approved at",
  "Rebooked for",
] as const;

/**
 * report.exceptions: the four sections in one table, the first column
 * saying which (a spreadsheet filters on it), each section by date.
 */
export function exceptionReportCsv(view: ExceptionReportView): string {
  const meeting = (m: ExceptionMeeting): CsvValue[] => [
    m.caseReference,
    m.kind,
    m.start === undefined ? "" : londonDate(m.start),
    m.start === undefined ? "" : formatTime(m.start),
  ];
  const by = <T>(rows: readonly T[], key: (r: T) => string) =>
    sortedBy(rows, (r) => Date.parse(key(r)));
  const rows: CsvValue[][] = [
    ...by(view.lateInviteLists, (r) => r.dueAt).map((r) => [
      "Late invite list",
      ...meeting(r),
      "Invite list",
      localDateTime(r.dueAt),
      localDateTime(r.doneAt),
      `${howLate(r, view.asOf)}${r.doneAt === undefined ? ", still not in" : ""}`,
      r.reason ?? "",
      "",
      "",
      "",
    ]),
    ...by(view.lateReports, (r) => r.dueAt).map((r) => [
      "Late report",
      ...meeting(r),
      `${r.author} report`,
      localDateTime(r.dueAt),
      localDateTime(r.doneAt),
      `${howLate(r, view.asOf)}${r.doneAt === undefined ? ", still not in" : ""}`,
      r.reason ?? "",
      "",
      "",
      "",
    ]),
    ...by(view.stoodDown, (r) => r.at).map((r) => [
      "Stood down",
      ...meeting(r),
      STAND_DOWN_REASON_TEXT[r.reason],
      "",
      localDateTime(r.at),
      "",
      r.rationale,
      r.approvedBy.join("; "),
      "",
      localDateTime(r.rebookedStart),
    ]),
    ...by(view.outOfTimescale, (r) => r.start ?? r.limitAt).map((r) => {
      const days = daysPastLimit(r, view.asOf);
      return [
        "Out of timescale",
        ...meeting(r),
        "Out of timescale",
        localDateTime(r.limitAt),
        "",
        days > 0 ? `${days} day${days === 1 ? "" : "s"} past the limit` : "",
        r.reason ?? "",
        r.approvedBy ?? "Not approved",
        localDateTime(r.approvedAt),
        "",
      ];
    }),
  ];
  return toCsv(EXCEPTION_REPORT_CSV_HEADER, rows);
}

export const INDICATOR_REVIEW_CSV_HEADER = [
  "Chair",
  "Indicator",
  "Case reference",
  "Children",
  "Plan start",
  "Months on plan",
  "Previous plan ended",
  "Plan ended",
] as const;

/** indicator.review: one line per case and indicator, chair by chair. */
export function indicatorReviewCsv(view: IndicatorReviewView): string {
  const rows: CsvValue[][] = view.chairs.flatMap((c) => [
    ...sortedBy(c.longPlans, (r) => r.planStart).map((r) => [
      c.chairName,
      INDICATORS.long,
      r.caseReference,
      r.children ?? 1,
      r.planStart,
      r.months,
      "",
      "",
    ]),
    ...sortedBy(c.repeatPlans, (r) => r.planStart).map((r) => [
      c.chairName,
      INDICATORS.repeat,
      r.caseReference,
      r.children ?? 1,
      r.planStart,
      "",
      r.previousPlanEnd,
      "",
    ]),
    ...sortedBy(c.endedAtFirstRcpc, (r) => r.planEnd).map((r) => [
      c.chairName,
      INDICATORS.endedAtFirstRcpc,
      r.caseReference,
      r.children ?? 1,
      r.planStart,
      "",
      "",
      r.planEnd,
    ]),
  ]);
  return toCsv(INDICATOR_REVIEW_CSV_HEADER, rows);
}

export const CASE_MAPPING_CSV_HEADER = [
  "Case reference",
  "Open since",
  "Months open",
  "Team",
  "Last mapped",
  "Task",
  "Chair",
  "Done",
] as const;

/** cin.case-mapping.monthly: one line per case, longest open first. */
export function caseMappingCsv(view: CaseMappingView): string {
  const rows = [...view.cases]
    .sort((a, b) => b.monthsOpen - a.monthsOpen)
    .map((r): CsvValue[] => [
      r.caseReference,
      r.openSince,
      r.monthsOpen,
      r.team ?? "",
      r.lastMapped ?? "",
      CASE_MAPPING_TASK_TEXT[r.task],
      r.chair?.name ?? "Not allocated",
      r.done === true,
    ]);
  return toCsv(CASE_MAPPING_CSV_HEADER, rows);
}
