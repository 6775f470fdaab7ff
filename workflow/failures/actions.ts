import { FailureActionSubmission } from "../../cards/needs-attention/submission";
import type { ActionRequest, ActionResponse } from "../../ports";
import { audit } from "../kernel/audit";
import * as cards from "../kernel/cards";
import type { WorkflowDeps } from "../kernel/deps";
import { WorkflowError } from "../kernel/errors";
import { cardResponse } from "../kernel/respond";
import { closeIncident, findIncident, retryTask } from "./retry";

async function load(deps: WorkflowDeps, request: ActionRequest) {
  const parsed = FailureActionSubmission.safeParse(request.data);
  if (!parsed.success) throw new WorkflowError("BadInput", "The card is missing what it is about.");
  // Only the service owners the authority file names act on failures.
  if (!deps.authority.serviceOwners.some((o) => o.entraObjectId === request.actor.objectId)) {
    throw new WorkflowError("Forbidden", "only the people who run Convene can do this");
  }
  const incident = await findIncident(deps.store, parsed.data.incidentId);
  if (incident === undefined)
    throw new WorkflowError("NotFound", "That problem is not in Convene.");
  return incident;
}

/** failure.retry: the task runs again now; the incident is closed as retried. */
export async function failureRetry(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const incident = await load(deps, request);
  if (incident.status !== "open") {
    return cardResponse(
      cards.done({
        title: "Already dealt with",
        message: "Someone has already retried this or marked it handled.",
      }),
    );
  }
  if (incident.taskId === undefined || incident.taskPk === undefined) {
    throw new WorkflowError(
      "BadInput",
      "there is nothing to retry: mark it handled once it is put right",
    );
  }
  const outcome = await retryTask(deps, incident.taskId, incident.taskPk);
  if (!outcome.ok && outcome.reason === "no-such-task") {
    throw new WorkflowError("NotFound", "That step is no longer in Convene.");
  }
  await closeIncident(deps, incident, "retried", request.actor.objectId);
  await audit(deps, {
    actor: request.actor.objectId,
    action: "failure.retry",
    target: { type: "task", id: incident.taskId },
    ...(incident.caseId !== undefined ? { caseId: incident.caseId } : {}),
  });
  deps.kick();
  return cardResponse(
    cards.done({
      title: "Retrying",
      message: outcome.ok
        ? "Convene is trying again now. If it fails again, you will get a new card."
        : "It had already been started again.",
    }),
  );
}

/** failure.handled: someone put it right by hand; recorded with who and when. */
export async function failureHandled(
  deps: WorkflowDeps,
  request: ActionRequest,
): Promise<ActionResponse> {
  const incident = await load(deps, request);
  if (incident.status === "open") {
    await closeIncident(deps, incident, "handled", request.actor.objectId);
    await audit(deps, {
      actor: request.actor.objectId,
      action: "failure.handled",
      target: { type: "incident", id: incident.id },
      ...(incident.caseId !== undefined ? { caseId: incident.caseId } : {}),
    });
  }
  return cardResponse(cards.done({ title: "Marked handled", message: "Recorded as dealt with." }));
}
