import { z } from "zod";
import { DocId, EntraObjectId, Instant, docBase } from "./common";
import { MeetingKind } from "./meeting-kind";
import { PersonRef } from "./person";

/**
 * requested → booked (Outlook event exists) → invited → held → outcome-recorded.
 * stood-down ends a meeting early; its replacement is a new meeting linked
 * both ways (rebookedFrom / rebookedAs) so the original limit can be checked.
 */
export const MEETING_STATUSES = [
  "requested",
  "booked",
  "invited",
  "held",
  "outcome-recorded",
  "stood-down",
] as const;
export const MeetingStatus = z.enum(MEETING_STATUSES);
export type MeetingStatus = z.infer<typeof MeetingStatus>;

/** RULES.md section 5. */
export const StandDownReason = z.enum([
  "no-longer-needed",
  "not-quorate",
  "report-not-shared",
  "no-interpreter",
  "family-cannot-attend",
  "unforeseen",
]);

export const Meeting = z
  .object({
    ...docBase("meeting"),
    caseId: DocId,
    kind: MeetingKind,
    status: MeetingStatus,
    /** Review number for RCPC and CLA reviews (1 = first review). */
    reviewNumber: z.number().int().positive().optional(),
    start: Instant.optional(),
    end: Instant.optional(),
    inPerson: z.boolean(),
    chair: PersonRef.optional(),
    /** Booked after its limit: the approval the policy names (002: Service Manager). */
    outOfTimescale: z
      .object({ approvedBy: EntraObjectId, approvedAt: Instant, reason: z.string().min(1) })
      .optional(),
    standDown: z
      .object({
        reason: StandDownReason,
        rationale: z.string().min(1),
        // 000 needs two approvers (operational SM and QA & Review SM).
        approvedBy: z.array(EntraObjectId).min(1),
        at: Instant,
      })
      .optional(),
    rebookedFrom: DocId.optional(),
    rebookedAs: DocId.optional(),
    outlookEventId: z.string().min(1).optional(),
    onlineMeetingId: z.string().min(1).optional(),
    joinWebUrl: z.url().optional(),
    /** Graph's idempotency key for POST /events: retries never double-book. */
    transactionId: z.string().min(1).optional(),
    outcome: z
      .object({ recordedBy: EntraObjectId, recordedAt: Instant, decision: z.string().min(1) })
      .optional(),
    createdAt: Instant,
  })
  .refine((m) => m.pk === m.caseId, { message: "a meeting's pk is its case id", path: ["pk"] })
  .refine((m) => m.status === "requested" || m.status === "stood-down" || m.start !== undefined, {
    message: "a booked meeting has a start",
    path: ["start"],
  })
  .refine((m) => m.status !== "stood-down" || m.standDown !== undefined, {
    message: "a stood-down meeting records why and who approved",
    path: ["standDown"],
  });
export type Meeting = z.infer<typeof Meeting>;
