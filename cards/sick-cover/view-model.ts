import type { CaseRef, PersonOption, Redisplay } from "../common/view-model";

/** Report a chair off sick on a day (West Sussex: contact the team manager, who arranges cover). */
export interface SickReportView extends Redisplay {
  /** The chairs to choose from: only the actor when a chair reports themselves. */
  chairs: PersonOption[];
  chairId?: string;
  /** "YYYY-MM-DD", today by default. */
  date: string;
}

/** A conference of a chair off sick, offered to cover, or to the team manager to decide. */
export interface SickCoverView extends CaseRef {
  meetingId: string;
  meetingKind: string;
  /** "Tue 9 Feb 2027 10:00 – 11:30". */
  whenText: string;
  sickChairName: string;
  /** "offer": to a chair (accept/decline); "decide": to the team manager. */
  mode: "offer" | "decide";
  /** For "decide": why it came to the manager ("The duty chair declined"). */
  why?: string;
}
