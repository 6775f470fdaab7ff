import { z } from "zod";
import { DocId, EntraObjectId, Instant, IsoDate, docBase } from "./common";

/**
 * Family members and their legal representatives are invited one email each
 * (Leicestershire: nobody sees another's address), so the relation decides how the
 * invite is sent.
 */
export const InviteeRelation = z.enum(["family", "legal-representative", "professional"]);

export const Rsvp = z.enum(["pending", "accepted", "declined", "tentative"]);
export type Rsvp = z.infer<typeof Rsvp>;

export const LetterDelivery = z.enum(["posted", "handed-over"]);
export type LetterDelivery = z.infer<typeof LetterDelivery>;

export const InvitationLetter = z.object({
  /** When the letter (and its large-print version) was made for this meeting date. */
  madeAt: Instant,
  /** The meeting start the letter gives: a moved meeting needs a new letter. */
  forStart: Instant,
  sent: z.object({ how: LetterDelivery, at: Instant, by: EntraObjectId }).optional(),
});
export type InvitationLetter = z.infer<typeof InvitationLetter>;

/**
 * The core group's date by printed letter, for a member with no email:
 * made when the conference's core group notice goes, then tracked like the
 * invitation letter until the SW records it posted or handed over.
 */
export const CoreGroupLetter = z.object({
  madeAt: Instant,
  /** The core group's day the letter gives. */
  forDay: IsoDate,
  sent: z.object({ how: LetterDelivery, at: Instant, by: EntraObjectId }).optional(),
});
export type CoreGroupLetter = z.infer<typeof CoreGroupLetter>;

export const Invitee = z
  .object({
    id: DocId,
    name: z.string().min(1),
    role: z.string().min(1),
    agency: z.string().min(1).optional(),
    email: z.email().optional(),
    relation: InviteeRelation,
    policeCheck: z.object({
      needed: z.boolean(),
      // Leicestershire: police will not run a check without a reason.
      reason: z.string().min(1).optional(),
    }),
    rsvp: Rsvp,
    /**
     * Date of birth and address: what the police need to find the right
     * person (required when a police check is asked for, `police-checks.request`).
     */
    dob: IsoDate.optional(),
    address: z.string().min(1).max(500).optional(),
    /**
     * A family member or legal representative with no email is invited by a
     * printed letter: made when invitations go, then tracked until the SW
     * records it was posted or handed over (nobody without a route).
     */
    letter: InvitationLetter.optional(),
    /** The core group's date by letter (a member with no email), tracked the same way. */
    coreGroupLetter: CoreGroupLetter.optional(),
    /**
     * Already an attendee of an Outlook event booked before Convene (linked
     * at the go-live import): invited before any invitation of Convene's,
     * so removing them asks for confirmation and sends a cancellation.
     */
    invitedInOutlook: z.boolean().optional(),
  })
  .refine((i) => !i.policeCheck.needed || i.policeCheck.reason !== undefined, {
    message: "a police check needs a reason",
    path: ["policeCheck", "reason"],
  });
// A police check's date of birth and address are required by the card
// (cards/invite-list/submission.ts), not here: lists stored before those
// fields existed must still be read.
export type Invitee = z.infer<typeof Invitee>;

export const InviteList = z
  .object({
    ...docBase("invite-list"),
    caseId: DocId,
    meetingId: DocId,
    invitees: z.array(Invitee),
    /**
     * Everyone taken off the list, kept (nobody lost): who, when, by whom,
     * and whether they were already invited and so are sent a cancellation.
     */
    removed: z
      .array(z.object({ invitee: Invitee, at: Instant, by: EntraObjectId, cancel: z.boolean() }))
      .optional(),
    /**
     * A next RCPC booked at the conference: the list carried over from that
     * conference's (the same people, no police checks), for the SW to
     * review. Cleared when the SW submits it.
     */
    carriedFrom: DocId.optional(),
    /**
     * The conference that booked this meeting and set its core group: kept
     * after the SW's review (unlike `carriedFrom`), so a member added later
     * is told the core group's date too.
     */
    coreGroupOf: DocId.optional(),
    /**
     * A review booked in Outlook before Convene: the list started from the
     * people that event invites (its id here), for the SW to review. Stored
     * not complete; cleared when the SW submits it.
     */
    carriedFromEvent: z.string().min(1).optional(),
    /** Invitations go out once the SW says the list is complete (West Sussex). */
    complete: z.boolean(),
    submittedBy: EntraObjectId.optional(),
    submittedAt: Instant.optional(),
  })
  .refine((l) => l.pk === l.caseId, {
    message: "an invite list's pk is its case id",
    path: ["pk"],
  });
export type InviteList = z.infer<typeof InviteList>;
