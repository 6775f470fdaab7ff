import type { IsoDate, IsoInstant, PersonOption, Redisplay, Versioned } from "../common/view-model";

/**
 * What the chair does with the case this month (chair-consultation 4a-b): mapped within
 * the configured months (6 by default), review that mapping; otherwise
 * arrange a new case mapping with the SW and their supervisor or TM.
 */
export type CaseMappingTask = "review" | "new";

/** A child in need case open 12 months or more: by case reference, never a child's name. */
export interface CaseMappingRow {
  caseId: string;
  /** The council's case reference ("CIN-2025-0112"). */
  caseReference: string;
  /** When the case opened as child in need. */
  openSince: IsoDate;
  /** Whole months open at the start of the month (workflow/ counts them). */
  monthsOpen: number;
  /** The social work team, as the council configured its name. */
  team?: string;
  /** The last case mapping's date, if any. */
  lastMapped?: IsoDate;
  task: CaseMappingTask;
  /** The chair it is allocated to this month, if allocated. */
  chair?: { id: string; name: string };
  /** The chair has reviewed the mapping or held the new one. */
  done?: boolean;
}

/**
 * `cin.case-mapping.monthly` (chair-consultation; docs/rules.md, policies `chair-consultation`): on the
 * first working day of the month the child in need cases open 12 months or
 * more go to the QA admin manager, who allocates each to a CP chair for the
 * month (`chairs` given: the card has a chair picker per case and "Save
 * allocations"); a chair's own list is the same card without `chairs`
 * (read only). Plain data computed by workflow/.
 */
export interface CaseMappingView extends Versioned, Redisplay {
  /** "Case mapping: January 2027" */
  title: string;
  /** The month "2027-01": what "Save allocations" submits, so workflow/ knows which list. */
  month: string;
  /** `cin.case-mapping.complete`: the last working day of the month, 17:00. */
  completeBy: IsoInstant;
  /** A mapping newer than this many months is reviewed rather than redone (chair-consultation; configurable). */
  reviewWithinMonths: number;
  cases: CaseMappingRow[];
  /**
   * Cases that could not be read (set aside, not yet handled): the list
   * says how many, so a missing case is never taken for "no cases".
   */
  unreadable?: number;
  /** The CP chairs a case may go to: present on the QA admin manager's card only. */
  chairs?: PersonOption[];
  /** Where the rows the card leaves out are; default "see the CSV in your email". */
  fullListText?: string;
}
