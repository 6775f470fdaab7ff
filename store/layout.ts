import type { DocType, Task } from "../model";

/**
 * Where each document type lives. Cosmos uses these as container names; the
 * SQLite adapter keeps the same names in a column so that id uniqueness is
 * the same in both (unique per container and partition, as in Cosmos).
 * Reasons: docs/architecture.md, "Durable state".
 */
export const CONTAINERS = [
  "cases",
  "tasks",
  "notifications",
  "conversations",
  "audit",
  "keys",
] as const;
export type ContainerName = (typeof CONTAINERS)[number];

export const CONTAINER_OF: Record<DocType, ContainerName> = {
  case: "cases",
  meeting: "cases",
  "invite-list": "cases",
  "access-needs": "cases",
  "report-status": "cases",
  "register-entry": "cases",
  // Chairs (West Sussex): point reads by id; pk the chair (unavailability) or
  // rota:<authority> (duty rota); see model/chair-unavailability.ts and
  // model/duty-rota.ts for why each change is one document.
  "chair-unavailability": "cases",
  "duty-rota": "cases",
  "case-mapping-month": "cases",
  "qa-notice": "cases",
  consultation: "cases",
  // One document per authority (model/staff-list.ts), read by id.
  "staff-list": "cases",
  task: "tasks",
  // Few, one partition ("incidents"): beside the tasks they are about.
  incident: "tasks",
  notification: "notifications",
  "inbound-notification": "notifications",
  "conversation-reference": "conversations",
  "audit-entry": "audit",
  // The audit trail's pseudonymisation keys: apart from the audit, so that
  // erasing a child deletes a key and never touches an audit entry.
  "subject-key": "keys",
};

/**
 * The instant a task becomes claimable, kept by the store beside the task
 * (a column, or a `readyAt` property in Cosmos) and never part of the domain
 * type: dueAt while pending, leaseUntil while running, none once settled.
 * One indexed range (`readyAt <= now`, ordered by readyAt) then answers the
 * due-task query, expired leases included, without an OR over two indexes.
 */
export function readyAtOf(task: Task): string | undefined {
  if (task.status === "pending") return task.dueAt;
  if (task.status === "running") return task.leaseUntil;
  return undefined;
}
