import { z } from "zod";
import type { CardJson } from "../../ports/notifier";
import { meetingAction } from "../common/action-data";
import { choice } from "../common/fields";
import { expandCard } from "../common/expand";
import template from "./template.json";

/**
 * Which letter a card tracks: the invitation to a meeting, or the core
 * group's date. Both are printed by the SW and recorded the same way.
 */
export const LETTER_KINDS = ["invitation", "core-group"] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The SW's card for one printed letter: who it is for, what it is, and how it was sent. */
export interface InvitationLetterView {
  /** The invitation when absent. */
  letter?: LetterKind;
  caseId: string;
  caseReference: string;
  meetingId: string;
  inviteeId: string;
  /** The person the letter is for (an adult of the family, never a child's details). */
  name: string;
  role: string;
  /** "Invitation" or "Consultation form". */
  what: string;
  /** When the conference is (or, for the core group, its day), in words. */
  when: string;
  /** A reminder repeats the card with this first line. */
  reminder?: boolean;
}

export function buildInvitationLetterCard(view: InvitationLetterView): CardJson {
  const letter = view.letter ?? "invitation";
  const title = view.reminder
    ? `Reminder: a letter still to post or hand over`
    : `A letter to post or hand over`;
  const coreGroup = letter === "core-group";
  return expandCard(template, {
    fallbackText: `${title}, case ${view.caseReference}`,
    title,
    caseReference: view.caseReference,
    intro: coreGroup
      ? `${view.name} has no email address, so they are told the core group's date by letter. Please print it, send it or give it to them, then record how.`
      : `${view.name} has no email address, so they are invited by letter. Please print it, send it or give it to them, then record how.`,
    facts: [
      { title: "For", value: `${view.name} (${view.role})` },
      { title: "Letter", value: view.what },
      { title: coreGroup ? "Core group" : "Conference", value: view.when },
    ],
    letter,
    caseId: view.caseId,
    meetingId: view.meetingId,
    inviteeId: view.inviteeId,
  });
}

/** verb invitation-letter.sent: the SW records the letter was posted or handed over. */
export const LetterSentSubmission = z.object({
  ...meetingAction,
  inviteeId: z.string().min(1).max(80),
  // Cards sent before the core group letter was tracked carry no kind: an invitation.
  letter: z.enum(LETTER_KINDS).default("invitation"),
  how: choice(["posted", "handed-over"] as const, "Choose posted or handed over"),
});
export type LetterSentSubmission = z.output<typeof LetterSentSubmission>;
