import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/**
 * What the family needs to take part (virtual-conference, Leicestershire): asked of the SW by card
 * before each meeting and shown on the chair's brief. Free text here is
 * special category data: it is stored, shown to staff on the case and never
 * logged.
 */
export const AccessNeeds = z
  .object({
    ...docBase("access-needs"),
    caseId: DocId,
    meetingId: DocId,
    smartphoneWithVideo: z.boolean(),
    dataOrWifi: z.boolean(),
    hasTeams: z.boolean(),
    /** Virtual-conference: by video link, by phone (audio only) or in person. */
    joiningBy: z.enum(["video", "phone", "in-person"]),
    interpreter: z.object({ language: z.string().min(1) }).optional(),
    accessibilityNeeds: z.string().min(1).optional(),
    /** Virtual-conference `family.report-sharing`: how reports reach the family. */
    reportSharing: z.enum(["secure-email", "post", "by-hand"]),
    participationRisks: z.string().min(1).optional(),
    split: z.object({ reason: z.string().min(1) }).optional(),
    recordedBy: EntraObjectId,
    recordedAt: Instant,
  })
  .refine((a) => a.pk === a.caseId, { message: "access needs' pk is the case id", path: ["pk"] });
export type AccessNeeds = z.infer<typeof AccessNeeds>;
