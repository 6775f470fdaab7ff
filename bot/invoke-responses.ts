import type { InvokeResponse } from "botbuilder";
import type { ActionResponse } from "../ports/actions";
import type { CardJson } from "../ports/notifier";

/**
 * The Universal Actions answers to an `adaptiveCard/action` invoke. Teams
 * replaces the actioned card with a card answer and shows a message answer
 * as a toast, leaving the card as it was.
 */
export const CARD_TYPE = "application/vnd.microsoft.card.adaptive";
export const MESSAGE_TYPE = "application/vnd.microsoft.activity.message";
export const ERROR_TYPE = "application/vnd.microsoft.error";

export function cardInvokeResponse(card: CardJson): InvokeResponse {
  return { status: 200, body: { statusCode: 200, type: CARD_TYPE, value: card } };
}

export function actionInvokeResponse(response: ActionResponse): InvokeResponse {
  if (response.kind === "card") return cardInvokeResponse(response.card);
  return { status: 200, body: { statusCode: 200, type: MESSAGE_TYPE, value: response.text } };
}

/** For a request that is not an Action.Execute at all: no card could have sent it. */
export function badRequestInvokeResponse(message: string): InvokeResponse {
  return {
    status: 400,
    body: { statusCode: 400, type: ERROR_TYPE, value: { code: "BadRequest", message } },
  };
}
