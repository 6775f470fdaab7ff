import type { CardJson } from "../../ports/notifier";
import type { MeetingStatus } from "../../model/meeting";
import type { MeetingKind } from "../../model/meeting-kind";
import { expandCard } from "../common/expand";
import { formatDate, formatTime, londonDate } from "../common/format";
import {
  attention,
  checkCount,
  fitCard,
  joinRuns,
  moreText,
  plain,
  plural,
  sortedBy,
  type Run,
  unreadableText,
} from "../common/list";
import { timelinessCardBody } from "../timeliness/build";
import template from "./template.json";
import type { InviteListState, MeetingListRow, MeetingListView, SwReportStage } from "./view-model";

/**
 * How many meetings the card lists at most (fewer if they would take it
 * past LIST_CARD_BUDGET), and how many the month-ahead card keeps beside
 * the timeliness chart before it leaves the chart out (see
 * layoutMeetingListCard). 40 rows of the longest realistic content (long
 * chair names, every problem flagged) make a card of about 35 KB; the rest
 * of a week of 500 meetings is counted per day at the top and listed in the
 * CSV. The month-ahead list with a year's timeliness chart (about 14 KB)
 * keeps about 24 rows.
 */
export const MEETING_LIST_LIMITS = { rows: 40, rowsBesideTimeliness: 10 } as const;

export const MEETING_STATUS_TEXT: Record<MeetingStatus, string> = {
  requested: "Requested, not booked yet",
  booked: "Booked",
  invited: "Invites sent",
  held: "Held",
  "outcome-recorded": "Held, outcome recorded",
  "stood-down": "Stood down",
};

export const SW_REPORT_TEXT: Record<SwReportStage, string> = {
  "not-started": "SW report not started",
  drafted: "SW report drafted, not shared",
  "quality-assured": "SW report quality-assured, not shared",
  shared: "SW report shared with the family",
};

export const INVITE_LIST_TEXT: Record<InviteListState, string> = {
  "on-time": "Invite list on time",
  late: "Invite list late",
  awaited: "Invite list not due yet",
  overdue: "Invite list overdue",
  "marked-done": "Invite list marked done, not received",
};

/** "Invite list marked done by the team manager": never "in" when nothing was received. */
export function inviteListText(r: MeetingListRow): string {
  return r.inviteList === "marked-done" && r.inviteListMarkedBy !== undefined
    ? `Invite list marked done by the ${r.inviteListMarkedBy}`
    : INVITE_LIST_TEXT[r.inviteList];
}

const KIND_PLURAL: Record<MeetingKind, [string, string]> = {
  ICPC: ["ICPC", "ICPCs"],
  RCPC: ["RCPC", "RCPCs"],
  CLA: ["CLA review", "CLA reviews"],
};

/** Stood-down meetings are listed, but nothing about them needs chasing any more. */
const live = (r: MeetingListRow) => r.status !== "stood-down";
const reportNotShared = (r: MeetingListRow) => live(r) && r.swReport !== "shared";
const inviteListLate = (r: MeetingListRow) =>
  live(r) && (r.inviteList === "late" || r.inviteList === "overdue");
const outOfTimescale = (r: MeetingListRow) => live(r) && r.outOfTimescale;

export function agencyReportsText(r: MeetingListRow): string {
  const { received, expected } = r.agencyReports;
  return expected === 0
    ? "No agency reports expected"
    : `Agency reports ${received} of ${expected}`;
}

function checkRow(r: MeetingListRow): void {
  checkCount(`${r.meetingId}: agency reports received`, r.agencyReports.received);
  checkCount(`${r.meetingId}: agency reports expected`, r.agencyReports.expected);
  if (r.agencyReports.received > r.agencyReports.expected)
    throw new RangeError(`${r.meetingId}: more agency reports received than expected`);
  if (Number.isNaN(Date.parse(r.start)))
    throw new RangeError(`${r.meetingId}: not an ISO instant: ${r.start}`);
}

