import { z } from "zod";
import { DocId, EntraObjectId, Instant, IsoDate, docBase } from "./common";
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

/** docs/rules.md, stand-down. */
export const StandDownReason = z.enum([
  "no-longer-needed",
  "not-quorate",
  "report-not-shared",
  "no-interpreter",
  "family-cannot-attend",
  "unforeseen",
]);
export type StandDownReason = z.infer<typeof StandDownReason>;

/**
 * docs/rules.md, stand-down's sub-reasons: "no longer needed" (looked after,
 * deceased, transferred out, threshold not met) and "unforeseen" (chair,
 * clerk or SW unavailable without cover, network failure). The other
 * reasons have none.
 */
export const STAND_DOWN_DETAILS = {
  "no-longer-needed": ["looked-after", "deceased", "transferred-out", "threshold-not-met"],
  unforeseen: ["chair-unavailable", "clerk-unavailable", "sw-unavailable", "network-failure"],
} as const;
export const StandDownDetail = z.enum([
  ...STAND_DOWN_DETAILS["no-longer-needed"],
  ...STAND_DOWN_DETAILS.unforeseen,
]);
export type StandDownDetail = z.infer<typeof StandDownDetail>;

/** Who tells the attendees (Leicestershire): the clerk when the unit stood it down, else the SW. */
export const StandDownOriginator = z.enum(["unit", "social-worker"]);

/** One approval the policy needs (workflow/stand-down/approvals.ts), with who gave it and when. */
export const StandDownApproval = z.object({
  /** The requirement it fills ("operational-sm", "qa-sm", "safeguarding-manager"...). */
  slot: z.string().min(1),
  by: EntraObjectId,
  at: Instant,
});
export type StandDownApproval = z.infer<typeof StandDownApproval>;

/** What a stand-down request and the stand-down itself record. */
const standDownCommon = {
  reason: StandDownReason,
  detail: StandDownDetail.optional(),
  rationale: z.string().min(1),
  requestedBy: EntraObjectId.optional(),
  originator: StandDownOriginator.optional(),
  approvals: z.array(StandDownApproval).optional(),
};

/**
 * A fact the workflow has recorded about a meeting ("invite-list.complete",
 * "reports.in"...): what each task checks before it reminds or escalates, so
 * nobody is chased for a thing already done. See workflow/timeline/milestones.ts.
 */
export const Milestone = z.object({
  at: Instant,
  /** Who recorded it; "system" when Convene did the thing itself (invites sent). */
  by: z.union([EntraObjectId, z.literal("system")]),
});
export type Milestone = z.infer<typeof Milestone>;

/** What the meeting's timescales count from (docs/rules.md, the timeline command's anchors). */
export const MeetingAnchors = z.object({
  strategy: IsoDate.optional(),
  previous: IsoDate.optional(),
  lookedAfter: IsoDate.optional(),
});

/**
 * One child's decision (decisions are per child). At an ICPC, "plan" or
 * "no-plan"; at an RCPC, for a child on a plan, "plan" is the plan
 * continuing and "no-plan" the plan ending (a child not on a plan can be
 * given one, or not). With a plan, its category (neglect, physical abuse,
 * sexual abuse, emotional abuse, multiple: cards/outcome's choices; kept as
 * text here so a category recorded before the list was fixed is never
 * dropped). `migrated`: copied from the one decision a meeting recorded
 * for the whole case before decisions were per child.
 */
export const ChildDecision = z.object({
  childId: DocId,
  decision: z.enum(["plan", "no-plan"]),
  category: z.string().min(1).optional(),
  migrated: z.literal(true).optional(),
});
export type ChildDecision = z.infer<typeof ChildDecision>;

/** A card Convene will update when background work finishes (the clerk's booking card). */
export const CardRef = z.object({ userObjectId: EntraObjectId, activityId: z.string().min(1) });

