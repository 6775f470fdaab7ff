import { agencyKey } from "../reports/agencies";
import { parseSubmission } from "../../cards/common/errors";
import {
  QuoracyAskSocialWorkerSubmission,
  QuoracyNudgeSubmission,
  QuoracyProposeStandDownSubmission,
} from "../../cards/quoracy-forecast/submission";
import { formatHumanInstant } from "../../rules";
import type { Case, Meeting } from "../../model";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce, sendEmailsOnce } from "../kernel/notify";
import type { ActionRequest, ActionResponse } from "../../ports";
import { startStandDown } from "../stand-down/start";
import { kindWords, withPrefix } from "../kernel/subjects";
import { meetingIds } from "../kernel/ids";
import { cardResponse } from "../kernel/respond";

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
 * verb quoracy.propose-stand-down: the chair or clerk, warned by the
 * forecast, asks to stand the meeting down as not quorate with a rationale.
 * The stand-down itself (workflow/stand-down/) waits for the approval the
 * policy names (docs/rules.md, stand-down; Leicestershire: a safeguarding manager; Swindon: the
 * operational and QA & Review SMs jointly), then cancels in Outlook, tells
 * everyone and offers the rebooking inside the original limit.
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
  const result = await startStandDown(deps, {
    caseId: kase.id,
    meetingId: meeting.id,
    reason: "not-quorate",
    rationale: parsed.value.standDownRationale,
    originator: request.actor,
  });
  return cardResponse(
    cards.done({
      title: result.applied ? "Stood down" : "Stand-down sent for approval",
      message: result.applied
        ? "Everyone invited is being told and the Outlook event cancelled."
        : `The meeting stays booked until ${result.waitingFor.join(" and ")} approve.`,
      caseReference: kase.reference,
    }),
  );
}
