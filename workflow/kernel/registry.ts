import type { z } from "zod";
import type { Verb } from "../../cards/verbs";
import type { ActionRequest, ActionResponse } from "../../ports";
import type { TaskContext, TaskHandler, TaskResult } from "../../ports/tasks";
import type { Task } from "../../model";
import type { StaffRole } from "./authority";
import type { WorkflowDeps } from "./deps";

export type UseCase = (deps: WorkflowDeps, request: ActionRequest) => Promise<ActionResponse>;

/**
 * One card verb, declared once in its feature folder: what its card submits
 * (the schema the bot and the tests parse with), the use case that acts on
 * it, and the staff roles it is offered to (the chat's help lists a person's
 * verbs from this). The use case still checks the actor's role on the case
 * itself: a social worker may act only on their own cases.
 */
export interface VerbEntry {
  verb: Verb;
  submission: z.ZodType;
  handle: UseCase;
  roles: readonly StaffRole[];
}

/** One background task type, declared once in its feature folder. */
export interface TaskEntry {
  type: string;
  run: (deps: WorkflowDeps, task: Task, ctx: TaskContext) => Promise<TaskResult | void>;
}

/** A feature's declarations: its verbs and its task types. */
export interface Feature {
  name: string;
  verbs?: readonly VerbEntry[];
  tasks?: readonly TaskEntry[];
}

export const taskEntry = (type: string, run: TaskEntry["run"]): TaskEntry => ({ type, run });

export const asHandler =
  (deps: WorkflowDeps, entry: TaskEntry): TaskHandler =>
  (task, ctx) =>
    entry.run(deps, task, ctx);
