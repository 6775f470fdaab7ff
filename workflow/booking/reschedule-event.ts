import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { TransientError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { taskIds } from "../kernel/task-ids";

/**
 * meeting.reschedule-event: moves the Outlook event to the meeting's current
 * start and end (PATCH of start/end only; Outlook tells every attendee). Run
 * after the event exists; a stood-down meeting is left to the cancellation.
 */
export async function rescheduleEvent(
  deps: WorkflowDeps,
  task: Task,
  _ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status === "stood-down" || meeting.start === undefined || meeting.end === undefined) {
    return { skipped: meeting.status };
  }
  if (meeting.outlookEventId === undefined) {
    throw new TransientError("WaitingForEvent", "the Outlook event is not created yet");
  }
  await deps.calendar.reschedule(
    deps.authority.organizer,
    meeting.outlookEventId,
    new Date(meeting.start),
    new Date(meeting.end),
  );
  return { start: meeting.start };
}
