import { ClaRequestSubmission } from "../../cards/cla-request/submission";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues, type SubmittedValues } from "../../cards/common/values";
import type { FieldErrors } from "../../cards/common/errors";
import type { Case, Meeting, PersonRef } from "../../model";
import { formatHumanDate, formatHumanInstant, parseIsoDate, RulesInputError } from "../../rules";
import { REQUESTERS } from "../booking/request-conference";
import { cardResponse } from "../kernel/respond";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import { chooseChair } from "../booking/choose-chair";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadCase } from "../kernel/load";
import { meetingLimit } from "../timeline/meeting-timeline";
import type { ActionRequest, ActionResponse } from "../../ports";
import { createReview, requestedReview } from "./create-review";
import {
  firstReview,
  laterReview,
  lookedAfterChildren,
  type ClaReviewStart,
} from "./review-anchors";

/**
 * The case's looked-after children, or a clear refusal: a CLA review counts
 * from the day the child became looked after (docs/rules.md, national rules), so a case
 * with no such date on its record cannot have one.
 */
export function lookedAfterOrRefuse(kase: Case) {
  const children = lookedAfterChildren(kase);
  if (children.length === 0) {
    throw new WorkflowError(
      "BadInput",
      `No child on case ${kase.reference} has a looked-after date: a CLA review counts from the day the child became looked after. Ask for it to be recorded on the case first.`,
    );
  }
  return children;
}

/** The request card for a case, as its SW or manager sees it: looked-after children only. */
export function claRequestCard(
  kase: Case,
  errors?: FieldErrors,
  values?: SubmittedValues,
): ReturnType<typeof cards.claRequest> {
  return cards.claRequest({
    caseId: kase.id,
    caseReference: kase.reference,
    children: lookedAfterOrRefuse(kase).map((c) => ({
      id: c.id,
      firstName: c.name.split(" ")[0] ?? c.name,
      lookedAfterSince: c.lookedAfterSince,
    })),
    ...(errors !== undefined ? { errors } : {}),
    ...(values !== undefined ? { values } : {}),
  });
}

/**
 * The IRO who chairs the review (workflow/booking/choose-chair.ts: the authority's
 * IROs, never the case's CP chair); none configured is the council's to fix.
 */
export function chooseIro(deps: WorkflowDeps, kase: Case, review: Meeting): PersonRef {
  try {
    return chooseChair(deps.authority, kase, review);
  } catch (err) {
    if (err instanceof WorkflowError) {
      throw new WorkflowError(
        "Conflict",
        "No IRO is configured for this council: an IRO chairs every CLA review. Ask an administrator to add one.",
      );
    }
    throw err;
  }
}

/**
 * verb cla.request: the SW or a manager asks for a looked-after child's review.
 * 1. load the case, check the actor is its SW, TM or SM, and that it has a
 *    looked-after child (else a clear refusal, nothing stored);
 * 2. parse the card; a malformed one comes back with its errors;
 * 3. the anchor: review 1 from the earliest looked-after date of the
 *    children chosen (case record, not the card), later ones from the
 *    previous review's date, which must be a real past date after the child
 *    became looked after; the rules refuse what they cannot count from;
 * 4. create the review (status requested, the IRO as chair), plan its limit
 *    and ask the clerks to book it (tasks/offer-booking.ts), all idempotent;
 * 5. audit (ids and numbers only) and answer with the limit.
 */
export async function requestClaReview(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const caseId = (request.data as { caseId?: unknown } | undefined)?.caseId;
  if (typeof caseId !== "string") throw new WorkflowError("BadInput", "The card has no case id.");
  const kase = await loadCase(deps, caseId);
  await authorise(deps, request.actor, REQUESTERS, { verb: request.verb, kase });
  const lookedAfter = lookedAfterOrRefuse(kase);
  const again = (errors: FieldErrors) =>
    cardResponse(claRequestCard(kase, errors, submittedValues(request.data)));

  const parsed = parseSubmission(ClaRequestSubmission, request.data);
  if (!parsed.ok) return again(parsed.errors);
  const s = parsed.value;
  const chosen = lookedAfter.filter((c) => s.childIds.includes(c.id));
  if (chosen.length !== s.childIds.length) {
    return again({ childIds: "Choose from the looked-after children on this case" });
  }
  const calendar = deps.policy.calendar;
  const today = calendar.toLocal(deps.clock().getTime()).day;
  const earliest = firstReview(chosen).anchorDate;
  if (parseIsoDate(earliest) > today) {
    throw new WorkflowError(
      "BadInput",
      `The looked-after date on case ${kase.reference} is in the future: correct the case record first.`,
    );
  }
  let start: ClaReviewStart;
  if (s.reviewNumber === 1) start = firstReview(chosen);
  else {
    const previous = s.previousReviewDate as string;
    if (parseIsoDate(previous) > today) {
      return again({ previousReviewDate: "That date is in the future: give the date it was held" });
    }
    if (previous <= earliest) {
      return again({
        previousReviewDate: `The previous review must be after the child became looked after (${formatHumanDate(parseIsoDate(earliest))})`,
      });
    }
    start = laterReview(s.reviewNumber, previous);
  }

  const draft = requestedReview(kase, start, {
    actor: request.actor.objectId,
    at: deps.clock(),
    inPerson: false,
  });
  const review: Meeting = { ...draft, chair: chooseIro(deps, kase, draft) };
  let created: boolean;
  try {
    created = await createReview(deps, review);
  } catch (err) {
    if (err instanceof RulesInputError) {
      return again({ [s.reviewNumber === 1 ? "childIds" : "previousReviewDate"]: err.message });
    }
    throw err;
  }
  if (created) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "meeting.request",
      target: { type: "meeting", id: review.id },
      detail: { kind: "CLA", review: start.reviewNumber, children: chosen.length },
    });
  }
  const limit = meetingLimit(deps.policy, review);
  return cardResponse(
    cards.done({
      title: created ? "CLA review requested" : "Already requested",
      message: `The clerks have been asked to book it, with ${review.chair?.name ?? "the IRO"} as IRO.`,
      caseReference: kase.reference,
      facts:
        limit === undefined
          ? []
          : [{ title: "Must be held by", value: formatHumanInstant(limit.getTime()) }],
    }),
  );
}
