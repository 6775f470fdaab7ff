import type { Meeting } from "../../model";
import { WorkflowError } from "../kernel/errors";

const HELD: ReadonlySet<Meeting["status"]> = new Set(["held", "outcome-recorded"]);

/** A meeting that can still be stood down, or a clear refusal (docs/rules.md, stand-down). */
export function assertStillOpen(meeting: Meeting): void {
  if (meeting.status === "stood-down")
    throw new WorkflowError("Conflict", "This meeting has already been stood down.");
  if (HELD.has(meeting.status))
    throw new WorkflowError("Conflict", "This meeting has been held: it cannot be stood down.");
}
