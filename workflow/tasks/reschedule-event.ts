import type { Task } from "../../model";
import type { TaskContext, TaskResult } from "../../infra/scheduler/scheduler";
import type { WorkflowDeps } from "../deps";
import { TransientError } from "../errors";
import { loadMeeting } from "../load";
import { taskIds } from "./task-ids";

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
