import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import type { WorkflowDeps } from "../kernel/deps";
import { TransientError } from "../kernel/errors";
import { loadMeeting } from "../kernel/load";
import { taskIds } from "../kernel/task-ids";
import { conferenceRef, meetingPeople } from "../invitations/event-attendees";
import { enqueue } from "../kernel/enqueue";
import { updateDoc } from "../kernel/update-doc";
import { CHECK_ROOM, ROOM_CHECK_MS } from "./check-room";

/**
 * meeting.reschedule-event: moves the Outlook event to the meeting's current
 * start and end (PATCH of start/end only; Outlook tells every attendee). Run
 * after the event exists; a stood-down meeting is left to the cancellation.
 */
export async function rescheduleEvent(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status === "stood-down" || meeting.start === undefined || meeting.end === undefined) {
    return { skipped: meeting.status };
  }
  if (meeting.outlookEventId === undefined) {
    throw new TransientError("WaitingForEvent", "the Outlook event is not created yet");
  }
  const list = await deps.store.get("invite-list", `${meeting.id}:invite-list`, kase.id);
  // The people follow the move (a new chair or room with it) and the chair
  // and the clerk are made co-organisers again and read back.
  const coOrganizers = await deps.calendar.reschedule(
    deps.authority.organizer,
    conferenceRef(meeting),
    new Date(meeting.start),
    new Date(meeting.end),
    meetingPeople(kase, meeting, list),
  );
  if (meeting.inPerson && meeting.room !== undefined && meeting.room.reply !== "declined") {
    // Moving the meeting sends the room a new request: its answer is read again.
    await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
      m.room === undefined || m.room.reply === "none"
        ? undefined
        : { ...m, room: { ...m.room, reply: "none", checks: 0 } },
    );
    await enqueue(deps, {
      taskType: CHECK_ROOM,
      caseId: kase.id,
      meetingId: meeting.id,
      key: `${Date.parse(meeting.start)}-0`,
      dueAt: new Date(ctx.now.getTime() + ROOM_CHECK_MS),
    });
  }
  return { start: meeting.start, coOrganizers: coOrganizers.length };
}
