/**
 * The Teams notifier port. bot/ implements it with proactive messages from
 * stored conversation references; workflow/ never sees botbuilder.
 */

/** An Adaptive Card (schema 1.5) as plain JSON, built by cards/. */
export type CardJson = Record<string, unknown>;

export type SendOutcome = "sent" | "throttled" | "recipient-gone" | "failed";

export interface SendResult {
  outcome: SendOutcome;
  /** Teams' id of the message, to update the card later. */
  activityId?: string;
  httpStatus?: number;
  retryAfterMs?: number;
  /**
   * Why a recipient is gone: Convene could not be installed for them in
   * Teams (an app permission policy, or Convene's own permission). The
   * workflow then tells the service owners that the person cannot be
   * reached in Teams.
   */
  unreachable?: "install-refused";
}

export interface Notifier {
  /**
   * Send a card in the user's 1:1 chat. `preview` is the notification text
   * (and the card's fallback): never a child's name.
   */
  sendCard(userObjectId: string, card: CardJson, preview: string): Promise<SendResult>;
  /** Replace a card sent earlier (a booking that finished, a warning withdrawn). */
  updateCard(userObjectId: string, activityId: string, card: CardJson): Promise<SendResult>;
}
