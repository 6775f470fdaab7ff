import { type Logger } from "../ports/logger";
import {
  ActivityTypes,
  CardFactory,
  TeamsActivityHandler,
  TurnContext,
  type InvokeResponse,
} from "botbuilder";
import type { ActionResponse, BotHandlers } from "../ports/actions";
import { answerActionInvoke, type ActionInvokeDeps } from "./action-invoke";
import { actorOf, personalConversationOf } from "./activity-shapes";
import type { ReferenceBook } from "./conversation-references";
import { errorCode } from "./errors";

export interface ConveneBotDeps {
  handlers: BotHandlers;
  references: ReferenceBook;
  invoke: ActionInvokeDeps;
  logger: Logger;
}

/**
 * The Teams activity handler: remembers each user's 1:1 conversation,
 * routes Action.Execute invokes by verb and typed messages to workflow/.
 * Everything it hands on is plain data (BotHandlers); botbuilder stays here.
 */
export class ConveneBot extends TeamsActivityHandler {
  constructor(private readonly deps: ConveneBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
  }

  /** Every turn, first: store the reference on install and first contact (and when it moves). */
  override async run(context: TurnContext): Promise<void> {
    await this.rememberConversation(context);
    await super.run(context);
  }

  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === "adaptiveCard/action") {
      return answerActionInvoke(context, this.deps.invoke);
    }
    return super.onInvokeActivity(context);
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    const { activity } = context;
    const actor = actorOf(activity.from);
    if (actor === undefined) {
      this.deps.logger.warn({ activityId: activity.id, code: "NoActor" }, "message refused");
      await context.sendActivity("Convene could not tell who you are. Please open it from Teams.");
      return;
    }
    // In a group chat the text starts with "<at>Convene</at>"; the handler wants the words only.
    const text = (TurnContext.removeRecipientMention(activity) ?? activity.text ?? "").trim();
    const response: ActionResponse = await this.deps.handlers.message({ actor, text });
    if (response.kind === "card") {
      await context.sendActivity({ attachments: [CardFactory.adaptiveCard(response.card)] });
    } else {
      await context.sendActivity(response.text);
    }
  }

  private async rememberConversation(context: TurnContext): Promise<void> {
    const { activity } = context;
    const fields = personalConversationOf(activity);
    if (fields === undefined) return;
    const { references, logger } = this.deps;
    try {
      if (activity.type === ActivityTypes.InstallationUpdate) {
        // "remove" / "remove-upgrade": the user removed Convene; "add" / "add-upgrade": (re)installed.
        if (activity.action?.startsWith("remove") === true) {
          await references.markBlocked(fields.userObjectId);
        } else {
          await references.remember(fields, true);
        }
        return;
      }
      const installed =
        activity.type === ActivityTypes.ConversationUpdate &&
        (activity.membersAdded ?? []).some((m) => m.id === activity.recipient?.id);
      await references.remember(fields, installed);
    } catch (err) {
      // Never fail the user's turn over this: the next turn tries again.
      logger.error(
        { userObjectId: fields.userObjectId, activityId: activity.id, code: errorCode(err) },
        "conversation reference not stored",
      );
    }
  }
}
