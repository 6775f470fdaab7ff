/**
 * One figure: the share of meetings (or reports, or invite lists) on time,
 * out of those counted. `percent` is absent when nothing was counted.
 */
export interface TimelinessFigure {
  /** 0–100; absent when `counted` is 0. */
  percent?: number;
  /** How many were counted (the denominator). */
  counted: number;
}

/** A published figure shown beside the council's ("England 2024-25", 81.4). */
export interface NationalFigure {
  label: string;
  percent: number;
}

export interface TimelinessRow extends TimelinessFigure {
  /** "ICPCs within 15 working days of the strategy discussion". */
  label: string;
  /** The national figures to compare with, newest first (none for measures with no national return). */
  national?: NationalFigure[];
}

/** A month: one vertical mini bar of the breakdown's measure. */
export interface TimelinessMonth extends TimelinessFigure {
  /** "Jan", or "Jan 2027" (wraps under its bar). */
  label: string;
}

/** A team or a chair: one horizontal bar of the breakdown's measure. */
export interface TimelinessGroup extends TimelinessFigure {
  /** The team's name as the council configured it, or the chair's name. */
  name: string;
}

/**
 * The council's timeliness (Outlook replies and the quoracy forecast), counted the way the national children
 * in need return counts them, beside the national figures: for managers, and
 * as part of the month-ahead list. Plain data: workflow/stats computes it.
 */
export interface TimelinessView {
  /** "Timeliness: Northshire" */
  title: string;
  /** "1 Apr 2026 to 31 Mar 2027" */
  periodText: string;
  /**
   * Meetings or cases the figures would count that could not be read (set
   * aside, not yet marked handled): the card says how many records could
   * not be read. Absent: none.
   */
  unreadable?: number;
  /** Whose figures the council's bars show ("Northshire"); default "This council". */
  councilLabel?: string;
  rows: TimelinessRow[];
  /**
   * The measure the months, teams and chairs break down, as their headings
   * name it (default: the first row's label). Their bars are coloured
   * against the national figure of the row with this label, or whose label
   * begins with it, else the first row.
   */
  breakdownLabel?: string;
  /** Months, oldest first: the card shows the last 12. */
  months?: TimelinessMonth[];
  /** Per team (names as the council configured them): the card shows the first 12 and how many more. */
  teams?: TimelinessGroup[];
  /** Per chair (staff names): the first 12 and how many more. */
  chairs?: TimelinessGroup[];
}
