import { readableItems } from "../kernel/unreadable";
import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { parseSubmission } from "../../cards/common/errors";
import { submittedValues } from "../../cards/common/values";
import { formatDate } from "../../cards/common/format";
import { ReReferralMappingSubmission } from "../../cards/consultation/submission";
import type { Case, Meeting, Task } from "../../model";
import { formatIsoDate } from "../../rules";
import { asPersonRef, staffWithRole } from "../kernel/authority";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import type { ActionRequest, ActionResponse } from "../../ports";
import { enqueue } from "../kernel/enqueue";
import { taskIds } from "../kernel/task-ids";
import { updateDoc } from "../kernel/update-doc";
import { meetingIds } from "../kernel/ids";
import { cardResponse } from "../kernel/respond";
import { distinctPeople } from "../kernel/distinct";

/** The task a re-referral queues: the SM and the clerks are asked to book the case mapping (chair-consultation item 3). */
export const RE_REFERRAL_TASK = "case-mapping.re-referral";

const today = (deps: WorkflowDeps): string =>
  formatIsoDate(deps.policy.calendar.toLocal(deps.clock().getTime()).day);

/**
 * Chair-consultation item 3: an ICPC request is a re-referral when the case had an earlier
 * ICPC that was held (its outcome recorded) or a child has had a CP plan.
 * Answers why, in words for the card, or undefined when it is a first
 * referral. A rebooking of a stood-down ICPC is the same referral: only
 * held ICPCs count.
 */
export function reReferralReason(
  kase: Case,
  meetings: readonly Meeting[],
  meetingId: string,
): string | undefined {
  const earlier = meetings
    .filter((m) => m.id !== meetingId && m.kind === "ICPC" && m.outcome !== undefined)
    .map((m) => m.outcome?.recordedAt ?? "")
    .sort()[0];
  if (earlier !== undefined)
    return `an earlier ICPC was held on ${formatDate(earlier.slice(0, 10))}`;
  const plans = kase.children.flatMap((c) => c.planHistory ?? []);
  const last = [...plans].sort((a, b) => (b.end ?? b.start).localeCompare(a.end ?? a.start))[0];
  if (last === undefined) return undefined;
  return last.end === undefined
    ? `a child protection plan is open since ${formatDate(last.start)}`
    : `a child protection plan ended on ${formatDate(last.end)}`;
}

/**
 * Called when an ICPC is requested (workflow/booking/request-conference.ts):
 * for a re-referral, the case mapping with the frontline service manager is
 * tasked once (deterministic task id) and audited. Answers whether it is one.
 */
export async function bookReReferralMapping(
  deps: WorkflowDeps,
  input: { kase: Case; meetingId: string; actor: string },
): Promise<boolean> {
  const meetings = await readableItems(
    deps,
    deps.store.meetingsOfCase(input.kase.id),
    "re-referral",
  );
  if (reReferralReason(input.kase, meetings, input.meetingId) === undefined) return false;
  const queued = await enqueue(deps, {
    taskType: RE_REFERRAL_TASK,
    caseId: input.kase.id,
    meetingId: input.meetingId,
  });
  if (queued) {
    await audit(deps, {
      caseId: input.kase.id,
      actor: input.actor,
      action: "case-mapping.re-referral",
      target: { type: "meeting", id: input.meetingId },
    });
  }
  return true;
}

/** The mapping recorded since the ICPC was requested, if any. */
function heldSince(kase: Case, meeting: Meeting): string | undefined {
  const since = meeting.createdAt.slice(0, 10);
  return (kase.mappings ?? []).find((m) => m.kind === "new" && m.on >= since)?.on;
}

function mappingCard(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  meetings: readonly Meeting[],
  redisplay: { errors?: Record<string, string>; values?: Record<string, string> } = {},
) {
  const held = heldSince(kase, meeting);
  return cards.reReferralMapping({
    caseId: kase.id,
    caseReference: kase.reference,
    meetingId: meeting.id,
    serviceManagerName: kase.serviceManager.name,
    because: reReferralReason(kase, meetings, meeting.id) ?? "a re-referral",
    today: today(deps),
    ...(held !== undefined ? { heldOn: held } : {}),
    ...redisplay,
  });
}

/**
 * case-mapping.re-referral task: the card to the case's service manager,
 * team manager and the clerks (chair-consultation: "Team manager and social worker to
 * book a case mapping with a frontline service manager"; the clerks keep
 * the diary), once each.
 */
export async function askReReferralMapping(
  deps: WorkflowDeps,
  task: Task,
  _ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status === "stood-down") return { skipped: "stood-down" };
  const meetings = await readableItems(deps, deps.store.meetingsOfCase(kase.id), "re-referral");
  const card = mappingCard(deps, kase, meeting, meetings);
  const people = distinctPeople([
    kase.serviceManager,
    kase.teamManager,
    ...staffWithRole(deps.authority, "clerk").map(asPersonRef),
  ]);
  for (const person of people) {
    await sendCardOnce(deps, {
      id: `${meeting.id}:re-referral:${person.entraObjectId}`,
      kind: "re-referral-mapping",
      recipient: person,
      card,
      preview: `Re-referral: case mapping for case ${kase.reference}`,
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
    });
  }
  return { cards: people.length };
}

/**
 * verb case-mapping.re-referral-held: the SM, TM or a clerk records the day
 * the case mapping was held; it is added to Case.mappings as a new mapping
 * (kind "new", `chairId` the frontline service manager who held it), once,
 * and audited. A day in the future, or before the ICPC was requested, is
 * refused beside the field.
 */
export async function reReferralMappingHeld(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { caseId, meetingId } = meetingIds(request.data);
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  await authorise(deps, request.actor, ["service-manager", "team-manager", "clerk"], {
    verb: request.verb,
    kase,
    meeting,
  });
  const meetings = await readableItems(deps, deps.store.meetingsOfCase(kase.id), "re-referral");
  if (reReferralReason(kase, meetings, meeting.id) === undefined)
    throw new WorkflowError("Conflict", "This conference is not a re-referral.");
  const parsed = parseSubmission(ReReferralMappingSubmission, request.data);
  const again = (errors: Record<string, string>) =>
    cardResponse(
      mappingCard(deps, kase, meeting, meetings, { errors, values: submittedValues(request.data) }),
    );
  if (!parsed.ok) return again(parsed.errors);
  const heldOn = parsed.value.heldOn;
  if (heldOn > today(deps)) return again({ heldOn: "That date is in the future" });
  if (heldOn < meeting.createdAt.slice(0, 10))
    return again({ heldOn: "That is before the conference was requested" });
  const { doc, changed } = await updateDoc(deps.store, "case", kase.id, kase.id, (c) => {
    if (heldSince(c, meeting) !== undefined) return undefined;
    return {
      ...c,
      mappings: [
        ...(c.mappings ?? []),
        { on: heldOn, chairId: c.serviceManager.entraObjectId, kind: "new" as const },
      ],
    };
  });
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "case-mapping.held",
      target: { type: "meeting", id: meeting.id },
      detail: { kind: "new", reReferral: true },
    });
  }
  return cardResponse(mappingCard(deps, doc, meeting, meetings));
}
