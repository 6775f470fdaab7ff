import type { MeetingKind } from "../../model/meeting-kind";
import type { MeetingStatus } from "../../model/meeting";
import type { IsoDate, IsoInstant } from "../common/view-model";
import type { TimelinessView } from "../timeliness/view-model";

/** The three lists this card carries (Swindon rules 18-21; docs/rules.md, policies `swindon`). */
export type MeetingListKind = "list.weekly" | "list.fortnight" | "list.month-ahead";

/**
 * How far the social worker's report has got (model/report-status.ts):
 * shared means shared with the family, what Swindon asks managers to oversee.
 */
export type SwReportStage = "not-started" | "drafted" | "quality-assured" | "shared";

/**
 * The invite list against its deadline (the policy's `invite-list.due`,
 * `invite.rcpc` or `cla.invite-list.due`): in on time, in late, not in and
 * not yet due, not in and past due.
 */
export type InviteListState = "on-time" | "late" | "awaited" | "overdue" | "marked-done";

/**
 * One meeting on a list, computed by workflow/ from the meeting, its case's
 * reference, its report status and its invite list. No child's name: the
 * case reference is the only case label (a field for a name does not exist,
 * so none can slip in).
 */
export interface MeetingListRow {
  caseId: string;
  /** The council's case reference ("CP-2026-0412"). */
  caseReference: string;
  meetingId: string;
  kind: MeetingKind;
  /** The booked start; a requested meeting not booked yet is listed by its limit's date instead. */
  start: IsoInstant;
  /** The chair's (the IRO's, for a CLA review) name, staff; absent when none is allocated yet. */
  chairName?: string;
  status: MeetingStatus;
  swReport: SwReportStage;
  /** Agencies' reports in, of those invited to report. */
  agencyReports: { received: number; expected: number };
  inviteList: InviteListState;
  /** With "marked-done": who pressed Done on the reminder, a role in words ("team manager"). */
  inviteListMarkedBy?: string;
  /** Booked after its limit (docs/rules.md, national rules): flagged on every list until held. */
  outOfTimescale: boolean;
}

/**
 * `list.weekly` (this week's meetings with report status, to all SMs),
 * `list.fortnight` (the next 2 weeks, to all managers and SMs) and
 * `list.month-ahead` (the 1st of each month, to all managers and SMs):
 * the same card, grouped by day. Plain data: workflow/ reads the meetings
 * and computes every row; the card shows the counts of all of them and the
 * first rows (see common/list.ts), the CSV every row.
 */
export interface MeetingListView {
  /** Which list (the sender's, for the CSV's file name): the card itself reads the same. */
  list: MeetingListKind;
  /** "Weekly list: Swindon" */
  title: string;
  /** "Mon 4 Jan to Fri 8 Jan 2027" */
  periodText: string;
  /** Every meeting in the period, any order (the card sorts by start). */
  rows: MeetingListRow[];
  /**
   * The days the period covers (working days, Europe/London): each gets a
   * count, 0 included, so a day with no meetings reads as such. Days of
   * rows not listed here are counted too. Default: the days of the rows.
   */
  days?: IsoDate[];
  /** Where the rows the card leaves out are; default "see the CSV in your email". */
  fullListText?: string;
  /**
   * Cases, meetings, invite lists or report statuses that could not be read
   * (set aside, not yet marked handled): their rows are missing, and the
   * list says how many records could not be read.
   */
  unreadable: number;
  /** month-ahead: the council's timeliness (Outlook replies and the quoracy forecast) under the meetings. */
  timeliness?: TimelinessView;
}
