import { parseSubmission } from "../../cards/common/errors";
import {
  TaskAcknowledgeSubmission,
  TaskApproveSubmission,
  TaskDoneSubmission,
  TaskReassignSubmission,
} from "../../cards/task-alert/submission";
import type { Case, Meeting, Task } from "../../model";
import { formatHumanInstant } from "../../rules";
import { staffById, asPersonRef } from "../authority";
import { audit } from "../audit";
import { authorise } from "../authorise";
import { bookMeeting } from "../book-meeting";
import * as cards from "../cards";
import { chooseChair } from "../choose-chair";
import type { WorkflowDeps } from "../deps";
import { WorkflowError } from "../errors";
import { loadMeeting, loadTask } from "../load";
import { meetingTimeline } from "../meeting-timeline";
import { milestoneOf } from "../milestones";
import { sendCardOnce } from "../notify";
import type { ActionRequest, ActionResponse } from "../ports";
import { staffFor } from "../roles";
import { updateDoc } from "../update-doc";
import { APPROVAL_TASK } from "./book";
import { cardResponse } from "./respond";

async function loadAll(
  deps: WorkflowDeps,
  data: { caseId: string; meetingId?: string | undefined; taskId: string },
) {
  if (data.meetingId === undefined)
    throw new WorkflowError("BadInput", "The card has no meeting id.");
  const { kase, meeting } = await loadMeeting(deps, data.caseId, data.meetingId);
  const task = await loadTask(deps, data.taskId, meeting.id);
  if (task.meetingId !== meeting.id || task.caseId !== kase.id) {
    throw new WorkflowError("BadInput", "That reminder belongs to another conference.");
  }
  return { kase, meeting, task };
}

/** The people a rule names, and the case's managers: who may say it is done. */
function mayAct(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  task: Task,
  actorId: string,
): boolean {
  const entry =
    meeting.start !== undefined || meeting.anchors
      ? meetingTimeline(deps.policy, meeting).entries.find((e) => e.rule === task.taskType)
      : undefined;
  const named =
    entry === undefined
      ? []
      : staffFor([...entry.who, ...(entry.escalateTo ?? [])], {
          authority: deps.authority,
          kase,
          meeting,
        });
  return (
    named.some((p) => p.entraObjectId === actorId) ||
    kase.teamManager.entraObjectId === actorId ||
    kase.serviceManager.entraObjectId === actorId
  );
}

/**
 * verb task.done: the thing a reminder asked for is done.
 * 1. parse; load the meeting and the task (which must belong to it);
 * 2. only the people the rule names, or the case's managers;
 * 3. record the rule's milestone on the meeting (a repeat changes nothing),
 *    so no later reminder or escalation chases it; audit.
 */
export async function taskDone(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const parsed = parseSubmission(TaskDoneSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing its ids.");
  const { kase, meeting, task } = await loadAll(deps, parsed.value);
  if (!mayAct(deps, kase, meeting, task, request.actor.objectId)) {
    await authorise(deps, request.actor, [], {
      verb: request.verb,
      kase,
      meeting,
      refusal: "you are not named on this reminder",
    });
  }
  const milestone = milestoneOf(task.taskType);
  if (milestone === undefined)
    throw new WorkflowError("BadInput", "This reminder has nothing to mark done.");
  const now = deps.clock().toISOString();
  const { changed } = await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
    m.milestones[milestone] !== undefined
      ? undefined
      : {
          ...m,
          milestones: { ...m.milestones, [milestone]: { at: now, by: request.actor.objectId } },
        },
  );
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "milestone.record",
      target: { type: "meeting", id: meeting.id },
      detail: { milestone, taskId: task.id },
    });
  }
  return cardResponse(
    cards.done({
      title: "Marked done",
      message: "Nobody will be chased for this.",
      caseReference: kase.reference,
    }),
  );
}

/** verb task.acknowledge: a manager has seen an escalation; audited. */
export async function taskAcknowledge(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const parsed = parseSubmission(TaskAcknowledgeSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing its ids.");
  const { kase, meeting, task } = await loadAll(deps, parsed.value);
  const sent = await deps.store.get(
    "notification",
    `${task.id}:${request.actor.objectId}`,
    `${task.id}:${request.actor.objectId}`,
  );
  if (sent === undefined) {
    await authorise(deps, request.actor, [], {
      verb: request.verb,
      kase,
      meeting,
      refusal: "this escalation was not sent to you",
    });
  }
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "task.acknowledge",
    target: { type: "task", id: task.id },
  });
  return cardResponse(
    cards.done({ title: "Acknowledged", message: "Recorded.", caseReference: kase.reference }),
  );
}

