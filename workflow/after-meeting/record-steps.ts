import { type TaskContext, type TaskResult } from "../../ports/tasks";
import { parseSubmission } from "../../cards/common/errors";
import {
  PlanSignedOffSubmission,
  RecordAvailableSubmission,
  RecordDistributedSubmission,
} from "../../cards/decisions/submission";
import { anyPlan, type Case, type Meeting, type Task } from "../../model";
import { asPersonRef, staffWithRole, type StaffRole } from "../kernel/authority";
import { audit } from "../kernel/audit";
import { authorise } from "../kernel/authorise";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { MILESTONES, type MilestoneName } from "../timeline/milestones";
import { sendCardOnce } from "../kernel/notify";
import type { ActionRequest, ActionResponse } from "../../ports";
import { recordMilestones } from "../timeline/record-milestones";
import { enqueue } from "../kernel/enqueue";
import { taskIds } from "../kernel/task-ids";
import { meetingIds } from "../kernel/ids";
import { cardResponse } from "../kernel/respond";
import { decisionsView } from "./decisions-view";
import { decisionsRecipients } from "./recipients";

/** The task "Record checked" queues: the clerks are asked to distribute the record (West Sussex). */
export const RECORD_DISTRIBUTION_TASK = "after-meeting.record-distribution";

interface Step {
  allowed: readonly StaffRole[];
  milestone: MilestoneName;
  action: string;
  /** Refuses (with a plain message) a step that cannot be taken yet. */
  check: (meeting: Meeting) => string | undefined;
}

const noOutcome = (m: Meeting) =>
  m.outcome === undefined ? "The outcome of this conference has not been recorded yet." : undefined;

/**
 * Leicestershire `plan.sign-off`: the chair signs off the CP plan within 5 working days
 * (only when there is a plan); Leicestershire `record.available` and West Sussex: the chair
 * checks the draft record, then the clerk (CPU) distributes the record and
 * the reports to the members. Each sets the milestone its rule watches, so
 * the rule task stops chasing (workflow/timeline/milestones.ts).
 */
const STEPS = {
  planSignedOff: {
    allowed: ["chair"],
    milestone: MILESTONES.planSignedOff,
    action: "plan.signed-off",
    check: (m) =>
      noOutcome(m) ??
      (!anyPlan(m.outcome) ? "There is no child protection plan to sign off." : undefined),
  },
  recordAvailable: {
    allowed: ["chair"],
    milestone: MILESTONES.recordAvailable,
    action: "record.available",
    check: noOutcome,
  },
  recordDistributed: {
    allowed: ["clerk"],
    milestone: MILESTONES.recordDistributed,
    action: "record.distributed",
    check: (m) =>
      noOutcome(m) ??
      (m.milestones[MILESTONES.recordAvailable] === undefined
        ? "The chair has not checked the record yet: it is distributed once they have."
        : undefined),
  },
} satisfies Record<string, Step>;

const SCHEMAS = {
  planSignedOff: PlanSignedOffSubmission,
  recordAvailable: RecordAvailableSubmission,
  recordDistributed: RecordDistributedSubmission,
};

/**
 * One use case for the three steps: load, authorise (the chair of this
 * conference, or a clerk), parse, check the step can be taken, record its
 * milestone once (a repeat changes nothing), audit (ids only), and answer
 * the refreshed card in place. "Record checked" also tasks the clerks.
 */
async function takeStep(
  deps: WorkflowDeps,
  request: ActionRequest,
  name: keyof typeof STEPS,
): Promise<ActionResponse> {
  const step: Step = STEPS[name];
  const { caseId, meetingId } = meetingIds(request.data);
  const { kase, meeting } = await loadMeeting(deps, caseId, meetingId);
  await authorise(deps, request.actor, step.allowed, { verb: request.verb, kase, meeting });
  const parsed = parseSubmission(SCHEMAS[name], request.data);
  if (!parsed.ok) throw new WorkflowError("BadInput", "The card is missing what it acts on.");
  const refusal = step.check(meeting);
  if (refusal !== undefined) throw new WorkflowError("Conflict", refusal);
  const at = deps.clock().toISOString();
  const changed = await recordMilestones(deps, { caseId, meetingId }, [step.milestone], {
    at,
    by: request.actor.objectId,
  });
  if (name === "recordAvailable") {
    await enqueue(deps, { taskType: RECORD_DISTRIBUTION_TASK, caseId, meetingId });
  }
  if (changed) {
    await audit(deps, {
      caseId,
      actor: request.actor.objectId,
      action: step.action,
      target: { type: "meeting", id: meetingId },
    });
  }
  const stored = (await deps.store.get("meeting", meetingId, caseId)) ?? meeting;
  return cardResponse(await refreshedCard(deps, kase, stored, name === "recordDistributed"));
}

async function refreshedCard(deps: WorkflowDeps, kase: Case, meeting: Meeting, clerk: boolean) {
  if (clerk) return cards.decisions(decisionsView(deps, kase, meeting, "clerk"));
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  const recipients = decisionsRecipients(deps.authority, kase, meeting, list?.invitees ?? []);
  return cards.decisions(decisionsView(deps, kase, meeting, "chair", recipients));
}

/** verb after-meeting.plan-signed-off: the chair (Leicestershire `plan.sign-off`). */
export const planSignedOff = (deps: WorkflowDeps, request: ActionRequest) =>
  takeStep(deps, request, "planSignedOff");
/** verb after-meeting.record-available: the chair has checked the record (Leicestershire, West Sussex). */
export const recordAvailable = (deps: WorkflowDeps, request: ActionRequest) =>
  takeStep(deps, request, "recordAvailable");
/** verb after-meeting.record-distributed: a clerk sent the record and reports (West Sussex). */
export const recordDistributed = (deps: WorkflowDeps, request: ActionRequest) =>
  takeStep(deps, request, "recordDistributed");

/**
 * after-meeting.record-distribution (West Sussex: the CPU distributes the chair's
 * record and reports once asked): the clerks' card, once each; nothing if
 * it was distributed meanwhile.
 */
export async function askRecordDistribution(
  deps: WorkflowDeps,
  task: Task,
  _ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.outcome === undefined) return { skipped: "no-outcome" };
  if (meeting.milestones[MILESTONES.recordDistributed] !== undefined) return { skipped: "done" };
  const card = cards.decisions(decisionsView(deps, kase, meeting, "clerk"));
  const clerks = staffWithRole(deps.authority, "clerk").map(asPersonRef);
  for (const clerk of clerks) {
    await sendCardOnce(deps, {
      id: `${meeting.id}:record-distribution:${clerk.entraObjectId}`,
      kind: "record-distribution",
      recipient: clerk,
      card,
      preview: `Record to distribute: ${meeting.kind} for case ${kase.reference}`,
      taskId: task.id,
      caseId: kase.id,
      meetingId: meeting.id,
    });
  }
  return { cards: clerks.length };
}
