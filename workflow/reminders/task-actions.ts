import { parseSubmission } from "../../cards/common/errors";
import {
  TaskAcknowledgeSubmission,
  TaskApproveSubmission,
  TaskDoneSubmission,
  TaskReassignSubmission,
} from "../../cards/task-alert/submission";
import type { Case, Meeting, Task } from "../../model";
import { formatHumanInstant } from "../../rules";
import { staffById, asPersonRef } from "../kernel/authority";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import { bookMeeting } from "../booking/book-meeting";
import * as cards from "../kernel/cards";
import { chooseChair } from "../booking/choose-chair";
import type { WorkflowDeps } from "../kernel/deps";
import { recordLateReason } from "../timeline/late-reason";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting, loadTask } from "../kernel/load";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { updateDoc } from "../kernel/update-doc";
import { MILESTONES, milestoneOf } from "../timeline/milestones";
import { sendCardOnce } from "../kernel/notify";
import type { ActionRequest, ActionResponse } from "../../ports";
import { rolesOn, staffFor } from "../kernel/roles";
import { reassignOptions, ruleNoticeId } from "./rule-task";
import { APPROVAL_TASK } from "../booking/book";
import { cardResponse } from "../kernel/respond";

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

/**
 * Facts a reminder's "Done" must never record: that a meeting was held or
 * booked, its outcome recorded, its brief sent. Convene records those from
 * the act itself (the chair's outcome, the Outlook event), so a forged Done
 * cannot silence a limit's escalation.
 */
const NOT_BY_DONE: ReadonlySet<string> = new Set([
  MILESTONES.held,
  MILESTONES.booked,
  MILESTONES.outcomeRecorded,
  MILESTONES.briefSent,
  // Convene sends the decisions itself and records it (after-meeting/);
  // a "Done" on the reminder would claim everyone heard when nobody did.
  MILESTONES.decisionsDistributed,
]);

/** The people a rule names, the case's managers and whoever it was reassigned to: who may say it is done. */
async function mayAct(
  deps: WorkflowDeps,
  kase: Case,
  meeting: Meeting,
  task: Task,
  actorId: string,
): Promise<boolean> {
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
  const reassigned = `${task.id}:reassigned:${actorId}`;
  return (
    (await deps.store.get("notification", reassigned, reassigned)) !== undefined ||
    named.some((p) => p.entraObjectId === actorId) ||
    kase.teamManager.entraObjectId === actorId ||
    kase.serviceManager.entraObjectId === actorId
  );
}

/**
 * verb task.done: the thing a reminder asked for is done.
 * 1. parse; load the meeting and the task (which must belong to it);
 * 2. only the people the rule names, or the case's managers;
 * 3. record that it was marked done (who, their role, when, why) under the
 *    rule's milestone (a repeat changes nothing), so no later reminder or
 *    escalation chases it; the milestone itself is not recorded; audit.
 */
export async function taskDone(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const parsed = parseSubmission(TaskDoneSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing its ids.");
  const { kase, meeting, task } = await loadAll(deps, parsed.value);
  if (!(await mayAct(deps, kase, meeting, task, request.actor.objectId))) {
    await authorise(deps, request.actor, [], {
      verb: request.verb,
      kase,
      meeting,
      refusal: "you are not named on this reminder",
    });
  }
  const milestone = milestoneOf(task.taskType);
  if (milestone !== undefined && NOT_BY_DONE.has(milestone)) {
    throw new WorkflowError(
      "BadInput",
      "This is recorded when it happens, not by marking a reminder done.",
    );
  }
  if (milestone === undefined)
    throw new WorkflowError("BadInput", "This reminder has nothing to mark done.");
  if (parsed.value.lateReason !== undefined)
    await recordLateReason(
      deps,
      kase,
      meeting,
      milestone,
      parsed.value.lateReason,
      request.actor.objectId,
    );
  const now = deps.clock().toISOString();
  const reason = parsed.value.doneReason ?? parsed.value.lateReason;
  const role = doneByRole(deps, kase, meeting, request.actor.objectId);
  // "Done" stops the chasing and records who said so, when and why; it never
  // records the watched thing (an invite list, a report) as received.
  const { changed } = await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) => {
    if (m.milestones[milestone] !== undefined || m.markedDone?.[milestone] !== undefined)
      return undefined;
    return {
      ...m,
      markedDone: {
        ...m.markedDone,
        [milestone]: {
          at: now,
          by: request.actor.objectId,
          role,
          ...(reason !== undefined ? { reason } : {}),
        },
      },
    };
  });
  if (changed) {
    await audit(deps, {
      caseId: kase.id,
      actor: request.actor.objectId,
      action: "milestone.marked-done",
      target: { type: "meeting", id: meeting.id },
      detail: { milestone, taskId: task.id, role },
    });
  }
  return cardResponse(
    cards.done({
      title: "Marked done",
      message: `Nobody will be chased for this. It is recorded as marked done by the ${role}, not as received.`,
      caseReference: kase.reference,
    }),
  );
}

/** The role, in words, of whoever pressed Done: what lists show ("marked done by the team manager"). */
function doneByRole(deps: WorkflowDeps, kase: Case, meeting: Meeting, actorId: string): string {
  const roles = rolesOn(deps.authority, actorId, kase, meeting);
  if (roles.has("team-manager")) return "team manager";
  if (roles.has("service-manager")) return "service manager";
  if (roles.has("social-worker")) return "social worker";
  if (roles.has("chair")) return meeting.kind === "CLA" ? "IRO" : "chair";
  if (roles.has("clerk")) return "clerk";
  return "person it was reassigned to";
}

/** verb task.acknowledge: a manager has seen an escalation; audited. */
export async function taskAcknowledge(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const parsed = parseSubmission(TaskAcknowledgeSubmission, request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing its ids.");
  const { kase, meeting, task } = await loadAll(deps, parsed.value);
  const entry = meetingTimeline(deps.policy, meeting).entries.find((e) => e.rule === task.taskType);
  const noticeId =
    entry === undefined ? undefined : ruleNoticeId(task.id, entry.at, request.actor.objectId);
  const sent =
    noticeId === undefined ? undefined : await deps.store.get("notification", noticeId, noticeId);
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
  const watched = milestoneOf(task.taskType);
  if (parsed.value.lateReason !== undefined && watched !== undefined)
    await recordLateReason(
      deps,
      kase,
      meeting,
      watched,
      parsed.value.lateReason,
      request.actor.objectId,
    );
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
  const offered = reassignOptions(deps, kase).some((o) => o.id === parsed.value.reassignTo);
  if (target === undefined || !offered) {
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
 * verb task.approve: the approver of an out-of-timescale booking (docs/rules.md, national rules; Leicestershire: the Service Manager) approves with a rationale.
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
  // The card approved one slot; if the clerk has since chosen another, this
  // card is stale (the approval task is keyed by the slot it asked about).
  if (!task.id.endsWith(`:${pending.start.replace(/[:.]/g, "")}`)) {
    throw new WorkflowError(
      "Conflict",
      "The clerk has since chosen another slot: approve it from its own card.",
    );
  }
  if (Date.parse(pending.start) <= deps.clock().getTime()) {
    throw new WorkflowError("Conflict", "That slot has passed: the clerk needs to choose another.");
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
