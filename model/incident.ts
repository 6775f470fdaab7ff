import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/**
 * Something that went wrong and needs a person: a task that gave up, a
 * stored record that could not be read (quarantined), a send whose outcome
 * is in doubt after a crash. Listed by the operators' command and on the
 * service owners' "needs attention" card until someone retries it or marks
 * it handled. All incidents share one small partition: there are few, and
 * "what is open" is one query.
 */
export const INCIDENT_KINDS = ["task-failed", "unreadable-record", "in-doubt-send"] as const;
export const IncidentKind = z.enum(INCIDENT_KINDS);
export type IncidentKind = z.infer<typeof IncidentKind>;

export const INCIDENTS_PK = "incidents";

export const Incident = z
  .object({
    ...docBase("incident"),
    kind: IncidentKind,
    status: z.enum(["open", "retried", "handled"]),
    raisedAt: Instant,
    /** Error code and a short message (never personal data); shown to operators, not in cards. */
    reason: z.string().min(1).max(400),
    taskId: DocId.optional(),
    taskType: z.string().min(1).optional(),
    /** The task's partition, so the task can be found again for a retry. */
    taskPk: z.string().min(1).optional(),
    caseId: DocId.optional(),
    meetingId: DocId.optional(),
    /** For an unreadable record: its type and id (the raw form is kept aside by the store). */
    recordType: z.string().min(1).optional(),
    recordId: z.string().min(1).optional(),
    /** For an in-doubt send: the notification. */
    notificationId: DocId.optional(),
    closedBy: EntraObjectId.or(z.literal("operator")).optional(),
    closedAt: Instant.optional(),
  })
  .refine((i) => i.pk === INCIDENTS_PK, {
    message: "an incident's pk is 'incidents'",
    path: ["pk"],
  });
export type Incident = z.infer<typeof Incident>;
