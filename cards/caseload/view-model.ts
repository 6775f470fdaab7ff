/** Each chair's caseload, for the chairs' team manager (West Sussex). */
export interface CaseloadView {
  /** "Next 6 weeks from Mon 11 Jan 2027". */
  periodText: string;
  rows: { name: string; upcoming: number; cases: number; dutyDays: number }[];
  /** Cases or meetings that could not be read (set aside, not yet handled); absent: none. */
  unreadable?: number;
}
