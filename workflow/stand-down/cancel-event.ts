import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { CalendarError } from "../../ports";
import { taskIds } from "../kernel/task-ids";
import { meetingWords, tellerOf } from "./words";

/**
 * meeting.cancel-event: Outlook cancels the event for every attendee
 * (docs/rules.md, stand-down), with a short message naming who will be in touch;
 * no reason and no rationale (the event reaches agencies' mailboxes).
 * Throttling and 5xx are retried by the scheduler; an event already gone
 * (cancelled by an earlier run that died before finishing) is success.
 * A meeting stood down before its event existed has nothing to cancel
 * (meeting.create-event skips a stood-down meeting).
 */
export async function cancelEvent(
  deps: WorkflowDeps,
  task: Task,
  _ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status !== "stood-down" || meeting.standDown === undefined)
    return { skipped: meeting.status };
  if (meeting.outlookEventId === undefined) return { skipped: "no-event" };
  const teller = tellerOf(deps, kase, meeting.standDown);
  const comment = [
    `This ${meetingWords(meeting)} (case ${kase.reference}) has been stood down and will not go ahead.`,
    meeting.standDown.reason === "no-longer-needed"
      ? "It is no longer needed."
      : "A new date will follow.",
    `${teller.name} (${teller.role}) will be in touch.`,
  ].join(" ");
  try {
    await deps.calendar.cancel(deps.authority.organizer, meeting.outlookEventId, comment);
  } catch (err) {
    if (err instanceof CalendarError && err.outcome === "gone") return { cancelled: "already" };
    throw err;
  }
  return { cancelled: meeting.outlookEventId };
}
