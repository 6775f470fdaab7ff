import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Case, Meeting, PersonRef, Task } from "../../model";
import { asPersonRef, staffById } from "../kernel/authority";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import { taskIds } from "../kernel/task-ids";
import { STAND_DOWN_REFUSED_TASK } from "./task-types";
import { meetingWords, whenText } from "./words";

/** The person who asked: one of the case's people or its chair, else the staff list. */
function personOf(deps: WorkflowDeps, kase: Case, meeting: Meeting, id: string) {
  const known: (PersonRef | undefined)[] = [
    kase.socialWorker,
    kase.teamManager,
    kase.serviceManager,
    meeting.chair,
    kase.chair,
  ];
  const onCase = known.find((p) => p?.entraObjectId === id);
  if (onCase !== undefined) return onCase;
  const staff = staffById(deps.authority, id);
  return staff === undefined ? undefined : asPersonRef(staff);
}

/**
 * meeting.stand-down-refused (docs/rules.md, stand-down): the person who asked
 * for a stand-down is told who refused it and why, and that the meeting
 * goes ahead as booked. The task key is the refused request's id, and the
 * notification id is the task's and the requester's: sent exactly once.
 */
export async function notifyStandDownRefused(
  deps: WorkflowDeps,
  task: Task,
  _ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  const prefix = `${meeting.id}:${STAND_DOWN_REFUSED_TASK}:`;
  const refusal = (meeting.standDownRefusals ?? []).find(
    (r) => `${prefix}${r.requestId}` === task.id,
  );
  if (refusal === undefined) return { skipped: "no-such-refusal" };
  const requester = personOf(deps, kase, meeting, refusal.requestedBy);
  if (requester === undefined) return { skipped: "requester-unknown" };
  const refuser =
    personOf(deps, kase, meeting, refusal.by)?.name ?? "someone not on the staff list";
  await sendCardOnce(deps, {
    id: `${task.id}:${requester.entraObjectId}`,
    kind: "stand-down-refused",
    recipient: requester,
    card: cards.done({
      title: `Stand-down refused: ${meeting.kind}`,
      message: `${refuser} refused your request to stand down the ${meetingWords(meeting)} on ${whenText(meeting)}. It goes ahead as booked; you can ask again if things change.`,
      caseReference: kase.reference,
      facts: [
        { title: "Refused by", value: refuser },
        { title: "Why", value: refusal.reason },
      ],
    }),
    preview: `Stand-down refused: ${meeting.kind} for case ${kase.reference}`,
    taskId: task.id,
    caseId: kase.id,
    meetingId: meeting.id,
  });
  return { told: requester.entraObjectId };
}
