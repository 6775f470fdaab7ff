import type { z } from "zod";
import type { MeetingKind } from "../../model/meeting-kind";
import type { StandDownReason } from "../../model/meeting";
import type { IsoInstant } from "../common/view-model";

export type StandDownReasonCode = z.infer<typeof StandDownReason>;

/** The meeting an exception is about, by its case reference (never a child's name). */
export interface ExceptionMeeting {
  caseId: string;
  /** The council's case reference ("CP-2026-0412"). */
  caseReference: string;
  meetingId: string;
  kind: MeetingKind;
  /** Absent for an ICPC requested and not booked yet. */
  start?: IsoInstant;
}

/** A deadline missed: when it was due, when it was done (absent: still not done). */
export interface LateItem extends ExceptionMeeting {
  /** The rule whose deadline was missed ("invite-list.due", "reports.rcpc"). */
  ruleId: string;
  dueAt: IsoInstant;
  doneAt?: IsoInstant;
  /** Working days late, when workflow/ counted them on the policy's calendar. */
  workingDaysLate?: number;
  /** Why, as recorded (an escalation's note, the manager's answer); absent: none recorded. */
  reason?: string;
  /**
   * "Done" pressed on the reminder though nothing was received: by whom (a
   * role in words, "team manager") and when. The item stays not in.
   */
  markedDone?: { role: string; at: IsoInstant };
}

export type LateInviteListRow = LateItem;

export interface LateReportRow extends LateItem {
  /** Whose report: "Social worker", or the agency ("Police", "Health visiting"). Never a family member. */
  author: string;
}

/** A meeting stood down (docs/rules.md, stand-down): the reason from the fixed list, the rationale, who approved. */
export interface StoodDownRow extends ExceptionMeeting {
  at: IsoInstant;
  reason: StandDownReasonCode;
  rationale: string;
  /** The approvers' names (Swindon: the operational SM and the QA & Review SM). */
  approvedBy: string[];
  /** The rebooked meeting's start, if rebooked. */
  rebookedStart?: IsoInstant;
}

/** A meeting booked (or to be held) after its limit (docs/rules.md, national rules), with its approval. */
export interface OutOfTimescaleRow extends ExceptionMeeting {
  /** The limit's rule ("icpc.latest", "rcpc.next.latest") and instant (17:00 on its date). */
  limitRule: string;
  limitAt: IsoInstant;
  /** The approver's name (Leicestershire: the Service Manager); absent: not approved. */
  approvedBy?: string;
  approvedAt?: IsoInstant;
  reason?: string;
}

/**
 * `report.exceptions` (Swindon rules 3, 7, 10, 23; every Monday to the QA TM/SM
 * and the Director of Social Work): late invite lists, late reports,
 * meetings stood down, meetings out of timescale, each with its reason.
 * Plain data computed by workflow/; the card counts every row and lists
 * the first of each section, the CSV every row.
 */
export interface ExceptionReportView {
  /** "Exception report: Northshire" */
  title: string;
  /** "Week to Mon 11 Jan 2027" */
  periodText: string;
  /** When the report was made (the scheduler's clock): how late is counted to it for what is still not done. */
  asOf: IsoInstant;
  lateInviteLists: LateInviteListRow[];
  lateReports: LateReportRow[];
  stoodDown: StoodDownRow[];
  outOfTimescale: OutOfTimescaleRow[];
  /**
   * Records the report is made from (cases, meetings, invite lists, report
   * statuses) that could not be read and were set aside, still not marked
   * handled: the rows they hold are missing, and the report says so.
   */
  unreadable: number;
  /** Where the rows the card leaves out are; default "see the CSV in your email". */
  fullListText?: string;
}
