import { z } from "zod";

/**
 * The Entra tenant an activity comes from. Teams sends it in
 * `channelData.tenant.id` and, on most activities, in
 * `conversation.tenantId` too
 * (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages#get-the-user-id-team-id-or-channel-id);
 * when both are there they must agree, or the activity names no tenant.
 */
const Tenanted = z.object({
  conversation: z.object({ tenantId: z.string().optional() }).optional(),
  channelData: z.object({ tenant: z.object({ id: z.string() }).optional() }).optional(),
});

export function tenantOf(activity: unknown): string | undefined {
  const parsed = Tenanted.safeParse(activity);
  if (!parsed.success) return undefined;
  const fromConversation = parsed.data.conversation?.tenantId;
  const fromChannelData = parsed.data.channelData?.tenant?.id;
  if (
    fromConversation !== undefined &&
    fromChannelData !== undefined &&
    fromConversation.toLowerCase() !== fromChannelData.toLowerCase()
  ) {
    return undefined;
  }
  return (fromChannelData ?? fromConversation)?.toLowerCase();
}
