import type { Task } from "../../model";
import { PermanentTaskError } from "../../ports/task-errors";

/** A meeting task without its ids is a bug in whoever stored it: permanent, never retried. */
export function taskIds(task: Task): { caseId: string; meetingId: string } {
  if (task.caseId === undefined || task.meetingId === undefined) {
    throw new PermanentTaskError("BadInput", `task ${task.id} has no case or meeting id`);
  }
  return { caseId: task.caseId, meetingId: task.meetingId };
}
