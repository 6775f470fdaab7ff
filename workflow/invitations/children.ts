import type { Case } from "../../model";
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A date of birth in en-GB words ("3 Nov 1988"). Not the rules calendar's
 * formatter: that covers the working-day years (2000-2099) only, and an
 * adult's date of birth is often earlier.
 */
export function birthDateWords(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** "Amy Example, born Mon 3 Feb 2020": a child as a professional's invitation names them. */
export function childWords(child: Case["children"][number]): string {
  return `${child.name}, born ${child.dob !== undefined ? birthDateWords(child.dob) : "date of birth not recorded"}`;
}

/**
 * The paragraph of a professional's invitation that says which children
 * the conference is about (so a GP or school can find their records).
 * Only in the event's body, after the lobby text, so that it is never in
 * the subject and never in the first 255 characters Graph gives as the
 * event's bodyPreview (https://learn.microsoft.com/graph/api/resources/event).
 */
export function childrenParagraph(kase: Case): string {
  const lines = kase.children.map((c) => `- ${childWords(c)}`);
  return [
    kase.children.length === 1
      ? "The conference is about this child:"
      : "The conference is about these children:",
    ...lines,
  ].join("\n");
}

/** The family's name as the chair needs it to spot a conflict of interest: the children's names. */
export function familyNames(kase: Case): string {
  return kase.children.map((c) => c.name).join(", ");
}
