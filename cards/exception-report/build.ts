import type { CardJson } from "../../ports/notifier";
import type { MeetingKind } from "../../model/meeting-kind";
import { expandCard } from "../common/expand";
import { formatDate, formatInstant, formatLateness, londonDate } from "../common/format";
import {
  clip,
  fitCard,
  line,
  moreText,
  plural,
  sortedBy,
  unreadableText,
  type Line,
} from "../common/list";
import template from "./template.json";
import type {
  ExceptionMeeting,
  ExceptionReportView,
  LateItem,
  LateReportRow,
  OutOfTimescaleRow,
  StandDownReasonCode,
  StoodDownRow,
} from "./view-model";

/**
 * The most rows each section lists (fewer if they would take the card past
 * LIST_CARD_BUDGET); the section's count and the CSV cover every row. A
 * typical week fits whole; a bad week of a large authority, every section
 * full and every reason at REASON_CHARS, shows 9 rows a section in about
 * 35 KB (exceptionReportMaxSample).
 */
export const EXCEPTION_REPORT_LIMITS = { rowsPerSection: 15 } as const;

/** A reason or rationale on the card is cut to this many characters (the CSV has it whole). */
export const REASON_CHARS = 200;

/** docs/rules.md, stand-down's reasons, as the lists and the CSV say them. */
export const STAND_DOWN_REASON_TEXT: Record<StandDownReasonCode, string> = {
  "no-longer-needed": "No longer needed",
  "not-quorate": "Not quorate",
  "report-not-shared": "SW report not shared with the family",
  "no-interpreter": "No interpreter",
  "family-cannot-attend": "Family cannot attend",
  unforeseen: "Unforeseen (chair, clerk or SW unavailable, network failure)",
};

const KIND: Record<MeetingKind, string> = { ICPC: "ICPC", RCPC: "RCPC", CLA: "CLA review" };

/** "ICPC Thu 7 Jan 2027 10:00", "ICPC, not booked yet". */
export function meetingText(m: ExceptionMeeting): string {
  return m.start === undefined
    ? `${KIND[m.kind]}, not booked yet`
    : `${KIND[m.kind]} ${formatInstant(m.start)}`;
}

const head = (m: ExceptionMeeting) => line.head(`${m.caseReference} · ${meetingText(m)}`);

/** "2 days 16 hours late", or "3 working days late" when workflow/ counted them. */
export function howLate(item: LateItem, asOf: string): string {
  if (item.workingDaysLate !== undefined)
    return `${plural(item.workingDaysLate, "working day")} late`;
  return formatLateness(item.dueAt, item.doneAt ?? asOf);
}

const reasonLine = (label: string, reason: string | undefined) =>
  reason === undefined || reason.trim() === ""
    ? line.note(`No ${label.toLowerCase()} recorded`)
    : line.note(`${label}: ${clip(reason, REASON_CHARS)}`);

function lateLines(what: string, item: LateItem, asOf: string): Line[] {
  const late = howLate(item, asOf);
  const due = `due ${formatInstant(item.dueAt)}`;
  return [
    head(item),
    item.doneAt === undefined
      ? item.markedDone !== undefined
        ? line.alert(
            `${what} ${due}: marked done by the ${item.markedDone.role} ${formatInstant(item.markedDone.at)}, not received, ${late}`,
          )
        : line.alert(`${what} ${due}: ${late}, still not in`)
      : line.plain(`${what} ${due}: in ${formatInstant(item.doneAt)}, ${late}`),
    reasonLine("Reason", item.reason),
  ];
}

/** "A", "A and B", "A, B and C". */
function names(list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? "";
  return `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]}`;
}

function stoodDownLines(r: StoodDownRow): Line[] {
  const approved = r.approvedBy.length > 0 ? `; approved by ${names(r.approvedBy)}` : "";
  return [
    head(r),
    line.plain(`Stood down ${formatInstant(r.at)}: ${STAND_DOWN_REASON_TEXT[r.reason]}${approved}`),
    r.rebookedStart === undefined
      ? line.alert("Not rebooked yet")
      : line.plain(`Rebooked for ${formatInstant(r.rebookedStart)}`),
    reasonLine("Rationale", r.rationale),
  ];
}

/** Calendar days from the limit's date to the meeting's (Europe/London). */
export function daysPastLimit(r: OutOfTimescaleRow, asOf: string): number {
  const day = (iso: string) => Date.parse(`${londonDate(iso)}T00:00:00Z`) / 86_400_000;
  return day(r.start ?? asOf) - day(r.limitAt);
}

function outOfTimescaleLines(r: OutOfTimescaleRow, asOf: string): Line[] {
  const days = daysPastLimit(r, asOf);
  const limit = `its limit (${formatDate(londonDate(r.limitAt))})`;
  const past =
    days <= 0
      ? `${r.start === undefined ? "Not booked; " : ""}${days === 0 ? "on the date of" : "before"} ${limit}`
      : r.start === undefined
        ? `Not booked; ${plural(days, "day")} past ${limit}`
        : `${plural(days, "day")} after ${limit}`;
  return [
    head(r),
    line.plain(past),
    r.approvedBy === undefined
      ? line.alert("Not approved")
      : line.plain(
          `Approved by ${r.approvedBy}${r.approvedAt === undefined ? "" : ` on ${formatInstant(r.approvedAt)}`}`,
        ),
    reasonLine("Reason", r.reason),
  ];
}

