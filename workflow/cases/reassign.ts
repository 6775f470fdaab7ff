import type { Case, PersonRef } from "../../model";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { sendCardOnce } from "../kernel/notify";
import { ruleNoticeId } from "../reminders/rule-task";
import { meetingTimeline } from "../timeline/meeting-timeline";
import { isDone, milestoneOf } from "../timeline/milestones";

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
  previous: PersonRef,
): Promise<number> {
  const meetings = await deps.store.meetingsOfCase(kase.id);
  let moved = 0;
  for (const meeting of meetings.items) {
    if (!OPEN.has(meeting.status)) continue;
    const timeline = meetingTimeline(deps.policy, meeting);
    for (const entry of timeline.entries) {
      if (isDone(meeting, entry.rule)) continue;
      const taskId = `${meeting.id}:${entry.rule}`;
      const noticeId = ruleNoticeId(taskId, entry.at, previous.entraObjectId);
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
        previous.entraObjectId,
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
