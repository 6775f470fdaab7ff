import {
  CardFactory,
  type CloudAdapter,
  type ConversationReference as BfConversationReference,
  type TurnContext,
} from "botbuilder";
import type { ConversationReference } from "../model/conversation-reference";
import type { CardJson } from "../ports/notifier";

/**
 * Sends and updates messages outside a user's turn, through the adapter's
 * continueConversationAsync (a turn context built from a stored reference).
 * Used by the notifier and by invokes that finish after their answer was
 * already sent. Errors are the Bot Connector's, thrown as is: callers classify.
 *
 * The connector client under botbuilder (Azure core pipeline) already
 * retries 429 (waiting Retry-After) and 5xx/network errors up to 3 times; an
 * error that reaches us has outlasted those.
 */
export class Proactive {
  constructor(
    private readonly adapter: CloudAdapter,
    /** "" when running without credentials (Agents Playground). */
    private readonly appId: string,
  ) {}

  async sendCard(
    reference: Partial<BfConversationReference>,
    card: CardJson,
    summary?: string,
  ): Promise<string | undefined> {
    let id: string | undefined;
    await this.continueConversation(reference, async (context) => {
      // botbuilder would send this as a reply to the continuation event's
      // made-up id (replyToActivity); a notification is a new message.
      context.onSendActivities(async (_context, activities, next) => {
        for (const activity of activities) delete activity.replyToId;
        return next();
      });
      const sent = await context.sendActivity({
        type: "message",
        attachments: [CardFactory.adaptiveCard(card)],
        // Teams shows `summary` in the notification and activity feed for a card.
        ...(summary !== undefined ? { summary } : {}),
      });
      id = sent?.id;
    });
    return id;
  }

  async updateCard(
    reference: Partial<BfConversationReference>,
    activityId: string,
    card: CardJson,
  ): Promise<void> {
    await this.continueConversation(reference, async (context) => {
      await context.updateActivity({
        id: activityId,
        type: "message",
        attachments: [CardFactory.adaptiveCard(card)],
      });
    });
  }

  /**
   * The adapter hands an error thrown inside the callback to onTurnError,
   * which logs it and swallows it: the caller would think the message went
   * out. Catch it inside and rethrow it here, where it can be classified.
   */
  private async continueConversation(
    reference: Partial<BfConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      try {
        await logic(context);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure !== undefined) throw failure.error;
  }
}

/** A stored 1:1 reference in the shape botbuilder wants. */
export function toBotReference(
  doc: Pick<
    ConversationReference,
    "channelId" | "serviceUrl" | "conversationId" | "tenantId" | "botId"
  >,
): Partial<BfConversationReference> {
  return {
    channelId: doc.channelId,
    serviceUrl: doc.serviceUrl,
    conversation: {
      id: doc.conversationId,
      tenantId: doc.tenantId,
      conversationType: "personal",
      isGroup: false,
      name: "",
    },
    bot: { id: doc.botId, name: "" },
  };
}
