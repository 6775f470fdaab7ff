import { createOnce } from "../kernel/create-once";
import { createHash } from "node:crypto";
import { taskPk, type Case, type Task } from "../../model";
import type { TaskResult } from "../../ports/tasks";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { TransientError } from "../kernel/errors";
import { loadCase } from "../kernel/load";
import { sendCardOnce } from "../kernel/notify";
import { ruleNoticeId } from "../reminders/rule-task";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { isDone, milestoneOf } from "../timeline/milestones";

/** The background task that moves a reassigned case's open cards. */
export const MOVE_CARDS = "case.move-cards";

/**
 * The version of the case before a change of social worker, and who it was:
 * the move task's id carries both, so each reassignment is queued once
 * (a rerun of the same change finds its task) and the task can tell a case
 * not yet written from one given back to the same person.
 */
export const versionKey = (kase: Case): string =>
  createHash("sha256")
    .update(`${kase.etag ?? ""}|${kase.socialWorker.entraObjectId}`)
    .digest("hex")
    .slice(0, 16);

/**
 * The one path of a change of social worker, whichever way it came (the
 * card, the case API, the go-live import): queued as a task before the case
 * is written, so a crash between the two leaves the task to finish the
 * move once a rerun writes the case. It waits for no Teams call: the
 * card's answer does not, and the import (no Teams connection) leaves it to
 * the server's scheduler. The caller kicks the scheduler once the case is
 * written.
 */
export async function queueCardMove(deps: WorkflowDeps, before: Case): Promise<void> {
  const base = { taskType: MOVE_CARDS, caseId: before.id };
  const task: Task = {
    id: `${before.id}:${MOVE_CARDS}:${versionKey(before)}:${before.socialWorker.entraObjectId}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: deps.clock().toISOString(),
    status: "pending",
    attempts: 0,
  };
  await createOnce(deps.store, task);
}

/**
 * case.move-cards: the previous social worker's open cards go to the case's
 * social worker now. A case still at the version the task was queued from
 * is not written yet: tried again later. One given back to the same person
 * since has nothing to move.
 */
export async function runCardMove(deps: WorkflowDeps, task: Task): Promise<TaskResult> {
  const previous = task.id.slice(task.id.lastIndexOf(":") + 1);
  const kase = await loadCase(deps, task.caseId ?? "");
  if (kase.socialWorker.entraObjectId === previous) {
    if (task.id.includes(`:${versionKey(kase)}:`))
      throw new TransientError(
        "CaseNotWritten",
        "the case is not written with its new social worker yet",
      );
    return { skipped: "same social worker" };
  }
  return { moved: await moveOpenCards(deps, kase, previous) };
}

/** Meetings whose reminders can still need acting on. */
const OPEN = new Set(["requested", "booked", "invited", "held"]);

/**
 * The social worker changed: every reminder or escalation card the old social
 * worker holds for a thing not yet done on an open meeting of the case is
 * withdrawn (replaced in their chat by a short note) and the same card goes
 * to the new social worker. Cards are found by their deterministic ids
 * (rule-task.ts), so a rerun withdraws and sends each once. Reminders not
 * yet due go to the new social worker anyway: they read the case when they fire.
 * Answers how many cards moved.
 */
export async function moveOpenCards(
  deps: WorkflowDeps,
  kase: Case,
  /** The previous social worker's Entra object id. */
  previous: string,
): Promise<number> {
  const meetings = await deps.store.meetingsOfCase(kase.id);
  let moved = 0;
  for (const meeting of meetings.items) {
    if (!OPEN.has(meeting.status)) continue;
    const timeline = meetingTimeline(deps.policy, meeting);
    for (const entry of timeline.entries) {
      if (isDone(meeting, entry.rule)) continue;
      const taskId = `${meeting.id}:${entry.rule}`;
      const noticeId = ruleNoticeId(taskId, entry.at, previous);
      const notice = await deps.store.get("notification", noticeId, noticeId);
      if (notice === undefined || notice.status !== "sent" || notice.activityId === undefined)
        continue;
      const kind = notice.kind === "escalation" ? "escalation" : "reminder";
      await sendCardOnce(deps, {
        id: ruleNoticeId(taskId, entry.at, kase.socialWorker.entraObjectId),
        kind,
        recipient: kase.socialWorker,
        card: cards.taskAlert({
          caseId: kase.id,
          caseReference: kase.reference,
          kind,
          taskId,
          meetingId: meeting.id,
          ruleId: entry.rule,
          what: entry.text,
          dueAt: new Date(entry.at).toISOString(),
          now: deps.clock().toISOString(),
          ...(meeting.start !== undefined ? { meetingStart: meeting.start } : {}),
          actions: milestoneOf(entry.rule) !== undefined ? ["done"] : [],
        }),
        preview: `Case ${kase.reference} is now yours: ${meeting.kind} ${kind}`,
        taskId,
        caseId: kase.id,
        meetingId: meeting.id,
      });
      const result = await deps.notifier.updateCard(
        previous,
        notice.activityId,
        cards.done({
          title: "Case reassigned",
          message: "This case now has another social worker. This card has gone to them.",
          caseReference: kase.reference,
        }),
      );
      if (result.outcome !== "sent") {
        // Not silent: the old card stays up, and the log says which notification.
        deps.logger.warn({ caseId: kase.id, notificationId: noticeId }, "card not withdrawn");
      }
      moved++;
    }
  }
  return moved;
}
