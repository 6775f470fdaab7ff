import type { Case, Meeting, Task } from "../../model";
import type { WorkflowDeps } from "./deps";
import { WorkflowError } from "./errors";

/** Loads by the ids a card sent; an unknown id is the sender's mistake, told plainly. */
export async function loadCase(deps: WorkflowDeps, caseId: string): Promise<Case> {
  const kase = await deps.store.get("case", caseId, caseId);
  if (kase === undefined) throw new WorkflowError("NotFound", "That case is not in Convene.");
  return kase;
}

export async function loadMeeting(
  deps: WorkflowDeps,
  caseId: string,
  meetingId: string,
): Promise<{ kase: Case; meeting: Meeting }> {
  const kase = await loadCase(deps, caseId);
  const meeting = await deps.store.get("meeting", meetingId, caseId);
  if (meeting === undefined) {
    throw new WorkflowError("NotFound", "That conference is not in Convene for this case.");
  }
  return { kase, meeting };
}

export async function loadTask(deps: WorkflowDeps, taskId: string, pk: string): Promise<Task> {
  const task = await deps.store.get("task", taskId, pk);
  if (task === undefined) throw new WorkflowError("NotFound", "That reminder is not in Convene.");
  return task;
}

/** Finds a case by the council's reference (typed in chat: "book C-1042"). */
export function caseIdOf(reference: string): string {
  return `case-${reference
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9._-]+/g, "-")}`;
}
