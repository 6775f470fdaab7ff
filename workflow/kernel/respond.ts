import { audit } from "./audit";
import * as cards from "./cards";
import type { WorkflowDeps } from "./deps";
import { WorkflowError } from "./errors";
import type { ActionHandler, ActionRequest, ActionResponse, CardJson } from "../../ports";

export const cardResponse = (card: CardJson): ActionResponse => ({ kind: "card", card });

/**
 * Turns a use case into an Action.Execute handler with one error policy:
 * - a WorkflowError (bad input, a refusal, a stale card) → a clear refusal
 *   card; nothing was changed (use cases decide before they write);
 * - anything else (the store is down) → logged by ids and answered with a
 *   "try again" message that leaves the card in place: the actor retries,
 *   nothing half-done is reported as done.
 */
export function action(
  deps: WorkflowDeps,
  run: (request: ActionRequest) => Promise<ActionResponse>,
): ActionHandler {
  return async (request) => {
    try {
      return await run(request);
    } catch (err) {
      if (err instanceof WorkflowError) {
        return cardResponse(cards.refusal({ reason: err.message, code: err.code }));
      }
      deps.logger.error(
        { verb: request.verb, actor: request.actor.objectId, errorCode: codeOf(err) },
        "action failed",
      );
      await audit(deps, {
        actor: request.actor.objectId,
        action: "action.failed",
        target: { type: "verb", id: request.verb },
        detail: { code: codeOf(err) },
      }).catch(() => undefined);
      // A message, not a card: Teams keeps the card and what was typed in
      // it, so the person can simply press the button again.
      return {
        kind: "message",
        text: "Convene could not finish this just now. Please try again in a minute: nothing already done will be done twice.",
      };
    }
  };
}

function codeOf(err: unknown): string {
  if (typeof err === "object" && err !== null && "code" in err) {
    const code = (err as { code: unknown }).code;
    if (typeof code === "string") return code;
  }
  return err instanceof Error ? err.name : "Error";
}
