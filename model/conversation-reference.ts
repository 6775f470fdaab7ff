import { z } from "zod";
import { EntraObjectId, Instant, docBase } from "./common";

/**
 * What a proactive Teams message needs, captured when the user installed the
 * app or last wrote to it. The id is the user's Entra object id: one 1:1 chat
 * per person.
 */
export const ConversationReference = z
  .object({
    ...docBase("conversation-reference"),
    userObjectId: EntraObjectId,
    conversationId: z.string().min(1),
    serviceUrl: z.url(),
    tenantId: z.guid(),
    botId: z.string().min(1),
    channelId: z.literal("msteams"),
    /** Set when Teams answers 403 MessageWritesBlocked: the user removed the app. */
    blockedAt: Instant.optional(),
    updatedAt: Instant,
  })
  .refine((c) => c.pk === c.id && c.id === c.userObjectId, {
    message: "a conversation reference's id and pk are the user's object id",
    path: ["pk"],
  });
export type ConversationReference = z.infer<typeof ConversationReference>;
