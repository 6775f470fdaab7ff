import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { Logger } from "../ports/logger";

/** A Graph change notification collection, as Graph posts it (only what Convene reads). */
const ChangeNotifications = z.object({
  value: z
    .array(
      z.object({
        subscriptionId: z.string().min(1),
        clientState: z.string().optional(),
        changeType: z.string().min(1),
        resource: z.string().min(1),
        subscriptionExpirationDateTime: z.string().optional(),
        tenantId: z.string().optional(),
        resourceData: z.object({ id: z.string().optional() }).passthrough().optional(),
      }),
    )
    .min(1)
    .max(1000),
});

export interface HttpAnswer {
  status: number;
  contentType: "text/plain" | "application/json";
  body: string;
}

const same = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/** One change notification Convene accepts: its digest (a replay has the same) and subscription. */
export interface ReceivedNotification {
  id: string;
  subscriptionId: string;
}

/**
 * Graph's webhook protocol for POST /api/graph/notifications
 * (https://learn.microsoft.com/graph/change-notifications-delivery-webhooks):
 * 1. a subscription's validation request (`?validationToken=…`) is answered
 *    with the token as text/plain, as Graph requires within 10 seconds;
 * 2. a body that is not a change-notification collection → 400;
 * 3. any notification without our `clientState` → 403 and nothing changes
 *    (someone who is not Graph, or not our subscription);
 * otherwise the notifications, each with the digest of its content, for the
 * workflow to record (a replay is refused there: it needs the store).
 */
export function readGraphNotifications(
  clientState: string,
  request: { query: Record<string, string | undefined>; body: unknown },
  logger: Logger,
): { answer: HttpAnswer } | { notifications: ReceivedNotification[] } {
  const token = request.query.validationToken;
  if (token !== undefined) {
    return { answer: { status: 200, contentType: "text/plain", body: token.slice(0, 2048) } };
  }
  const parsed = ChangeNotifications.safeParse(request.body);
  if (!parsed.success) {
    return { answer: json(400, { error: "not a change notification" }) };
  }
  if (
    !parsed.data.value.every((n) => n.clientState !== undefined && same(n.clientState, clientState))
  ) {
    logger.warn({ count: parsed.data.value.length }, "graph notification refused: clientState");
    return { answer: json(403, { error: "clientState" }) };
  }
  return {
    notifications: parsed.data.value.map((n) => ({
      id: `gn-${createHash("sha256").update(JSON.stringify(n)).digest("hex").slice(0, 40)}`,
      subscriptionId: n.subscriptionId,
    })),
  };
}

/** 409 for a replay (nothing changed), 202 with the count accepted. */
export function notificationsAnswer(result: { replay: true } | { accepted: number }): HttpAnswer {
  return "replay" in result
    ? json(409, { error: "replay" })
    : json(202, { accepted: result.accepted });
}

const json = (status: number, body: unknown): HttpAnswer => ({
  status,
  contentType: "application/json",
  body: JSON.stringify(body),
});
