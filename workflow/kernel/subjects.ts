import type { Case, Meeting } from "../../model";
import { formatHumanInstant } from "../../rules";

/**
 * Swindon rule 14: every email about CP/CLA invites or reports has a subject
 * starting "URGENT CLA/CP" in Swindon. Other policies name no prefix.
 */
const SUBJECT_PREFIX: Readonly<Record<string, string>> = { swindon: "URGENT CLA/CP" };

export function subjectPrefix(policyId: string): string | undefined {
  return SUBJECT_PREFIX[policyId];
}

/** A subject for staff and partner agencies: with the council's prefix, if it asks for one. */
export function withPrefix(policyId: string, subject: string): string {
  const prefix = subjectPrefix(policyId);
  return prefix === undefined ? subject : `${prefix}: ${subject}`;
}

/**
 * A subject for whoever reads it: the prefix is the council's instruction to
 * its staff and agencies ("URGENT CLA/CP"), never shown to a family member
 * or their representative, who would read it as alarming.
 */
export function subjectFor(
  policyId: string,
  subject: string,
  relation: "professional" | "family" | string,
): string {
  return relation === "professional" ? withPrefix(policyId, subject) : subject;
}

/** "an initial child protection conference", "a review child protection conference". */
export const aOrAn = (words: string): string => `${/^[aeiou]/i.test(words) ? "an" : "a"} ${words}`;

const KIND_WORDS: Record<Meeting["kind"], string> = {
  ICPC: "Initial child protection conference",
  RCPC: "Review child protection conference",
  CLA: "Looked-after child review",
};

/** An en-GB subject with the case reference, never the child's name (the Outlook and Teams meeting adapter). */
export function meetingSubject(policyId: string, kase: Case, meeting: Meeting): string {
  const when =
    meeting.start === undefined ? "" : ` – ${formatHumanInstant(Date.parse(meeting.start))}`;
  return withPrefix(
    policyId,
    `${KIND_WORDS[meeting.kind]} (${meeting.kind}), case ${kase.reference}${when}`,
  );
}

export const kindWords = (kind: Meeting["kind"]): string => KIND_WORDS[kind];
