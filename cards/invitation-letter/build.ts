import { z } from "zod";
import type { CardJson } from "../../ports/notifier";
import { meetingAction } from "../common/action-data";
import { choice } from "../common/fields";
import { expandCard } from "../common/expand";
import template from "./template.json";

/** The SW's card for one printed letter: who it is for, what it is, and how it was sent. */
export interface InvitationLetterView {
  caseId: string;
  caseReference: string;
  meetingId: string;
  inviteeId: string;
  /** The person the letter is for (an adult of the family, never a child's details). */
  name: string;
  role: string;
  /** "Invitation" or "Consultation form". */
  what: string;
  /** When the conference is, in words. */
  when: string;
  /** A reminder repeats the card with this first line. */
  reminder?: boolean;
}

export function buildInvitationLetterCard(view: InvitationLetterView): CardJson {
  const title = view.reminder
    ? `Reminder: a letter still to post or hand over`
    : `A letter to post or hand over`;
  return expandCard(template, {
    fallbackText: `${title}, case ${view.caseReference}`,
    title,
    caseReference: view.caseReference,
    intro: `${view.name} has no email address, so they are invited by letter. Please print it, send it or give it to them, then record how.`,
    facts: [
      { title: "For", value: `${view.name} (${view.role})` },
      { title: "Letter", value: view.what },
      { title: "Conference", value: view.when },
    ],
    caseId: view.caseId,
    meetingId: view.meetingId,
    inviteeId: view.inviteeId,
  });
}

/** verb invitation-letter.sent: the SW records the letter was posted or handed over. */
export const LetterSentSubmission = z.object({
  ...meetingAction,
  inviteeId: z.string().min(1).max(80),
  how: choice(["posted", "handed-over"] as const, "Choose posted or handed over"),
});
export type LetterSentSubmission = z.output<typeof LetterSentSubmission>;