/** The second line of a row: what the chair, the reports and the invite list are at, problems in red. */
function rowRuns(r: MeetingListRow): Run[] {
  const flag = (bad: boolean, text: string) => (bad && live(r) ? attention(text) : plain(text));
  return joinRuns([
    // A CLA review is chaired by the IRO (docs/rules.md, words).
    plain(`${r.kind === "CLA" ? "IRO" : "Chair"}: ${r.chairName ?? "none yet"}`),
    plain(MEETING_STATUS_TEXT[r.status]),
    flag(r.swReport !== "shared", SW_REPORT_TEXT[r.swReport]),
    plain(agencyReportsText(r)),
    flag(
      r.inviteList === "late" || r.inviteList === "overdue" || r.inviteList === "marked-done",
      inviteListText(r),
    ),
    ...(r.outOfTimescale ? [flag(true, "Out of timescale")] : []),
  ]);
}

interface Counted {
  meetings: number;
  notShared: number;
  lateInviteLists: number;
  outOfTimescale: number;
}

function countOf(rows: readonly MeetingListRow[]): Counted {
  let notShared = 0;
  let lateInviteLists = 0;
  let oot = 0;
  for (const r of rows) {
    if (reportNotShared(r)) notShared++;
    if (inviteListLate(r)) lateInviteLists++;
    if (outOfTimescale(r)) oot++;
  }
  return { meetings: rows.length, notShared, lateInviteLists, outOfTimescale: oot };
}

/** "3 SW reports not shared · 1 invite list late · 2 out of timescale" (zeros left out). */
function problemsText(c: Counted): string {
  return [
    c.notShared > 0 ? plural(c.notShared, "SW report", "SW reports") + " not shared" : "",
    c.lateInviteLists > 0
      ? `${plural(c.lateInviteLists, "invite list", "invite lists")} late or overdue`
      : "",
    c.outOfTimescale > 0 ? `${c.outOfTimescale} out of timescale` : "",
  ]
    .filter((s) => s !== "")
    .join(" · ");
}

export interface MeetingListLayout {
  card: CardJson;
  /** Meetings listed on the card (the first ones by start). */
  shownRows: number;
  /** Meetings counted but not listed: when > 0, the card points to the CSV, so send it. */
  hiddenRows: number;
  /**
   * month-ahead: whether the timeliness chart is on the card. False when
   * the view has one but it would leave room for fewer than
   * MEETING_LIST_LIMITS.rowsBesideTimeliness meetings (a council with many
   * teams and chairs): send `buildTimelinessCard(view.timeliness)` as a card
   * of its own then.
   */
  timelinessIncluded: boolean;
}

/**
 * The weekly, fortnight or month-ahead list (Swindon rules 18-21). At the top:
 * how many meetings, of which kind, what needs chasing (SW reports not
 * shared with the family, invite lists late, meetings out of timescale),
 * and a count per day; then the meetings grouped by day, each with its
 * time, case reference, kind, chair, status, reports and invite list,
 * problems in red. A list too long for one card (500 meetings in a week)
 * shows its first MEETING_LIST_LIMITS.rows meetings and "…and N more
 * meetings: see the CSV in your email"; the counts always cover every
 * meeting. Case references only: the view has no field for a child's name.
 */
