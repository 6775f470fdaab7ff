import type { RegisterChangeKind } from "../../model/register-entry";
import type { IsoDate } from "../common/view-model";
import { toCsv, type CsvValue } from "./csv";

/**
 * `register.notify-health` (West Sussex; docs/rules.md, policies `west-sussex`): that day's
 * child protection register changes, at 17:00, to the configured health
 * (A&E) mailboxes.
 *
 * Decision: there is NO register-changes card, and no verb. This file is
 * the whole of it in cards/: the CSV of the email to those mailboxes.
 *
 * Why. West Sussex: "You need to email CPU with the outcome of each Conference;
 * they update databases which are sent to A&E's at the end of the day." The
 * register is how an emergency department recognises a child subject to a
 * plan when the child arrives: it has none of the council's systems, so a
 * case reference means nothing there, and it matches the child by name and
 * date of birth. A register change without them is useless to A&E; with
 * them, it carries children's full names and dates of birth, which no list
 * card carries (list cards go to whole groups of managers and name cases by
 * reference only; a Teams chat is read, searched and kept far more widely
 * than one secure mailbox; docs/data-protection.md). docs/rules.md names only the configured
 * health mailboxes as recipients, no Teams user. So the list goes only by
 * email, only to those configured mailboxes, and the council's own staff
 * see register changes on the case itself. A card with case references
 * only would tell a Teams user nothing they need; with names it would be
 * wrong. Neither is built.
 *
 * For the sender (workflow/, the councils' other procedures): these rows go to the configured
 * health mailboxes only, never to a list's other recipients; over the
 * council's secure route to the NHS (an NHSmail address, or TLS enforced
 * on the connector); the email's subject and any Teams-side log or preview
 * carry no name, only the date and the number of changes ("CP register
 * changes, Mon 4 Jan 2027: 3"). The least A&E needs, nothing more: no
 * category of abuse, no address, no family details.
 */

/** The register changes A&E hears of: the model's, less a change of category (the child stays on). */
export type RegisterChange = Exclude<RegisterChangeKind, "category-changed">;

export const REGISTER_CHANGE_TEXT: Record<RegisterChange, string> = {
  added: "Added: child protection plan started",
  removed: "Removed: child protection plan ended",
  "transferred-in": "Added: plan transferred in from another authority",
  "transferred-out": "Removed: plan transferred to another authority",
};

/** One change to the register: the child as A&E needs to recognise them. Email only. */
export interface RegisterChangeRow {
  change: RegisterChange;
  /** The day the change took effect (the conference's date). */
  effective: IsoDate;
  /** The child's full name, as on the council's record. Email to health mailboxes only. */
  childName: string;
  /** Absent for an unborn child on a pre-birth plan. */
  dateOfBirth?: IsoDate;
  /** To quote when A&E rings the council about the child. */
  caseReference: string;
}

export const REGISTER_CHANGES_CSV_HEADER = [
  "Change",
  "Effective",
  "Child's name",
  "Date of birth",
  "Case reference",
] as const;

/** The attachment of the 17:00 email to the configured health mailboxes (and nothing else). */
export function registerChangesCsv(rows: readonly RegisterChangeRow[]): string {
  const sorted = [...rows].sort(
    (a, b) => a.effective.localeCompare(b.effective) || a.childName.localeCompare(b.childName),
  );
  return toCsv(
    REGISTER_CHANGES_CSV_HEADER,
    sorted.map((r): CsvValue[] => [
      REGISTER_CHANGE_TEXT[r.change],
      r.effective,
      r.childName,
      r.dateOfBirth ?? "Unborn",
      r.caseReference,
    ]),
  );
}
