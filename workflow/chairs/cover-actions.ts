import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { parseSubmission } from "../../cards/common/errors";
import { CoverAnswerSubmission, CoverStandDownSubmission } from "../../cards/sick-cover/submission";
import type { Task } from "../../model";
import { asPersonRef, staffWithRole } from "../kernel/authority";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import type { ActionRequest, ActionResponse } from "../../ports";
import { updateDoc } from "../kernel/update-doc";
import { cardResponse } from "../kernel/respond";
import { enqueue } from "../kernel/enqueue";
import { taskIds } from "../kernel/task-ids";
import { startStandDown } from "../stand-down/start";
import { briefAt } from "../brief/plan-brief";
import { sendBrief } from "../brief/brief";
import { SICK_COVER_TASK } from "./report-sick";
import { coverOf, saveCover } from "./sick-cover";
import { authoriseChairs, personOf } from "./staff";
import { conferenceRef, meetingPeople } from "../invitations/event-attendees";

/** Outlook and the people told, after a cover is accepted (long work: never in the invoke). */
export const COVER_CHANGED_TASK = "chairs.cover-changed";

async function load(deps: WorkflowDeps, request: ActionRequest) {
  const parsed = parseSubmission(CoverAnswerSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing its ids.");
  const { kase, meeting } = await loadMeeting(deps, parsed.value.caseId, parsed.value.meetingId);
  const where = await coverOf(deps, meeting);
  if (where.cover === undefined)
    throw new WorkflowError("NotFound", "This conference is not waiting for cover.");
  return { kase, meeting, where, cover: where.cover };
}

async function refuse(
  deps: WorkflowDeps,
  request: ActionRequest,
  caseId: string,
  meetingId: string,
  message: string,
): Promise<never> {
  await audit(deps, {
    caseId,
    actor: request.actor.objectId,
    action: "action.refused",
    target: { type: "meeting", id: meetingId },
    detail: { verb: request.verb, code: "Forbidden" },
  });
  throw new WorkflowError("Forbidden", message);
}

/**
 * verbs chairs.cover.accept / chairs.cover.decline: only the chair the
 * cover was offered to (anyone else is refused and audited).
 * Accept: the meeting's chair becomes them (IfMatch), the cover is
 * recorded, and a task moves the Outlook invitation and tells the clerks
 * and the SW. Decline: recorded, and the cover task runs again (the team
 * manager decides when nobody else can).
 */
export async function answerCover(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const { kase, meeting, where, cover } = await load(deps, request);
  if (cover.status !== "offered" || cover.offeredTo !== request.actor.objectId)
    return refuse(
      deps,
      request,
      kase.id,
      meeting.id,
      "only the chair this cover was offered to can answer it",
    );
  const accept = request.verb.endsWith("accept");
  const now = deps.clock().toISOString();
  if (accept) {
    const chair = personOf(deps.authority, request.actor.objectId);
    await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
      m.chair?.entraObjectId === chair.entraObjectId ? undefined : { ...m, chair },
    );
    await saveCover(deps, where, {
      ...cover,
      status: "covered",
      decidedBy: request.actor.objectId,
      at: now,
    });
    await enqueue(deps, {
      taskType: COVER_CHANGED_TASK,
      caseId: kase.id,
      meetingId: meeting.id,
      key: `${cover.date}:${chair.entraObjectId}`,
    });
  } else {
    // The cover task runs again: the next candidate after "keep trying",
    // else (a duty chair's decline) the team manager decides.
    await saveCover(deps, where, {
      ...cover,
      status: cover.decidedBy !== undefined ? "keep-trying" : "to-manager",
      declinedBy: [...cover.declinedBy, request.actor.objectId],
      at: now,
    });
    await enqueue(deps, {
      taskType: SICK_COVER_TASK,
      caseId: kase.id,
      meetingId: meeting.id,
      key: `${cover.date}:declined:${request.actor.objectId}`,
    });
  }
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: accept ? "meeting.cover-accepted" : "meeting.cover-declined",
    target: { type: "meeting", id: meeting.id },
  });
  return cardResponse(
    cards.done({
      title: accept ? "You are chairing it" : "Declined",
      message: accept
        ? "The Outlook invitation moves to you; the clerks and the social worker are told."
        : "The team manager is asked to decide.",
      caseReference: kase.reference,
    }),
  );
}

