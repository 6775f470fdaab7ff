import { type TaskContext, type TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import { audit } from "../kernel/audit";
import type { WorkflowDeps } from "../kernel/deps";
import { loadMeeting } from "../kernel/load";
import { taskIds } from "../kernel/task-ids";
import { updateDoc } from "../kernel/update-doc";
import { conferenceRef } from "../invitations/event-attendees";

export const SET_RECORDING = "meeting.set-recording";

/**
 * meeting.set-recording: turns recording on for the one meeting whose chair
 * agreed it (onlineMeeting allowRecording and recordAutomatically; graph/
 * reads both back and fails loudly if they did not hold). A meeting whose
 * event is not created yet gets it at creation (create-event passes the
 * agreement in the draft), so this waits for nothing.
 */
export async function setRecording(
  deps: WorkflowDeps,
  task: Task,
  ctx: TaskContext,
): Promise<TaskResult> {
  const ids = taskIds(task);
  const { kase, meeting } = await loadMeeting(deps, ids.caseId, ids.meetingId);
  if (meeting.status !== "booked" && meeting.status !== "invited")
    return { skipped: meeting.status };
  if (meeting.recording === undefined) return { skipped: "not-agreed" };
  if (meeting.recording.appliedAt !== undefined) return { skipped: "already-on" };
  if (meeting.outlookEventId === undefined) return { skipped: "no-event-yet" };
  const settings = await deps.calendar.setRecording(
    deps.authority.organizer,
    conferenceRef(meeting),
    true,
  );
  await updateDoc(deps.store, "meeting", meeting.id, kase.id, (m) =>
    m.recording === undefined || m.recording.appliedAt !== undefined
      ? undefined
      : { ...m, recording: { ...m.recording, appliedAt: ctx.now.toISOString() } },
  );
  await audit(deps, {
    caseId: kase.id,
    actor: "system",
    action: "meeting.recording-on",
    target: { type: "meeting", id: meeting.id },
    detail: { recordAutomatically: settings.recordAutomatically },
  });
  return { recording: settings.recordAutomatically };
}
