import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/**
 * Family members and their legal representatives are invited one email each
 * (002: nobody sees another's address), so the relation decides how the
 * invite is sent.
 */
export const InviteeRelation = z.enum(["family", "legal-representative", "professional"]);

export const Rsvp = z.enum(["pending", "accepted", "declined", "tentative"]);
export type Rsvp = z.infer<typeof Rsvp>;

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
      // 002: police will not run a check without a reason.
      reason: z.string().min(1).optional(),
    }),
    rsvp: Rsvp,
  })
  .refine((i) => !i.policeCheck.needed || i.policeCheck.reason !== undefined, {
    message: "a police check needs a reason",
    path: ["policeCheck", "reason"],
  });
export type Invitee = z.infer<typeof Invitee>;

export const InviteList = z
  .object({
    ...docBase("invite-list"),
    caseId: DocId,
    meetingId: DocId,
    invitees: z.array(Invitee),
    /** Invitations go out once the SW says the list is complete (003). */
    complete: z.boolean(),
    submittedBy: EntraObjectId.optional(),
    submittedAt: Instant.optional(),
  })
  .refine((l) => l.pk === l.caseId, {
    message: "an invite list's pk is its case id",
    path: ["pk"],
  });
export type InviteList = z.infer<typeof InviteList>;
