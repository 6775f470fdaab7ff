import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import { ConsultationSubmission } from "../../cards/consultation/submission";
import type { Case, Consultation, Meeting } from "../../model";
import { isStoreError } from "../../ports/store";
import { formatDate } from "../../cards/common/format";
import { formatIsoDate } from "../../rules";
import { staffById } from "../kernel/authority";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import type { ActionRequest, ActionResponse, Actor } from "../../ports";
import { cardResponse } from "../kernel/respond";
import { loadCaseAndMeeting } from "../kernel/load-for-action";

const today = (deps: WorkflowDeps): string =>
  formatIsoDate(deps.policy.calendar.toLocal(deps.clock().getTime()).day);

/** The case's frontline managers: who consults a CP chair (chair-consultation). */
function managers(kase: Case) {
  return [
    { id: kase.teamManager.entraObjectId, name: kase.teamManager.name, role: "Team Manager" },
    {
      id: kase.serviceManager.entraObjectId,
      name: kase.serviceManager.name,
      role: "Service Manager",
    },
  ];
}

export function consultationCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting | undefined,
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
) {
  return cards.consultation({
    caseId: kase.id,
    caseReference: kase.reference,
    ...(meeting !== undefined ? { meetingId: meeting.id } : {}),
    managers: managers(kase),
    today: today(deps),
    ...redisplay,
  });
}

/**
 * Any CP chair of the authority may be consulted (chair-consultation: at the strategy
 * discussion no chair is allocated yet); anyone else is refused like any
 * forged action (audited, nothing changed).
 */
async function authoriseChair(
  deps: WorkflowDeps,
  actor: Actor,
  verb: string,
  kase: Case,
  meeting: Meeting | undefined,
): Promise<void> {
  if (staffById(deps.authority, actor.objectId)?.roles.includes("chair")) return;
  await authorise(deps, actor, ["chair"], {
    verb,
    kase,
    ...(meeting ? { meeting } : {}),
    refusal: "only a CP chair can record a consultation",
  });
}

/** `consultation REF` in chat: the card, for a CP chair. */
export async function consultationCommand(
  deps: WorkflowDeps,
  actor: Actor,
  kase: Case,
  meeting: Meeting | undefined,
) {
  await authoriseChair(deps, actor, "message.consultation", kase, meeting);
  // The consultation concerns an ICPC: a later RCPC is not named on it.
  return consultationCard(deps, kase, meeting?.kind === "ICPC" ? meeting : undefined);
}

/**
 * verb consultation.record (chair-consultation items 1-2): a CP chair records a
 * consultation with a frontline manager (who, when, the advice); the
 * decision stays with the manager, so nothing else changes.
 * 1. load the case (and the ICPC, if named); only a CP chair may record;
 * 2. parse; the manager must be the case's TM or SM and the day not in the
 *    future, else the card comes back with the error beside the field;
 * 3. store it once (id from case, day and chair: a retry changes nothing);
 * 4. audit (ids only: the advice is never in the audit or logs).
 */
export async function recordConsultation(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting } = await loadCaseAndMeeting(deps, request);
  await authoriseChair(deps, request.actor, request.verb, kase, meeting);
  const parsed = parseSubmission(ConsultationSubmission, request.data);
  const again = (errors: Record<string, string>) =>
    cardResponse(
      consultationCard(deps, kase, meeting, { errors, values: submittedValues(request.data) }),
    );
  if (!parsed.ok) return again(parsed.errors);
  const s = parsed.value;
  if (!managers(kase).some((m) => m.id === s.managerId))
    return again({ managerId: "Choose the case's team manager or service manager" });
  if (s.on > today(deps)) return again({ on: "That date is in the future" });
  const doc: Consultation = {
    id: `${kase.id}:consultation:${s.on}:${request.actor.objectId}`,
    type: "consultation",
    pk: kase.id,
    caseId: kase.id,
    ...(meeting !== undefined ? { meetingId: meeting.id } : {}),
    chairId: request.actor.objectId,
    managerId: s.managerId,
    on: s.on,
    stage: s.stage,
    advice: s.advice,
    recordedAt: deps.clock().toISOString(),
  };
  let created = true;
  try {
    await deps.store.create(doc);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
    created = false;
  }
  if (created) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "consultation.recorded",
      target: { type: "consultation", id: doc.id },
      detail: { stage: s.stage, managerId: s.managerId },
    });
  }
  const manager = managers(kase).find((m) => m.id === s.managerId);
  return cardResponse(
    cards.done({
      title: created ? "Consultation recorded" : "Consultation already recorded",
      message: "The decision to bring the case to conference stays with the frontline manager.",
      caseReference: kase.reference,
      facts: [
        { title: "On", value: formatDate(s.on) },
        { title: "Manager", value: manager?.name ?? "" },
      ],
    }),
  );
}