export function layoutMeetingListCard(view: MeetingListView): MeetingListLayout {
  view.rows.forEach(checkRow);
  const rows = sortedBy(view.rows, (r) => Date.parse(r.start));
  const dayOf = rows.map((r) => londonDate(r.start));
  const all = countOf(rows);

  const perDay = new Map<string, MeetingListRow[]>();
  for (const day of [...(view.days ?? [])].sort()) perDay.set(day, []);
  rows.forEach((r, i) => {
    const day = dayOf[i]!;
    const list = perDay.get(day);
    if (list === undefined) perDay.set(day, [r]);
    else list.push(r);
  });
  const dayCounts = [...perDay.keys()].sort().map((day) => {
    const c = countOf(perDay.get(day)!);
    const problems = problemsText(c);
    return {
      // The period gives the year; "Mon 4 Jan" with no-break spaces keeps the
      // column narrow and on one line (a FactSet wraps its titles to fit the values).
      title: formatDate(day)
        .replace(/ \d{4}$/, "")
        .replace(/ /g, "\u00a0"),
      value: `${plural(c.meetings, "meeting")}${problems === "" ? "" : ` · ${problems}`}`,
    };
  });

  const byKind = (["ICPC", "RCPC", "CLA"] as const)
    .map((k) => [rows.filter((r) => r.kind === k).length, KIND_PLURAL[k]] as const)
    .filter(([n]) => n > 0)
    .map(([n, [one, many]]) => plural(n, one, many));
  const summary =
    rows.length === 0 ? "No meetings" : `${plural(rows.length, "meeting")}: ${byKind.join(", ")}`;
  // What could not be read is said with the list's problems, in red.
  const problems = [problemsText(all), unreadableText(view.unreadable) ?? ""]
    .filter((s) => s !== "")
    .join(" · ");
  // Built once: the search below builds the card several times.
  const timelinessBody =
    view.timeliness === undefined ? undefined : timelinessCardBody(view.timeliness);

  const build = (shown: number, withTimeliness: boolean): CardJson => {
    const days: { heading: string; rows: unknown[] }[] = [];
    let current: string | undefined;
    for (let i = 0; i < shown; i++) {
      const r = rows[i]!;
      const day = dayOf[i]!;
      if (day !== current) {
        current = day;
        days.push({ heading: "", rows: [] });
      }
      days[days.length - 1]!.rows.push({
        time: r.status === "requested" ? "–" : formatTime(r.start),
        head: `${r.caseReference} · ${KIND_PLURAL[r.kind][0]}`,
        runs: rowRuns(r),
      });
    }
    // Headings: the day, its count, and whether only its first meetings are here.
    let at = 0;
    for (const d of days) {
      const day = dayOf[at]!;
      const total = perDay.get(day)!.length;
      d.heading = `${formatDate(day)} · ${plural(total, "meeting")}${
        d.rows.length < total ? ` (the first ${d.rows.length} here)` : ""
      }`;
      at += d.rows.length;
    }
    const card = expandCard(template, {
      fallbackText: `${view.title}, ${view.periodText}: ${summary}${problems === "" ? "" : `; ${problems}`}`,
      title: view.title,
      periodText: view.periodText,
      summary,
      attention: problems,
      dayCounts,
      days,
      total: rows.length,
      more: moreText(rows.length - shown, "meeting", "meetings", view.fullListText),
    });
    if (withTimeliness && timelinessBody !== undefined) {
      (card.body as unknown[]).push({
        type: "Container",
        separator: true,
        spacing: "ExtraLarge",
        items: timelinessBody,
      });
    }
    return card;
  };

  const max = Math.min(rows.length, MEETING_LIST_LIMITS.rows);
  if (timelinessBody !== undefined) {
    const min = Math.min(max, MEETING_LIST_LIMITS.rowsBesideTimeliness);
    const fitted = fitCard((n) => build(n, true), max, { min });
    if (fitted !== undefined)
      return {
        card: fitted.card,
        shownRows: fitted.shown,
        hiddenRows: rows.length - fitted.shown,
        timelinessIncluded: true,
      };
  }
  const fitted = fitCard((n) => build(n, false), max);
  if (fitted === undefined)
    throw new RangeError(`${view.title}: even its counts per day do not fit in one card`);
  return {
    card: fitted.card,
    shownRows: fitted.shown,
    hiddenRows: rows.length - fitted.shown,
    timelinessIncluded: false,
  };
}

/** The card alone (see layoutMeetingListCard for how many rows it shows). */
export function buildMeetingListCard(view: MeetingListView): CardJson {
  return layoutMeetingListCard(view).card;
}
