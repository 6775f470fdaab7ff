import { z } from "zod";
import { Instant, docBase } from "./common";

/**
 * A Graph change notification Convene has accepted (Outlook replies and the quoracy forecast). The id is a
 * digest of the notification, so the same notification delivered again (a
 * replay) finds its record and is refused; it holds no content, only when.
 */
export const InboundNotification = z
  .object({
    ...docBase("inbound-notification"),
    subscriptionId: z.string().min(1),
    receivedAt: Instant,
  })
  .refine((n) => n.pk === n.id, {
    message: "an inbound notification's pk is its id",
    path: ["pk"],
  });
export type InboundNotification = z.infer<typeof InboundNotification>;
