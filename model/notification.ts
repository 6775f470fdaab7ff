import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";

/**
 * A message Convene sends or has sent. The id is deterministic (e.g.
 * `${taskId}:${recipientObjectId}`) so a retried task finds the notification
 * it already made and sends only if it is still pending (Company
 * Communicator's SendFunction).
 */
export const NOTIFICATION_STATUSES = [
  "pending",
  "sent",
  "throttled",
  "recipient-gone",
  "failed",
] as const;
export const NotificationStatus = z.enum(NOTIFICATION_STATUSES);

export const Notification = z
  .object({
    ...docBase("notification"),
    /** reminder, escalation, list, brief, needs-attention (a failure for the service owners)… */
    kind: z.string().min(1),
    channel: z.enum(["teams", "email"]),
    /** Absent for an email (its address is in the email). */
    recipient: EntraObjectId.optional(),
    taskId: DocId.optional(),
    caseId: DocId.optional(),
    meetingId: DocId.optional(),
    status: NotificationStatus,
    /** Teams' id of the sent message, so the card can be updated in place. */
    activityId: z.string().min(1).optional(),
    attempts: z.number().int().nonnegative(),
    /**
     * When the last sender claimed it. Pending with a recent claim: someone
     * is sending it now (others leave it alone). Pending with an old claim:
     * that sender stopped between sending and recording: in doubt.
     */
    claimedAt: Instant.optional(),
    /**
     * Which running process claimed it (host:pid:random), so the process
     * that starts after it stopped can report its sends in doubt at once.
     */
    claimedBy: z.string().min(1).max(200).optional(),
    result: z
      .object({
        at: Instant,
        httpStatus: z.number().int().optional(),
        /** An error code, never message text that could quote a person. */
        code: z.string().optional(),
      })
      .optional(),
    createdAt: Instant,
  })
  // Looked up by id only, so each notification is its own partition.
  .refine((n) => n.pk === n.id, { message: "a notification's pk is its id", path: ["pk"] });
export type Notification = z.infer<typeof Notification>;
