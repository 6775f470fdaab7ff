import { optional } from "../kernel/optional";
import { ClaMinutesSubmission } from "../../cards/cla-minutes/submission";
import { parseSubmission, type FieldErrors } from "../../cards/common/errors";
import { submittedValues, type SubmittedValues } from "../../cards/common/values";
import type { Case, Meeting } from "../../model";
import { formatHumanInstant, formatIsoDate } from "../../rules";
import { meetingIds } from "../kernel/ids";
import { cardResponse } from "../kernel/respond";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { meetingLimit, meetingTimeline } from "../timeline/meeting-timeline";
import { MILESTONES } from "../timeline/milestones";
import type { ActionRequest, ActionResponse } from "../../ports";
import { limitRuleOf } from "../booking/offer-booking";
import { dueOf } from "../timeline/timeline-dates";
import { updateDoc } from "../kernel/update-doc";
import { createReview, requestedReview } from "./create-review";
import { reviewAfter, reviewNumberOf } from "./review-anchors";

/** Only the review's own IRO (its chair) records its minutes. */
const REFUSAL = "only the IRO of this review can record its minutes and recommendations";

/** The local date a review was held on: what the next review counts from. */
function heldOn(deps: WorkflowDeps, meeting: Meeting): string {
  return formatIsoDate(deps.policy.calendar.toLocal(Date.parse(meeting.start ?? "")).day);
}

/** The review after this one, as it will be requested (its anchor and limit). */
function nextReview(deps: WorkflowDeps, kase: Case, meeting: Meeting, actor: string): Meeting {
  return {
    ...requestedReview(kase, reviewAfter(meeting, heldOn(deps, meeting)), {
      actor,
      at: deps.clock(),
      inPerson: meeting.inPerson,
    }),
    // The same IRO reviews the child's plan from review to review.
    ...optional("chair", meeting.chair),
  };
}

/** The IRO's minutes card for a held (or starting) CLA review. */
export function claMinutesCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  errors?: FieldErrors,
  values?: SubmittedValues,
) {
  if (meeting.kind !== "CLA") throw new WorkflowError("BadInput", "This is not a CLA review.");
  if (meeting.start === undefined)
    throw new WorkflowError("Conflict", "This review has no date yet.");
  const next = nextReview(deps, kase, meeting, "system");
  const limit = meetingLimit(deps.policy, next);
  if (limit === undefined) throw new WorkflowError("BadInput", "The next review has no limit.");
  const due = dueOf(meetingTimeline(deps.policy, meeting), "cla.minutes");
  return cards.claMinutes({
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    reviewNumber: reviewNumberOf(meeting),
    meetingStart: meeting.start,
    ...optional("minutesDue", due === undefined ? undefined : { rule: "cla.minutes", at: due }),
    nextLimit: { rule: limitRuleOf(next), at: limit.toISOString() },
    ...(meeting.etag !== undefined ? { cardVersion: meeting.etag } : {}),
    ...(errors !== undefined ? { errors } : {}),
    ...(values !== undefined ? { values } : {}),
  });
}

/**
 * verb cla.record-minutes: the IRO records that the review was held and its
 * minutes and recommendations are on the child's record and tasked to be
 * shared (virtual-conference `cla.minutes`, on the day).
 * 1. load; only a CLA review; only its IRO (a forged submission from anyone
 *    else is refused, audited, and changes nothing); parse;
 * 2. only a review that has started, and was not stood down;
 * 3. record `meeting.held` and `outcome.recorded` (what `cla.minutes` and
 *    the review's limit watch), once;
 * 4. the cycle (docs/rules.md, national rules): request the next review, counted from this
 *    one's date (3 months after the first, 6 after later ones), with the
 *    same IRO, and offer it to the clerks: each step idempotent, so it is
 *    created and offered exactly once, even if the minutes come twice;
 * 5. audit (ids only).
 */
export async function recordClaMinutes(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { caseId, meetingId } = meetingIds(request.data);
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  if (meeting.kind !== "CLA") throw new WorkflowError("BadInput", "This is not a CLA review.");
  await authorise(deps, request.actor, ["chair"], {
    verb: request.verb,
    kase,
    meeting,
    refusal: REFUSAL,
  });
  const parsed = parseSubmission(ClaMinutesSubmission, request.data);
  if (!parsed.ok) {
    return cardResponse(
      claMinutesCard(deps, kase, meeting, parsed.errors, submittedValues(request.data)),
    );
  }
  if (meeting.status === "stood-down")
    throw new WorkflowError("Conflict", "This review was stood down.");
  const now = deps.clock();
  if (meeting.start === undefined || Date.parse(meeting.start) > now.getTime()) {
    throw new WorkflowError("Conflict", "The minutes can be recorded once the review has started.");
  }
  const at = now.toISOString();
  const by = request.actor.objectId;
  const { changed } = await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => {
    if (m.milestones[MILESTONES.outcomeRecorded] !== undefined) return undefined;
    return {
      ...m,
      status: "outcome-recorded",
      outcome: { recordedBy: by, recordedAt: at, children: [], minutes: true },
      milestones: {
        ...m.milestones,
        [MILESTONES.held]: m.milestones[MILESTONES.held] ?? { at, by },
        [MILESTONES.outcomeRecorded]: { at, by },
      },
    };
  });
  // Whether or not this call wrote the minutes (a retry after a failure
  // part-way must finish the job), the next review exists and is offered.
  const next = nextReview(deps, kase, meeting, by);
  await createReview(deps, next);
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: by,
      action: "meeting.cla-minutes",
      target: { type: "meeting", id: meeting.id },
      detail: { review: reviewNumberOf(meeting), next: next.id },
    });
  }
  const limit = meetingLimit(deps.policy, next);
  return cardResponse(
    cards.done({
      title: changed ? "Minutes recorded" : "Minutes already recorded",
      message: "The review counts as held. The next review has been requested from the clerks.",
      caseReference: kase.reference,
      facts:
        limit === undefined
          ? []
          : [{ title: "Next review by", value: formatHumanInstant(limit.getTime()) }],
    }),
  );
}
