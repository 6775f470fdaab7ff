import type { Case, DocOf, Meeting, Task } from "../../model";
import type { WorkflowDeps } from "./deps";
import { WorkflowError } from "./errors";
import { readOrSetAside } from "./unreadable";

/**
 * A point read for an action: a record that cannot be read is set aside
 * and raised (failure is never silent), and the actor is told plainly
 * instead of "not in Convene".
 */
async function readForAction<T extends "case" | "meeting" | "task">(
  deps: WorkflowDeps,
  type: T,
  id: string,
  pk: string,
): Promise<DocOf<T> | undefined> {
  const { doc, unreadable } = await readOrSetAside(deps, type, id, pk, "action");
  if (unreadable)
    throw new WorkflowError(
      "Permanent",
      "Convene could not read this record. It has been set aside and the service owners have been told.",
    );
  return doc;
}

/** Loads by the ids a card sent; an unknown id is the sender's mistake, told plainly. */
export async function loadCase(deps: WorkflowDeps, caseId: string): Promise<Case> {
  const kase = await readForAction(deps, "case", caseId, caseId);
  if (kase === undefined) throw new WorkflowError("NotFound", "That case is not in Convene.");
  return kase;
}

export async function loadMeeting(
  deps: WorkflowDeps,
  caseId: string,
  meetingId: string,
): Promise<{ kase: Case; meeting: Meeting }> {
  const kase = await loadCase(deps, caseId);
  const meeting = await readForAction(deps, "meeting", meetingId, caseId);
  if (meeting === undefined) {
    throw new WorkflowError("NotFound", "That conference is not in Convene for this case.");
  }
  return { kase, meeting };
}

export async function loadTask(deps: WorkflowDeps, taskId: string, pk: string): Promise<Task> {
  const task = await readForAction(deps, "task", taskId, pk);
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
