/**
 * docs/architecture.md, errors carry a code. A WorkflowError is bad input or a refusal: the actor is
 * told `message` and nothing changes; the scheduler never retries it
 * (its codes are permanent). A TransientError is retried by the scheduler.
 */
export type WorkflowErrorCode =
  "BadInput" | "Forbidden" | "NotFound" | "Conflict" | "NeedsApproval" | "Permanent";

export class WorkflowError extends Error {
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "WorkflowError";
  }
}

export class TransientError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "TransientError";
  }
}