/**
 * verbs chairs.cover.keep-trying / chairs.cover.stand-down: the chairs'
 * team manager decides (West Sussex: "the Team Manager would have to decide if the
 * Conference needs to be cancelled"). Keep trying offers it to every other
 * chair free then; stand down goes through the stand-down flow (docs/rules.md, stand-down: reason unforeseen, chair unavailable, with the rationale and
 * the approvals the policy needs).
 */
export async function decideCover(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  await authoriseChairs(deps, request.actor, ["manager"], request.verb);
  const { kase, meeting, where, cover } = await load(deps, request);
  if (cover.status !== "to-manager")
    throw new WorkflowError(
      "Conflict",
      `This cover is no longer waiting for a decision (${cover.status}).`,
    );
  const now = deps.clock().toISOString();
  if (request.verb.endsWith("keep-trying")) {
    await saveCover(deps, where, {
      ...cover,
      status: "keep-trying",
      decidedBy: request.actor.objectId,
      at: now,
    });
    await enqueue(deps, {
      taskType: SICK_COVER_TASK,
      caseId: kase.id,
      meetingId: meeting.id,
      key: `${cover.date}:keep-trying:${cover.declinedBy.length}`,
    });
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "meeting.cover-keep-trying",
      target: { type: "meeting", id: meeting.id },
    });
    return cardResponse(
      cards.done({
        title: "Still looking",
        message:
          "The conference is offered to the next chair free then; you are asked again if nobody is.",
        caseReference: kase.reference,
      }),
    );
  }
  const parsed = parseSubmission(CoverStandDownSubmission, request.data);
  if (!parsed.ok)
    throw new WorkflowError(
      "BadInput",
      parsed.errors.rationale ?? "Record why the conference is stood down.",
    );
  const result = await startStandDown(deps, {
    meetingId: meeting.id,
    caseId: kase.id,
    reason: "unforeseen",
    detail: "chair-unavailable",
    rationale: parsed.value.rationale,
    originator: { objectId: request.actor.objectId, name: request.actor.name },
  });
  await saveCover(deps, where, {
    ...cover,
    status: "stand-down",
    decidedBy: request.actor.objectId,
    at: now,
  });
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "meeting.cover-stand-down",
    target: { type: "meeting", id: meeting.id },
    detail: { applied: result.applied },
  });
  return cardResponse(
    cards.done({
      title: result.applied ? "Stood down" : "Stand-down asked for",
      message: result.applied
        ? "The conference is stood down; everyone is told."
        : `Waiting for: ${result.waitingFor.join(", ")}.`,
      caseReference: kase.reference,
    }),
  );
}

/**
 * chairs.cover-changed: the covering chair replaces the sick one in the
 * Outlook invitation (attendees only: chair, SW, professionals on the
 * list), then the clerks and the SW are told, each once.
 */
export async function coverChanged(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status !== "booked" && meeting.status !== "invited")
    return { skipped: meeting.status };
  const chair = meeting.chair;
  if (chair === undefined) return { skipped: "no-chair" };
  if (meeting.outlookEventId !== undefined) {
    const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
    // The covering chair becomes a co-organiser; the absent one, left out of
    // the whole list the adapter sends, is no longer one (read back).
    await deps.calendar.setAttendees(
      deps.authority.organizer,
      conferenceRef(meeting),
      meetingPeople(kase, meeting, list),
    );
  }
  const told = [...staffWithRole(deps.authority, "clerk").map(asPersonRef), kase.socialWorker];
  for (const person of told) {
    await sendCardOnce(deps, {
      id: `${task.id}:${person.entraObjectId}`,
      kind: "sick-cover-changed",
      recipient: person,
      card: cards.done({
        title: "New chair for a conference",
        message: `${chair.name} now chairs the ${meeting.kind} for case ${kase.reference}: the chair is off sick. The Outlook invitation has moved to them.`,
        caseReference: kase.reference,
      }),
      preview: `New chair for the ${meeting.kind} for case ${kase.reference}`,
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
    });
  }
  // The covering chair needs the brief the sick chair had: once its time
  // has come, it goes to them now (its notification id names the chair, so
  // each chair gets it once).
  const briefDue = briefAt(deps, meeting);
  if (briefDue !== undefined && ctx.now.getTime() >= briefDue.getTime())
    await sendBrief(deps, task, ctx);
  return { chair: chair.entraObjectId };
}