export const Meeting = z
  .object({
    ...docBase("meeting"),
    caseId: DocId,
    kind: MeetingKind,
    status: MeetingStatus,
    anchors: MeetingAnchors,
    milestones: z.record(z.string(), Milestone),
    /** Who asked for the conference (SW or manager), for audit and the clerk's card. */
    requestedBy: EntraObjectId.optional(),
    bookingCard: CardRef.optional(),
    /**
     * The slots last offered to the clerks (inside the limit where the chair
     * is free, and a few past it): the book action accepts only one of these.
     */
    offer: z
      .object({
        /** Offered to book a requested meeting, or to move a booked one ("rebook REF"). */
        purpose: z.enum(["booking", "rebooking"]).optional(),
        madeAt: Instant.optional(),
        chairId: EntraObjectId,
        limitRule: z.string().min(1),
        limitAt: Instant,
        slots: z.array(
          z.object({
            id: z.string().min(1),
            start: Instant,
            end: Instant,
            withinLimit: z.boolean(),
            /** A room free at that time (the authority's `rooms`), for a meeting in person or hybrid. */
            room: z.object({ email: z.email(), name: z.string().min(1) }).optional(),
          }),
        ),
      })
      .optional(),
    /**
     * A slot past the limit the clerk chose, waiting for the approval the
     * policy names (docs/rules.md, national rules; Leicestershire: the Service Manager).
     */
    pendingBooking: z
      .object({
        start: Instant,
        end: Instant,
        inPerson: z.boolean(),
        approverId: EntraObjectId,
        reason: z.string().min(1),
        requestedBy: EntraObjectId,
      })
      .optional(),
    /**
     * The quoracy forecast's warning (Outlook replies and the quoracy forecast): at-risk once a card has gone
     * to the chair and clerk; quorate when it has been withdrawn since.
     */
    quoracy: z.object({ state: z.enum(["at-risk", "quorate"]), at: Instant }).optional(),
    /**
     * The meeting's own legal limit when its kind's timeline does not give
     * it: the first RCPC after an ICPC is due within 3 months of the ICPC
     * (`rcpc.first.latest`), not 6 months (`rcpc.next.latest`).
     */
    limit: z.object({ rule: z.string().min(1), at: Instant }).optional(),
    /** Review number for RCPC and CLA reviews (1 = first review). */
    reviewNumber: z.number().int().positive().optional(),
    start: Instant.optional(),
    end: Instant.optional(),
    inPerson: z.boolean(),
    chair: PersonRef.optional(),
    /**
     * The clerk who booked it: with the chair, a co-organiser of the Teams
     * meeting (they admit from the lobby; the organiser is a service mailbox).
     */
    clerk: PersonRef.optional(),
    /**
     * The room booked for a meeting in person or hybrid, and its answer as
     * Outlook last showed it ("none" until it replies). A decline clears it
     * and sends the clerk back to choose.
     */
    room: z
      .object({
        email: z.email(),
        name: z.string().min(1),
        reply: z.enum(["none", "accepted", "declined"]),
        /** How many times Convene has looked for the room's answer since it was asked. */
        checks: z.number().int().min(0).optional(),
      })
      .optional(),
    /**
     * Recording agreed beforehand by the chair for this meeting only (a
     * conference no clerk can minute): off unless present. `appliedAt` once
     * Teams read it back on.
     */
    recording: z
      .object({
        allowedBy: EntraObjectId,
        at: Instant,
        reason: z.string().min(1).max(1000),
        appliedAt: Instant.optional(),
      })
      .optional(),
    /** Chairs who declined this meeting for a conflict of interest (West Sussex): never offered it again. */
    declinedChairs: z.array(EntraObjectId).optional(),
    /** Booked after its limit: the approval the policy names (Leicestershire: Service Manager). */
    outOfTimescale: z
      .object({ approvedBy: EntraObjectId, approvedAt: Instant, reason: z.string().min(1) })
      .optional(),
    standDown: z
      .object({
        ...standDownCommon,
        // Swindon needs two approvers (operational SM and QA & Review SM).
        approvedBy: z.array(EntraObjectId).min(1),
        at: Instant,
      })
      .optional(),
    /**
     * A stand-down asked for and waiting for the approvals the policy names
     * (docs/rules.md, stand-down): the meeting goes ahead as booked until every
     * one is in. `id` is echoed by the approval cards, so a card from an
     * earlier request cannot approve this one.
     */
    standDownRequest: z
      .object({
        ...standDownCommon,
        id: z.string().min(1),
        requestedBy: EntraObjectId,
        requestedAt: Instant,
        originator: StandDownOriginator,
        approvals: z.array(StandDownApproval),
      })
      .optional(),
    /**
     * Why a deadline was missed, as the person chased said on the reminder
     * or escalation, by the milestone it watches ("invite-list.complete"):
     * the exception report's reason (Swindon rule 23). Staff words, never logged.
     */
    /**
     * A reminder's "Done" pressed, by the milestone it watches: who said so,
     * when, with what role, and why. It stops the chasing but is never the
     * watched thing itself: an invite list or a report marked done has not
     * been received (failure is never silent; no false all-clear).
     */
    markedDone: z
      .record(
        z.string(),
        z.object({
          at: Instant,
          by: EntraObjectId,
          /** The role they hold on the case, in words ("team manager"). */
          role: z.string().min(1).max(60),
          reason: z.string().min(1).max(500).optional(),
        }),
      )
      .optional(),
    lateReasons: z
      .record(
        z.string(),
        z.object({ text: z.string().min(1).max(500), by: EntraObjectId, at: Instant }),
      )
      .optional(),
    /**
     * Stand-down requests an approver the policy names refused, with why
     * (docs/rules.md, stand-down): the request is closed, the meeting goes ahead as
     * booked, and the history stays here. A new request can follow.
     */
    standDownRefusals: z
      .array(
        z.object({
          requestId: z.string().min(1),
          /** Who asked: told who refused and why. */
          requestedBy: EntraObjectId,
          by: EntraObjectId,
          at: Instant,
          reason: z.string().min(1).max(1000),
        }),
      )
      .optional(),
    /**
     * Quoracy as the chair recorded it on the day (docs/rules.md, stand-down): the
     * agencies present or reporting, how many work with the family (2 means
     * 2 or more), and whether that made it quorate.
     */
    quoracyRecord: z
      .object({
        by: EntraObjectId,
        at: Instant,
        agencies: z.array(z.string().min(1)),
        agenciesWorking: z.number().int().min(0).max(2),
        quorate: z.boolean(),
      })
      .optional(),
    rebookedFrom: DocId.optional(),
    rebookedAs: DocId.optional(),
    outlookEventId: z.string().min(1).optional(),
    onlineMeetingId: z.string().min(1).optional(),
    joinWebUrl: z.url().optional(),
    /**
     * An Outlook event booked before Convene and linked at the go-live
     * import (never created by Convene): its Teams meeting kept whatever its
     * maker set, so meeting.create-event locks it (lobby, chat, recording,
     * the chair and the clerk as co-organisers) and records `lockedAt`, so a
     * retry does not lock it again.
     */
    linkedEvent: z.object({ linkedAt: Instant, lockedAt: Instant.optional() }).optional(),
    /** Graph's idempotency key for POST /events: retries never double-book. */
    transactionId: z.string().min(1).optional(),
    /**
     * The children the conference is about (decisions are per child; the
     * request card's choice, all the case's children unless the requester
     * chose fewer) and the index child on whose record a sibling group's
     * report is written. Absent on a CLA review and on a conference requested before
     * meetings recorded it: read through `conferenceChildren`, which then
     * answers every child of the case (the start-up migration writes that
     * answer into every stored conference).
     */
    childIds: z.array(DocId).min(1).optional(),
    indexChildId: DocId.optional(),
    outcome: z
      .object({
        recordedBy: EntraObjectId,
        recordedAt: Instant,
        /**
         * One decision for each child the conference is about: decisions
         * are per child. None for a CLA review (its IRO records minutes).
         */
        children: z.array(ChildDecision),
        /** A CLA review whose minutes the IRO recorded: no plan decision. */
        minutes: z.literal(true).optional(),
        /** The next RCPC's start, as the chair chose it (booked in Outlook at once). */
        nextConference: Instant.optional(),
        /**
         * The room found free for it at the outcome (a conference held in
         * person): a retry after a failure part way books this same room.
         */
        nextConferenceRoom: z.object({ email: z.email(), name: z.string().min(1) }).optional(),
        /**
         * The first core group's day, 10:00 London (outcomes recorded before
         * `coreGroupDate` existed); read `coreGroupDate` when present.
         */
        coreGroup: Instant.optional(),
        /**
         * The first core group's day as the chair recorded it (a date, no
         * time: the social worker, who leads the core group, arranges the time
         * and place with its members).
         */
        coreGroupDate: IsoDate.optional(),
      })
      .optional(),
    createdAt: Instant,
  })
  .refine((m) => m.pk === m.caseId, { message: "a meeting's pk is its case id", path: ["pk"] })
  .refine((m) => m.status === "requested" || m.status === "stood-down" || m.start !== undefined, {
    message: "a booked meeting has a start",
    path: ["start"],
  })
  .refine((m) => m.indexChildId === undefined || (m.childIds ?? []).includes(m.indexChildId), {
    message: "the index child is one of the children the conference is about",
    path: ["indexChildId"],
  })
  .refine((m) => m.outcome === undefined || m.kind === "CLA" || m.outcome.children.length > 0, {
    message: "a conference's outcome has a decision for each child",
    path: ["outcome", "children"],
  })
  .refine((m) => m.status !== "stood-down" || m.standDown !== undefined, {
    message: "a stood-down meeting records why and who approved",
    path: ["standDown"],
  });
export type Meeting = z.infer<typeof Meeting>;

/** Whether the outcome put (or kept) any child on a plan. */
export const anyPlan = (outcome: Meeting["outcome"]): boolean =>
  outcome?.children.some((c) => c.decision === "plan") ?? false;

/**
 * The ids of the children a conference is about: those the request named,
 * or every child of the case (the request card's default) for a meeting
 * that names none. Only children still on the case are answered.
 */
export function conferenceChildren(
  kase: { children: readonly { id: string }[] },
  meeting: Pick<Meeting, "childIds">,
): string[] {
  const all = kase.children.map((c) => c.id);
  if (meeting.childIds === undefined) return all;
  return meeting.childIds.filter((id) => all.includes(id));
}
