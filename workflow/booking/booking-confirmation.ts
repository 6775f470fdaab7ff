import { submittedValues } from "../../cards/common/values";
import { confirmationCard } from "./confirmation-card";
import { parseSubmission } from "../../cards/common/errors";
import {
  AcceptBookingSubmission,
  DeclineBookingSubmission,
} from "../../cards/booking-confirmation/submission";
import { asPersonRef, staffWithRole } from "../kernel/authority";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import { updateDoc } from "../kernel/update-doc";
import type { ActionRequest, ActionResponse } from "../../ports";
import { meetingIds } from "../kernel/ids";
import { cardResponse } from "../kernel/respond";

/** verb booking.accept: the chair or the SW confirms; audited, nothing else changes. */
export async function acceptBooking(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { caseId, meetingId } = meetingIds(request.data);
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  await authorise(deps, request.actor, ["chair", "social-worker"], {
    verb: request.verb,
    kase,
    meeting,
  });
  const parsed = parseSubmission(AcceptBookingSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing its ids.");
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "meeting.booking-accepted",
    target: { type: "meeting", id: meeting.id },
  });
  return cardResponse(
    cards.done({
      title: "Thank you",
      message: "You have confirmed the booking.",
      caseReference: kase.reference,
    }),
  );
}

/**
 * verb booking.decline: West Sussex: a CPA who knows the family declines with a
 * reason, copied to the CPA team manager; the clerks are told so they can
 * rebook with another chair. Only the chair may decline.
 * 1. load, authorise (the chair of this meeting), parse (a reason is required);
 * 2. audit (the reason stays out of the trail: free text);
 * 3. tell the clerks and the QA/CPA team managers, once each.
 */
export async function declineBooking(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { caseId, meetingId } = meetingIds(request.data);
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  await authorise(deps, request.actor, ["chair"], { verb: request.verb, kase, meeting });
  const parsed = parseSubmission(DeclineBookingSubmission, request.data);
  if (!parsed.ok) {
    return cardResponse(
      confirmationCard(kase, meeting, "chair", {
        errors: parsed.errors,
        values: submittedValues(request.data),
      }),
    );
  }
  // Recorded on the meeting: the next offer ("rebook REF") has another chair.
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => {
    const declined = m.declinedChairs ?? [];
    if (declined.includes(request.actor.objectId)) return undefined;
    const next = { ...m, declinedChairs: [...declined, request.actor.objectId] };
    delete next.chair;
    return next;
  });
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "meeting.booking-declined",
    target: { type: "meeting", id: meeting.id },
    detail: { reason: "conflict-of-interest" },
  });
  const told = [
    ...staffWithRole(deps.authority, "clerk"),
    ...staffWithRole(deps.authority, "qa-manager"),
  ];
  for (const person of told) {
    await sendCardOnce(deps, {
      id: `${meeting.id}:declined:${request.actor.objectId}:${person.entraObjectId}`,
      kind: "booking-declined",
      recipient: asPersonRef(person),
      card: cards.done({
        title: "Chair declined a conference",
        message: `${request.actor.name} declined the ${meeting.kind} for case ${kase.reference}: ${parsed.value.declineReason}. Type "rebook ${kase.reference}" for slots with another chair.`,
        caseReference: kase.reference,
      }),
      preview: `Chair declined the ${meeting.kind} for case ${kase.reference}`,
      caseId: kase.id,
      meetingId: meeting.id,
    });
  }
  return cardResponse(
    cards.done({
      title: "Declined",
      message: "The clerks and the team manager have been told.",
      caseReference: kase.reference,
    }),
  );
}
