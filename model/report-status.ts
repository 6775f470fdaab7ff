import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/**
 * Which reports are in for a meeting (Leicestershire `report.family`,
 * `report.chair-clerk`; Swindon `reports.*`): shown on the chair's brief and the
 * weekly list. The SW's own report moves drafted → quality-assured by a
 * manager → shared with the family → sent to chair and clerk; each agency's
 * report is in or not.
 */
export const ReportStatus = z
  .object({
    ...docBase("report-status"),
    caseId: DocId,
    meetingId: DocId,
    drafted: z.boolean(),
    qualityAssured: z.boolean(),
    sharedWithFamily: z.boolean(),
    sentToChairAndClerk: z.boolean(),
    /** Agency key (from the invite list) → report received. */
    agencies: z.record(z.string().min(1), z.boolean()),
    updatedBy: EntraObjectId.optional(),
    updatedAt: Instant,
  })
  .refine((r) => r.pk === r.caseId, { message: "report status' pk is the case id", path: ["pk"] });
export type ReportStatus = z.infer<typeof ReportStatus>;
