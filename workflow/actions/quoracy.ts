import { parseSubmission } from "../../cards/common/errors";
import {
  QuoracyAskSocialWorkerSubmission,
  QuoracyNudgeSubmission,
  QuoracyProposeStandDownSubmission,
} from "../../cards/quoracy-forecast/submission";
import { formatHumanInstant } from "../../rules";
import type { Case, Meeting, PersonRef } from "../../model";
import { asPersonRef, staffWithRole } from "../authority";
import { audit } from "../audit";
import { authorise } from "../authorise";
import * as cards from "../cards";
import type { WorkflowDeps } from "../deps";
import { WorkflowError } from "../errors";
import { loadMeeting } from "../load";
import { sendCardOnce, sendEmailsOnce } from "../notify";
import type { ActionRequest, ActionResponse } from "../ports";
import { kindWords, withPrefix } from "../subjects";
import { agencyKey } from "./report-status";
import { meetingIds } from "./ids";
import { cardResponse } from "./respond";

/** The forecast went to the chair and the clerks; they act on it. */
const FORECAST_READERS = ["chair", "clerk"] as const;

async function load(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<{ kase: Case; meeting: Meeting }> {
  const { caseId, meetingId } = meetingIds(request.data);
  const loaded = await loadMeeting(deps, caseId, meetingId);
  await authorise(deps, request.actor, FORECAST_READERS, { verb: request.verb, ...loaded });
  if (loaded.meeting.status !== "booked" && loaded.meeting.status !== "invited") {
    throw new WorkflowError("Conflict", "This conference is not going ahead as booked.");
  }
  return loaded;
}

const when = (m: Meeting) => (m.start === undefined ? "" : formatHumanInstant(Date.parse(m.start)));

/**
 * verb quoracy.nudge: an email to each invitee of one agency (one the card
 * offered: it must be on this meeting's invite list), asking them to reply
 * or send their report. One nudge per agency per day, whoever asks.
 */
export async function nudgeAgency(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await load(deps, request);
  const parsed = parseSubmission(QuoracyNudgeSubmission, request.data);
  if (!parsed.ok)
    throw new WorkflowError("BadInput", parsed.errors.agencyKey ?? "Choose an agency to nudge.");
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  const people = (list?.invitees ?? []).filter(
    (i) =>
      i.relation === "professional" &&
      i.agency !== undefined &&
      i.email !== undefined &&
      agencyKey(i.agency) === parsed.value.agencyKey,
  );
  if (people.length === 0)
    throw new WorkflowError("BadInput", "That agency is not invited to this conference.");
  const day = deps.clock().toISOString().slice(0, 10);
  await sendEmailsOnce(
    deps,
    deps.authority.organizer,
    people.map((p) => ({
      kind: "quoracy-nudge",
      caseId: kase.id,
      meetingId: meeting.id,
      email: {
        id: `${meeting.id}:nudge:${p.id}:${day}`,
        to: { email: p.email as string, name: p.name },
        subject: withPrefix(
          deps.policy.id,
          `Please reply: ${kindWords(meeting.kind).toLowerCase()}, case ${kase.reference}, ${when(meeting)}`,
        ),
        bodyText: [
          `Dear ${p.name},`,
          "",
          `The ${kindWords(meeting.kind).toLowerCase()} for case ${kase.reference} on ${when(meeting)} needs your agency to attend or send its report for it to go ahead.`,
          "Please accept the Outlook invitation, or send your report to the chair and the conference clerk.",
        ].join("\n"),
      },
    })),
  );
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "quoracy.nudge",
    target: { type: "meeting", id: meeting.id },
    detail: { agency: parsed.value.agencyKey, people: people.length },
  });
  return cardResponse(
    cards.done({
      title: "Agency nudged",
      message: `${people.length} email(s) sent.`,
      caseReference: kase.reference,
    }),
  );
}

/** verb quoracy.ask-sw: the SW gets a card asking them to chase the agencies. */
export async function askSocialWorker(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await load(deps, request);
  const parsed = parseSubmission(QuoracyAskSocialWorkerSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing its ids.");
  await sendCardOnce(deps, {
    id: `${meeting.id}:quoracy-ask-sw:${deps.clock().toISOString().slice(0, 10)}`,
    kind: "quoracy-ask-sw",
    recipient: kase.socialWorker,
    card: cards.done({
      title: "Please chase the agencies",
      message: `${request.actor.name} asks you to chase the agencies for the ${meeting.kind} of case ${kase.reference} on ${when(meeting)}: it may not be quorate.${parsed.value.note ? ` Note: ${parsed.value.note}` : ""}`,
      caseReference: kase.reference,
    }),
    preview: `Please chase the agencies for case ${kase.reference}`,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "quoracy.ask-sw",
    target: { type: "meeting", id: meeting.id },
  });
  return cardResponse(
    cards.done({
      title: "Social worker asked",
      message: "They have a card asking them to chase the agencies.",
      caseReference: kase.reference,
    }),
  );
}

/**
 * The approvers of a stand-down (RULES.md section 5): 000 needs the
 * operational SM and the QA & Review SM jointly; 002 the safeguarding
 * manager (the case's service manager here); elsewhere the case's SM.
 */
function standDownApprovers(deps: WorkflowDeps, kase: Case): PersonRef[] {
  const approvers = [kase.serviceManager];
  if (deps.policy.id === "swindon")
    approvers.push(...staffWithRole(deps.authority, "qa-manager").map(asPersonRef));
  return approvers.filter(
    (p, i) => approvers.findIndex((q) => q.entraObjectId === p.entraObjectId) === i,
  );
}

/**
 * verb quoracy.propose-stand-down: the proposal goes, with its rationale, to
 * the approvers the policy names; standing down itself (cancelling in
 * Outlook, telling everyone, rebooking inside the limit) is theirs to
 * decide (issue 6). Audited.
 */
export async function proposeStandDown(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await load(deps, request);
  const parsed = parseSubmission(QuoracyProposeStandDownSubmission, request.data);
  if (!parsed.ok)
    throw new WorkflowError(
      "BadInput",
      parsed.errors.standDownRationale ?? "Give the rationale for standing the meeting down.",
    );
  const approvers = standDownApprovers(deps, kase);
  for (const approver of approvers) {
    await sendCardOnce(deps, {
      id: `${meeting.id}:stand-down-proposal:${approver.entraObjectId}`,
      kind: "stand-down-proposal",
      recipient: approver,
      card: cards.done({
        title: "Stand-down proposed: not quorate",
        message: `${request.actor.name} proposes standing down the ${meeting.kind} for case ${kase.reference} on ${when(meeting)}. Rationale: ${parsed.value.standDownRationale}`,
        caseReference: kase.reference,
      }),
      preview: `Stand-down proposed for case ${kase.reference}`,
      caseId: kase.id,
      meetingId: meeting.id,
    });
  }
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "meeting.stand-down.proposed",
    target: { type: "meeting", id: meeting.id },
    detail: { reason: "not-quorate", approvers: approvers.length },
  });
  return cardResponse(
    cards.done({
      title: "Stand-down proposed",
      message: `Sent to ${approvers.map((a) => a.name).join(" and ")} for approval.`,
      caseReference: kase.reference,
    }),
  );
}
