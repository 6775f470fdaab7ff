import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/** What the family needs to take part; asked of the SW by card before each meeting. */
export const AccessNeeds = z
  .object({
    ...docBase("access-needs"),
    caseId: DocId,
    meetingId: DocId,
    interpreter: z.object({ language: z.string().min(1) }).optional(),
    /** How the family joins: their own device, a device lent to them, phone only, in person. */
    technology: z.enum(["own-device", "loaned-device", "phone", "in-person"]),
    /** 001: how reports reach the family. */
    reportSharing: z.enum(["secure-email", "post", "by-hand"]).optional(),
    otherNeeds: z.array(z.string().min(1)),
    recordedBy: EntraObjectId,
    recordedAt: Instant,
  })
  .refine((a) => a.pk === a.caseId, { message: "access needs' pk is the case id", path: ["pk"] });
export type AccessNeeds = z.infer<typeof AccessNeeds>;
