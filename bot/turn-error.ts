import { type Logger } from "../ports/logger";
import { ActivityTypes, INVOKE_RESPONSE_KEY, type TurnContext } from "botbuilder";
import { actorOf } from "./activity-shapes";
import { somethingWentWrongCard } from "./edge-cards";
import { errorCode } from "./errors";
import { cardInvokeResponse } from "./invoke-responses";

/**
 * The one turn-error handler (CloudAdapter.onTurnError). It logs ids and the
 * error's code only: the message of an error thrown deep in a handler could
 * quote a child's name or a submission. The user is told that something
 * went wrong, never what.
 */
export function turnErrorHandler(logger: Logger) {
  return async (context: TurnContext, error: Error): Promise<void> => {
    const { activity } = context;
    const code = errorCode(error);
    logger.error(
      {
        activityId: activity.id,
        activityType: activity.type,
        invokeName: activity.name,
        userObjectId: actorOf(activity.from)?.objectId,
        code,
      },
      "turn failed",
    );
    try {
      if (activity.type === ActivityTypes.Invoke) {
        if (context.turnState.get(INVOKE_RESPONSE_KEY) === undefined) {
          await context.sendActivity({
            type: ActivityTypes.InvokeResponse,
            value: cardInvokeResponse(somethingWentWrongCard()),
          });
        }
      } else if (activity.type === ActivityTypes.Message) {
        await context.sendActivity(
          `Something went wrong in Convene. Please try again in a few minutes (reference: ${code}).`,
        );
      }
    } catch (sendErr) {
      // The channel itself may be what failed; the log line above is what counts.
      logger.warn({ activityId: activity.id, code: errorCode(sendErr) }, "turn error not shown");
    }
  };
}
