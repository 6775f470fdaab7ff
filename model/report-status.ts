import { z } from "zod";
import { DocId, Instant, docBase } from "./common";

export const ReportState = z.enum([
  "not-requested",
  "requested",
  "submitted",
  "shared-with-family",
]);

/** Which reports are in for a meeting: shown on the chair's brief and the weekly list. */
export const ReportStatus = z
  .object({
    ...docBase("report-status"),
    caseId: DocId,
    meetingId: DocId,
    reports: z.array(
      z.object({
        /** Who writes it: "social-worker" or an agency name. */
        author: z.string().min(1),
        state: ReportState,
        dueAt: Instant.optional(),
        submittedAt: Instant.optional(),
      }),
    ),
    updatedAt: Instant,
  })
  .refine((r) => r.pk === r.caseId, { message: "report status' pk is the case id", path: ["pk"] });
export type ReportStatus = z.infer<typeof ReportStatus>;
