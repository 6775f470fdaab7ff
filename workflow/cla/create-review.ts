import type { Case, Meeting, PersonRef } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "../kernel/deps";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import { planMeetingTasks } from "../timeline/plan-meeting-tasks";
import { enqueue } from "../kernel/enqueue";
import { OFFER_BOOKING } from "../booking/offer-booking";
import { claReviewId, type ClaReviewStart } from "./review-anchors";

/** The CLA review document as requested (not yet booked), chaired by `iro` once chosen. */
export function requestedReview(
  kase: Case,
  start: ClaReviewStart,
  input: { iro?: PersonRef; actor: string; at: Date; inPerson: boolean },
): Meeting {
  return {
    id: claReviewId(kase.id, start),
    type: "meeting",
    pk: kase.id,
    caseId: kase.id,
    kind: "CLA",
    status: "requested",
    anchors: start.anchors,
    reviewNumber: start.reviewNumber,
    milestones: {
      [MILESTONES.conferenceRequested]: { at: input.at.toISOString(), by: input.actor },
    },
    ...(input.actor !== "system" ? { requestedBy: input.actor } : {}),
    inPerson: input.inPerson,
    // The IRO from the start: the limits' and virtual-conference's rules name the IRO
    // (workflow/kernel/roles.ts resolves "IRO" to the meeting's chair) before booking.
    ...(input.iro !== undefined ? { chair: input.iro } : {}),
    createdAt: input.at.toISOString(),
  };
}

/**
 * Stores a requested CLA review, plans the tasks its anchor already fixes
 * (its limit) and asks the clerks to book it. Every step is idempotent by
 * id (the review's, its tasks', the booking offer's), so a retry, or the
 * same minutes recorded twice, creates and offers it once. Answers whether
 * this call created it.
 */
export async function createReview(deps: WorkflowDeps, review: Meeting): Promise<boolean> {
  // Throws RulesInputError for anchors the rules cannot count from: before any write.
  const timeline = meetingTimeline(deps.policy, review);
  let created = true;
  try {
    await deps.store.create(review);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    created = false;
  }
  await planMeetingTasks(deps, {
    caseId: review.caseId,
    meetingId: review.id,
    timeline,
    actor: review.requestedBy ?? "system",
  });
  await enqueue(deps, { taskType: OFFER_BOOKING, caseId: review.caseId, meetingId: review.id });
  return created;
}