/** verb task.reassign: the case's TM or SM hands the reminder to someone the card offered. */
export async function taskReassign(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const parsed = parseSubmission(TaskReassignSubmission, request.data);
  if (!parsed.ok)
    throw new WorkflowError("BadInput", parsed.errors.reassignTo ?? "The card is missing its ids.");
  const { kase, meeting, task } = await loadAll(deps, parsed.value);
  await authorise(deps, request.actor, ["team-manager", "service-manager"], {
    verb: request.verb,
    kase,
    meeting,
  });
  const target = staffById(deps.authority, parsed.value.reassignTo);
  if (
    target === undefined ||
    (!target.roles.includes("social-worker") &&
      target.entraObjectId !== kase.teamManager.entraObjectId)
  ) {
    throw new WorkflowError("BadInput", "Choose someone from the list offered.");
  }
  const entry = meetingTimeline(deps.policy, meeting).entries.find((e) => e.rule === task.taskType);
  await sendCardOnce(deps, {
    id: `${task.id}:reassigned:${target.entraObjectId}`,
    kind: "reminder",
    recipient: asPersonRef(target),
    card: cards.taskAlert({
      caseId: kase.id,
      caseReference: kase.reference,
      kind: "reminder",
      taskId: task.id,
      meetingId: meeting.id,
      ruleId: task.taskType,
      what: entry?.text ?? task.taskType,
      dueAt: task.dueAt,
      now: deps.clock().toISOString(),
      actions: milestoneOf(task.taskType) !== undefined ? ["done"] : [],
    }),
    preview: `Reassigned to you: ${meeting.kind} for case ${kase.reference}`,
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "task.reassign",
    target: { type: "task", id: task.id },
    detail: { to: target.entraObjectId },
  });
  return cardResponse(
    cards.done({
      title: "Reassigned",
      message: `${target.name} has been sent the reminder.`,
      caseReference: kase.reference,
    }),
  );
}

/**
 * verb task.approve: the approver of an out-of-timescale booking (RULES.md
 * section 3; 002: the Service Manager) approves with a rationale.
 * 1. parse (a rationale is required); load; the task must be an approval
 *    and the actor the approver the clerk chose;
 * 2. book the slot with the approval recorded on the meeting (it stays on
 *    every exception report until held); a repeat changes nothing;
 * 3. audit.
 */
export async function taskApprove(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const parsed = parseSubmission(TaskApproveSubmission, request.data);
  if (!parsed.ok)
    throw new WorkflowError(
      "BadInput",
      parsed.errors.approvalRationale ?? "The card is missing its ids.",
    );
  const { kase, meeting, task } = await loadAll(deps, parsed.value);
  if (task.taskType !== APPROVAL_TASK)
    throw new WorkflowError("BadInput", "There is nothing to approve on this reminder.");
  if (meeting.status !== "requested") {
    if (meeting.outOfTimescale?.approvedBy === request.actor.objectId) {
      return cardResponse(
        cards.done({
          title: "Already approved",
          message: "The conference is booked.",
          caseReference: kase.reference,
        }),
      );
    }
    throw new WorkflowError("Conflict", "This conference is already booked.");
  }
  const pending = meeting.pendingBooking;
  if (pending === undefined || pending.approverId !== request.actor.objectId) {
    await authorise(deps, request.actor, [], {
      verb: request.verb,
      kase,
      meeting,
      refusal: "only the approver the clerk chose can approve this",
    });
    throw new WorkflowError("Forbidden", "only the approver the clerk chose can approve this");
  }
  const now = deps.clock().toISOString();
  await bookMeeting(deps, request.actor, kase, meeting.id, {
    start: pending.start,
    end: pending.end,
    inPerson: pending.inPerson,
    chair: chooseChair(deps.authority, kase, meeting),
    outOfTimescale: {
      approvedBy: request.actor.objectId,
      approvedAt: now,
      reason: parsed.value.approvalRationale,
    },
  });
  await audit(deps, {
    caseId: kase.id,
    actor: request.actor.objectId,
    action: "meeting.out-of-timescale.approved",
    target: { type: "meeting", id: meeting.id },
  });
  return cardResponse(
    cards.done({
      title: "Approved",
      message: `The conference is being booked for ${formatHumanInstant(Date.parse(pending.start))}, out of timescale.`,
      caseReference: kase.reference,
    }),
  );
}
