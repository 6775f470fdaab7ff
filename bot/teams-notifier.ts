import { type Logger } from "../ports/logger";
import type { CardJson, Notifier, SendResult } from "../ports/notifier";
import type { ReferenceBook } from "./conversation-references";
import { errorCode } from "./errors";
import { toBotReference, type Proactive } from "./proactive";
import { classifySendFailure } from "./send-outcome";

export interface TeamsNotifierDeps {
  references: ReferenceBook;
  proactive: Proactive;
  clock: () => Date;
  logger: Logger;
}

/**
 * The Notifier port over Teams proactive messages. Never throws for a
 * delivery problem: every outcome is a SendResult the workflow records
 * (DESIGN.md habit 3). Without a stored reference (the user never installed
 * the app) or after Teams said the user blocked it, the recipient is gone:
 * retrying cannot help until they open Convene again.
 */
export class TeamsNotifier implements Notifier {
  constructor(private readonly deps: TeamsNotifierDeps) {}

  sendCard(userObjectId: string, card: CardJson, preview: string): Promise<SendResult> {
    // The preview doubles as the card's fallback (notifier.ts): never a child's name.
    const withFallback = { ...card, fallbackText: card.fallbackText ?? preview };
    return this.deliver("send", userObjectId, async (reference) => {
      const activityId = await this.deps.proactive.sendCard(reference, withFallback, preview);
      return { outcome: "sent", ...(activityId !== undefined ? { activityId } : {}) };
    });
  }

  updateCard(userObjectId: string, activityId: string, card: CardJson): Promise<SendResult> {
    return this.deliver("update", userObjectId, async (reference) => {
      await this.deps.proactive.updateCard(reference, activityId, card);
      return { outcome: "sent", activityId };
    });
  }

  private async deliver(
    op: "send" | "update",
    userObjectId: string,
    act: (reference: ReturnType<typeof toBotReference>) => Promise<SendResult>,
  ): Promise<SendResult> {
    const { logger } = this.deps;
    let stored;
    try {
      stored = await this.deps.references.find(userObjectId);
    } catch (err) {
      logger.error({ op, userObjectId, code: errorCode(err) }, "conversation reference unreadable");
      return { outcome: "failed" };
    }
    if (stored === undefined || stored.blockedAt !== undefined) {
      const code = stored === undefined ? "NoConversationReference" : "RecipientBlocked";
      logger.warn({ op, userObjectId, code }, "teams recipient unreachable");
      return { outcome: "recipient-gone" };
    }
    try {
      return await act(toBotReference(stored));
    } catch (err) {
      const { result, blocked } = classifySendFailure(err, this.deps.clock());
      logger.warn(
        {
          op,
          userObjectId,
          outcome: result.outcome,
          httpStatus: result.httpStatus,
          code: errorCode(err),
        },
        "teams proactive message not delivered",
      );
      if (blocked) {
        await this.deps.references.markBlocked(userObjectId).catch((markErr: unknown) => {
          logger.error(
            { userObjectId, code: errorCode(markErr) },
            "could not mark reference blocked",
          );
        });
      }
      return result;
    }
  }
}