function checkInstants(what: string, ...values: (string | undefined)[]): void {
  for (const v of values)
    if (v !== undefined && Number.isNaN(Date.parse(v)))
      throw new RangeError(`${what}: not an ISO instant: ${v}`);
}

export interface ExceptionReportLayout {
  card: CardJson;
  /** Rows listed per section (the same for every section with that many). */
  shownPerSection: number;
  /** Rows counted but not listed, all sections: when > 0, the card points to the CSV, so send it. */
  hiddenRows: number;
}

/**
 * The exception report (Swindon rules 3, 7, 10, 23; docs/rules.md, national rules and stand-down): how
 * many of each exception at the top, then four sections, each row a
 * meeting by case reference with how late (or how far past its limit) and
 * the reason, rationale or approval recorded; what is still not done in
 * red. Each section lists its first EXCEPTION_REPORT_LIMITS.rowsPerSection
 * rows by date and "…and N more: see the CSV in your email".
 */
export function layoutExceptionReportCard(view: ExceptionReportView): ExceptionReportLayout {
  checkInstants("asOf", view.asOf);
  for (const r of [...view.lateInviteLists, ...view.lateReports])
    checkInstants(r.meetingId, r.start, r.dueAt, r.doneAt);
  for (const r of view.stoodDown) checkInstants(r.meetingId, r.start, r.at, r.rebookedStart);
  for (const r of view.outOfTimescale) checkInstants(r.meetingId, r.start, r.limitAt, r.approvedAt);

  const by = <T>(rows: readonly T[], key: (r: T) => string) =>
    sortedBy(rows, (r) => Date.parse(key(r)));
  const sections = [
    {
      title: "Late invite lists",
      rows: by(view.lateInviteLists, (r) => r.dueAt).map((r) =>
        lateLines("Invite list", r, view.asOf),
      ),
      one: "late invite list",
      many: "late invite lists",
    },
    {
      title: "Late reports",
      rows: by(view.lateReports, (r) => r.dueAt).map((r: LateReportRow) =>
        lateLines(`${r.author} report`, r, view.asOf),
      ),
      one: "late report",
      many: "late reports",
    },
    {
      title: "Meetings stood down",
      rows: by(view.stoodDown, (r) => r.at).map(stoodDownLines),
      one: "meeting stood down",
      many: "meetings stood down",
    },
    {
      title: "Meetings out of timescale",
      rows: by(view.outOfTimescale, (r) => r.start ?? r.limitAt).map((r) =>
        outOfTimescaleLines(r, view.asOf),
      ),
      one: "meeting out of timescale",
      many: "meetings out of timescale",
    },
  ];

  const stillNotIn = (rows: readonly LateItem[]) =>
    rows.filter((r) => r.doneAt === undefined).length;
  const notApproved = view.outOfTimescale.filter((r) => r.approvedBy === undefined).length;
  const notRebooked = view.stoodDown.filter((r) => r.rebookedStart === undefined).length;
  const withExtra = (n: number, extra: number, what: string) =>
    `${n}${extra > 0 ? ` (${extra} ${what})` : ""}`;
  const counts = [
    {
      title: "Late invite lists",
      value: withExtra(
        view.lateInviteLists.length,
        stillNotIn(view.lateInviteLists),
        "still not in",
      ),
    },
    {
      title: "Late reports",
      value: withExtra(view.lateReports.length, stillNotIn(view.lateReports), "still not in"),
    },
    {
      title: "Stood down",
      value: withExtra(view.stoodDown.length, notRebooked, "not rebooked"),
    },
    {
      title: "Out of timescale",
      value: withExtra(view.outOfTimescale.length, notApproved, "not approved"),
    },
  ];
  const total = sections.reduce((n, s) => n + s.rows.length, 0);
  // Never "no exceptions" while records it is made from could not be read.
  const unreadable = unreadableText(view.unreadable);
  const fallbackText = `${view.title}, ${view.periodText}: ${
    total === 0 && unreadable === undefined
      ? "no exceptions"
      : [
          ...sections
            .filter((s) => s.rows.length > 0)
            .map((s) => plural(s.rows.length, s.one, s.many)),
          ...(unreadable !== undefined ? [unreadable] : []),
        ].join(", ")
  }`;

  const build = (k: number): CardJson =>
    expandCard(template, {
      fallbackText,
      title: view.title,
      periodText: view.periodText,
      unreadableText:
        unreadable === undefined
          ? ""
          : `${unreadable}: ${view.unreadable === 1 ? "what it holds is missing here until it is" : "what they hold is missing here until they are"} put right.`,
      counts,
      sections: sections.map((s) => ({
        title: `${s.title} (${s.rows.length})`,
        rows: s.rows.slice(0, k).map((lines) => ({ lines })),
        more: moreText(
          s.rows.length - Math.min(k, s.rows.length),
          s.one,
          s.many,
          view.fullListText,
        ),
      })),
    });

  const longest = Math.max(0, ...sections.map((s) => s.rows.length));
  const max = Math.min(longest, EXCEPTION_REPORT_LIMITS.rowsPerSection);
  const fitted = fitCard(build, max);
  if (fitted === undefined) throw new RangeError(`${view.title}: even its counts do not fit`);
  const hiddenRows = sections.reduce((n, s) => n + Math.max(0, s.rows.length - fitted.shown), 0);
  return { card: fitted.card, shownPerSection: fitted.shown, hiddenRows };
}

export function buildExceptionReportCard(view: ExceptionReportView): CardJson {
  return layoutExceptionReportCard(view).card;
}
