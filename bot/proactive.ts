import {
  CardFactory,
  type CloudAdapter,
  type ConversationReference as BfConversationReference,
} from "botbuilder";
import type { ConversationReference } from "../model/conversation-reference";
import type { CardJson } from "../workflow/ports/notifier";

/**
 * Sends and updates messages outside a user's turn, through the adapter's
 * continueConversationAsync (a turn context built from a stored reference).
 * Used by the notifier and by invokes that finish after their answer was
 * already sent. Errors are the Bot Connector's, thrown as is: callers classify.
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
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
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
    await this.adapter.continueConversationAsync(this.appId, reference, async (context) => {
      await context.updateActivity({
        id: activityId,
        type: "message",
        attachments: [CardFactory.adaptiveCard(card)],
      });
    });
  }
}

/** A stored 1:1 reference in the shape botbuilder wants. */
export function toBotReference(doc: ConversationReference): Partial<BfConversationReference> {
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
    user: { id: "", name: "", aadObjectId: doc.userObjectId },
  };
}
