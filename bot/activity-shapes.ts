import { z } from "zod";
import type { Actor } from "../ports/actions";

/**
 * zod at the edge (docs/architecture.md, zod at every edge): the parts of a Teams activity Convene
 * relies on, checked before anything is routed. botbuilder's own types say
 * what a field should be, not what a client actually sent.
 */

/** The `value` of an `adaptiveCard/action` invoke (Universal Actions). */
export const ActionExecuteValue = z.object({
  action: z.object({
    type: z.literal("Action.Execute"),
    verb: z.string().min(1).max(200),
    /** The card's `data` merged with its inputs: untrusted, parsed by workflow/ with the card's schema. */
    data: z.unknown().optional(),
  }),
  /** "automatic" for a card refresh, "manual" for a click. */
  trigger: z.enum(["manual", "automatic"]).optional(),
});
export type ActionExecuteValue = z.infer<typeof ActionExecuteValue>;

/** The sender: Teams puts the Entra object id in `from.aadObjectId`. */
const From = z.object({
  aadObjectId: z.guid(),
  name: z.string().max(256).optional(),
});

export function actorOf(from: unknown): Actor | undefined {
  const parsed = From.safeParse(from);
  if (!parsed.success) return undefined;
  return { objectId: parsed.data.aadObjectId, name: parsed.data.name ?? "" };
}

/**
 * What a proactive message to this user's 1:1 chat needs (model/conversation-reference.ts).
 * Only personal conversations qualify: a group chat's reference cannot reach one person.
 */
export const PersonalConversation = z.object({
  channelId: z.literal("msteams"),
  serviceUrl: z.url(),
  from: z.object({ aadObjectId: z.guid() }),
  recipient: z.object({ id: z.string().min(1) }),
  conversation: z.object({
    id: z.string().min(1),
    conversationType: z.literal("personal"),
    tenantId: z.guid().optional(),
  }),
  channelData: z.object({ tenant: z.object({ id: z.guid() }).optional() }).optional(),
});

export interface PersonalConversationFields {
  userObjectId: string;
  conversationId: string;
  serviceUrl: string;
  tenantId: string;
  botId: string;
}

/** undefined for anything but a Teams 1:1 chat with a known tenant. */
export function personalConversationOf(activity: unknown): PersonalConversationFields | undefined {
  const parsed = PersonalConversation.safeParse(activity);
  if (!parsed.success) return undefined;
  const a = parsed.data;
  const tenantId = a.conversation.tenantId ?? a.channelData?.tenant?.id;
  if (tenantId === undefined) return undefined;
  return {
    userObjectId: a.from.aadObjectId,
    conversationId: a.conversation.id,
    serviceUrl: a.serviceUrl,
    tenantId,
    botId: a.recipient.id,
  };
}
