import { type Logger } from "../ports/logger";
import type { AppInstaller } from "../ports/app-installer";
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
  /** Reaching someone who never opened Convene: install it for them first. */
  install?: InstallSettings;
}

export interface InstallSettings {
  installer: AppInstaller;
  /**
   * The Bot Connector's address for a conversation Convene has not been
   * told of yet (Teams gives it on the first activity; before that, the
   * global endpoint Microsoft's proactive-install guide uses).
   */
  serviceUrl: string;
  tenantId: string;
  /** The bot's Teams id (`28:` and the app id). */
  botId: string;
}

/**
 * The Notifier port over Teams proactive messages. Never throws for a
 * delivery problem: every outcome is a SendResult the workflow records
 * (docs/architecture.md, idempotent sends). Without a stored reference (the user never installed
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
    if (stored === undefined && op === "send" && this.deps.install !== undefined) {
      return this.installThen(userObjectId, this.deps.install, act);
    }
    if (stored === undefined || stored.blockedAt !== undefined) {
      const code = stored === undefined ? "NoConversationReference" : "RecipientBlocked";
      logger.warn({ op, userObjectId, code }, "teams recipient unreachable");
      return { outcome: "recipient-gone" };
    }
    return this.attempt(op, userObjectId, toBotReference(stored), act);
  }

  /**
   * No stored conversation: install Convene for the person through Graph
   * (already installed is fine), take the 1:1 chat from the installation
   * and send there, then remember the conversation like one Teams told us of
   * (https://learn.microsoft.com/en-us/microsoftteams/platform/graph-api/proactive-bots-and-messages/graph-proactive-bots-and-messages).
   * Refused (policy, permission): the person cannot be reached in Teams.
   */
  private async installThen(
    userObjectId: string,
    install: InstallSettings,
    act: (reference: ReturnType<typeof toBotReference>) => Promise<SendResult>,
  ): Promise<SendResult> {
    const { logger } = this.deps;
    const outcome = await install.installer.installFor(userObjectId);
    if (outcome.kind === "refused") {
      logger.warn(
        { userObjectId, code: `InstallRefused.${outcome.reason}`, httpStatus: outcome.httpStatus },
        "teams recipient unreachable: Convene could not be installed",
      );
      return {
        outcome: "recipient-gone",
        unreachable: "install-refused",
        ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
      };
    }
    if (outcome.kind === "failed") {
      logger.warn(
        { userObjectId, httpStatus: outcome.httpStatus },
        "teams app install not settled",
      );
      return {
        outcome: "failed",
        ...(outcome.httpStatus !== undefined ? { httpStatus: outcome.httpStatus } : {}),
      };
    }
    logger.info(
      { userObjectId, alreadyInstalled: outcome.alreadyInstalled },
      "convene installed for a user; sending into the installation's chat",
    );
    const fields = {
      userObjectId,
      conversationId: outcome.chatId,
      serviceUrl: install.serviceUrl,
      tenantId: install.tenantId,
      botId: install.botId,
    };
    const reference = toBotReference({ ...fields, channelId: "msteams" });
    const result = await this.attempt("send", userObjectId, reference, act);
    if (result.outcome === "sent") {
      await this.deps.references.remember(fields).catch((err: unknown) => {
        logger.error(
          { userObjectId, code: errorCode(err) },
          "could not store the new conversation",
        );
      });
    }
    return result;
  }

  private async attempt(
    op: "send" | "update",
    userObjectId: string,
    reference: ReturnType<typeof toBotReference>,
    act: (reference: ReturnType<typeof toBotReference>) => Promise<SendResult>,
  ): Promise<SendResult> {
    const { logger } = this.deps;
    try {
      return await act(reference);
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
