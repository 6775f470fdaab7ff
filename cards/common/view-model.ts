import type { FieldErrors } from "./errors";
import type { SubmittedValues } from "./values";

/**
 * What every card builder takes besides its own view-model: the errors of a
 * malformed submission (by input id, from `fieldErrors`) and what was typed
 * (`submittedValues(data)`), so the card comes back with the errors next to
 * the fields and nothing lost.
 */
export interface Redisplay {
  errors?: FieldErrors;
  values?: SubmittedValues;
}

/** Every card about a case names it by its reference, never by a child's name. */
export interface CaseRef {
  caseId: string;
  /** The council's case reference ("CP-2026-0412"): the only case label in fallbackText and previews. */
  caseReference: string;
}

/** A nonce for stale-card detection, echoed in every action's data (see action-data.ts). */
export interface Versioned {
  cardVersion?: string;
}

/** A member of staff offered in a choice (approver, reassignee). */
export interface PersonOption {
  /** Entra object id: what the card submits. */
  id: string;
  name: string;
  /** "Service Manager", "Team Manager": shown after the name. */
  role?: string;
}

/** ISO 8601 instant ("2027-01-07T17:00:00.000Z"); builders show it in Europe/London. */
export type IsoInstant = string;
/** A calendar date "YYYY-MM-DD" (Europe/London). */
export type IsoDate = string;

/** How a card names the meeting: a conference by its kind, or a looked-after child's review (the councils' other procedures). */
export type ConferenceKind = "ICPC" | "RCPC" | "CLA review";
