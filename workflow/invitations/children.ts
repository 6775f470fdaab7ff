import type { Case } from "../../model";
import { formatHumanDate, parseIsoDate } from "../../rules";

export const dayOfIso = (iso: string) => parseIsoDate(iso);

/** "Amy Example, born Mon 3 Feb 2020": a child as a professional's invitation names them. */
export function childWords(child: Case["children"][number]): string {
  return `${child.name}, born ${child.dob !== undefined ? formatHumanDate(parseIsoDate(child.dob)) : "date of birth not recorded"}`;
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
