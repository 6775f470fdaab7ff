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

/** A month, team or chair: one mini bar of the breakdown's measure. */
export interface TimelinessPart extends TimelinessFigure {
  /** "Jan" / "Jan 2027" for a month; the team's or chair's name. */
  label: string;
}

/**
 * The council's timeliness (issue 7), counted the way the national children
 * in need return counts them, beside the national figures: for managers, and
 * as part of the month-ahead list. Plain data: workflow/stats computes it.
 */
export interface TimelinessView {
  /** "Timeliness: Northshire" */
  title: string;
  /** "1 Apr 2026 to 31 Mar 2027" */
  periodText: string;
  rows: TimelinessRow[];
  /** Which measure the months, teams and chairs break down (default: the first row's label). */
  breakdownLabel?: string;
  /** Up to the last 12 months, oldest first. */
  months?: TimelinessPart[];
  /** Per team (names as the council configured them). */
  teams?: TimelinessPart[];
  /** Per chair (staff names). */
  chairs?: TimelinessPart[];
}
