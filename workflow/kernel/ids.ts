import { WorkflowError } from "./errors";

/** The ids every meeting action carries; checked before anything is loaded. */
export function meetingIds(data: unknown): { caseId: string; meetingId: string } {
  const d = (typeof data === "object" && data !== null ? data : {}) as Record<string, unknown>;
  if (typeof d.caseId !== "string" || typeof d.meetingId !== "string") {
    throw new WorkflowError("BadInput", "The card has no case or meeting id.");
  }
  return { caseId: d.caseId, meetingId: d.meetingId };
}
