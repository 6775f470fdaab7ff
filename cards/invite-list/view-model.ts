import type { CaseRef, ConferenceKind, IsoInstant, Versioned } from "../common/view-model";
import type { FieldErrors } from "../common/errors";

export const INVITEE_RELATIONS = ["professional", "family", "legal-representative"] as const;
export type InviteeRelation = (typeof INVITEE_RELATIONS)[number];

/**
 * One row as typed (all strings, as the card's inputs hold them), so that
 * "add another" and a re-render with errors keep every keystroke.
 */
export interface InviteeDraft {
  name: string;
  role: string;
  agency: string;
  email: string;
  relation: string;
  /** "true" | "false" (Input.Toggle). */
  policeCheck: string;
  policeCheckReason: string;
  /** Input.Date "YYYY-MM-DD": needed with a police check. */
  dob: string;
  /** Needed with a police check. */
  address: string;
  /** The stored person this row is ("" for a new row): carried in the action's data. */
  id: string;
}

/** Someone already invited whom the submitted list leaves out: asked about before removing. */
export interface RemovalToConfirm {
  name: string;
  role: string;
}

/** The SW's invite list for a conference, one person a row. */
export interface InviteListView extends CaseRef, Versioned {
  meetingId: string;
  meetingKind: ConferenceKind;
  meetingStart?: IsoInstant;
  /** `invite-list.due` (or the policy's equivalent). */
  dueAt?: IsoInstant;
  /** `police-checks.request`: police checks (each with a reason, Leicestershire) by then. */
  policeChecksDueAt?: IsoInstant;
  /** The rows so far; an empty list shows one empty row. */
  rows: InviteeDraft[];
  /** Errors by input id (`invitees.2.email`), from `fieldErrors`. */
  errors?: FieldErrors;
  /** Already invited and left out of the list as submitted: confirm to remove them. */
  removals?: RemovalToConfirm[];
}
