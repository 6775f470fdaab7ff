import { type Logger } from "../ports/logger";
import { telemetry } from "../ports/telemetry";
import { TurnContext, type InvokeResponse } from "botbuilder";
import type { ActionResponse, BotHandlers } from "../ports/actions";
import type { CardJson } from "../ports/notifier";
import { ActionExecuteValue, actorOf } from "./activity-shapes";
import { afterResponse } from "./after-response";
import type { Background } from "./background";
import { errorCard, somethingWentWrongCard, textCard, workingCard } from "./edge-cards";
import { errorCode } from "./errors";
import {
  actionInvokeResponse,
  badRequestInvokeResponse,
  cardInvokeResponse,
} from "./invoke-responses";
import type { Proactive } from "./proactive";
import type { RecentInvokes } from "./recent-invokes";
import { settleWithin } from "./settle-within";

export interface ActionInvokeDeps {
  handlers: BotHandlers;
  proactive: Proactive;
  recent: RecentInvokes<ActionResponse>;
  background: Background;
  logger: Logger;
  /**
   * How long a handler may take before the invoke is answered "working on
   * it". Teams shows an error if an invoke is not answered within about 2 s
   * (docs/architecture.md; the conference journey in Teams), so 1.5 s leaves room for the network.
   */
  budgetMs: number;
}

/**
 * Answers an `adaptiveCard/action` invoke (Action.Execute):
 * 1. validate the value with zod; refuse anything that is not an Action.Execute;
 * 2. find the actor (Entra object id) and the handler for the verb;
 * 3. run the handler once per (conversation, activity id) within a short window;
 * 4. answer with its card or message if it finishes within the budget;
 * 5. otherwise answer "working on it" and, once the HTTP answer is out and the
 *    handler has finished, replace that card with the result (updateActivity
 *    on `replyToId`, the message holding the card).
 */
export async function answerActionInvoke(
  context: TurnContext,
  deps: ActionInvokeDeps,
): Promise<InvokeResponse> {
  const { activity } = context;
  const { logger } = deps;
  const parsed = ActionExecuteValue.safeParse(activity.value);
  if (!parsed.success) {
    logger.warn({ activityId: activity.id, code: "InvalidInvoke" }, "invoke refused");
    return badRequestInvokeResponse("Not an Action.Execute: Convene cannot act on this.");
  }
  const { verb, data } = parsed.data.action;
  const actor = actorOf(activity.from);
  if (actor === undefined) {
    logger.warn({ activityId: activity.id, verb, code: "NoActor" }, "invoke refused");
    return cardInvokeResponse(
      errorCard(
        "Convene could not tell who you are",
        "This action needs your Microsoft 365 account. Please open Convene in Teams and try again.",
      ),
    );
  }
  const handler = deps.handlers.actions.get(verb);
  if (handler === undefined) {
    logger.warn({ activityId: activity.id, verb, code: "UnknownVerb" }, "invoke refused");
    return cardInvokeResponse(
      errorCard(
        "This action is no longer available",
        'The card may be out of date. Ask Convene for a new one (type "help").',
      ),
    );
  }

  const log = { activityId: activity.id, verb, userObjectId: actor.objectId };
  const key = `${activity.conversation?.id ?? ""}|${activity.id ?? ""}`;
  const started = performance.now();
  const run =
    activity.id === undefined
      ? { promise: handler({ actor, verb, data, activityId: activity.replyToId }), fresh: true }
      : deps.recent.run(key, () => handler({ actor, verb, data, activityId: activity.replyToId }));
  if (!run.fresh) logger.info(log, "invoke repeated: sharing the run already started");

  try {
    const settled = await settleWithin(run.promise, deps.budgetMs);
    if (settled.done) {
      telemetry.invoke(verb, performance.now() - started, "answered");
      return actionInvokeResponse(settled.value);
    }
  } catch (err) {
    telemetry.invoke(verb, performance.now() - started, "failed");
    logger.error({ ...log, code: errorCode(err) }, "action handler failed");
    return cardInvokeResponse(somethingWentWrongCard());
  }

  // Late: only the run's owner updates the card; a repeat just answers "working".
  if (run.fresh) {
    const reference = TurnContext.getConversationReference(activity);
    const cardActivityId = activity.replyToId;
    afterResponse(context, () =>
      deps.background.run(async () => {
        let card: CardJson;
        try {
          const response = await run.promise;
          card = response.kind === "card" ? response.card : textCard(response.text);
          logger.info(
            { ...log, ms: Math.round(performance.now() - started) },
            "late action finished",
          );
        } catch (err) {
          logger.error({ ...log, code: errorCode(err) }, "action handler failed after answering");
          card = somethingWentWrongCard();
        }
        try {
          if (cardActivityId !== undefined) {
            await deps.proactive.updateCard(reference, cardActivityId, card);
          } else {
            await deps.proactive.sendCard(reference, card);
          }
        } catch (err) {
          logger.warn({ ...log, code: errorCode(err) }, "late action result not delivered");
        }
      }),
    );
  }
  telemetry.invoke(verb, performance.now() - started, "late");
  return cardInvokeResponse(workingCard());
}
