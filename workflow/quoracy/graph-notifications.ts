import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { taskPk, type Task } from "../../model";
import { isStoreError } from "../../ports/store";
import type { WorkflowDeps } from "../kernel/deps";
import { REFRESH_TASK } from "./tasks";

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

/**
 * POST /api/graph/notifications (issue 7):
 * 1. a subscription's validation request (`?validationToken=…`) is answered
 *    with the token as text/plain, as Graph requires within 10 seconds;
 * 2. a body that is not a change-notification collection → 400;
 * 3. any notification without our `clientState` → 403 and nothing changes
 *    (someone who is not Graph, or not our subscription);
 * 4. a notification seen before (same content: a replay) → 409, nothing changes;
 * 5. otherwise each is recorded (by digest) and one refresh of the
 *    upcoming meetings' replies is queued; 202.
 */
export async function receiveGraphNotifications(
  deps: WorkflowDeps,
  clientState: string,
  request: { query: Record<string, string | undefined>; body: unknown },
): Promise<HttpAnswer> {
  const token = request.query.validationToken;
  if (token !== undefined) {
    return { status: 200, contentType: "text/plain", body: token.slice(0, 2048) };
  }
  const parsed = ChangeNotifications.safeParse(request.body);
  if (!parsed.success) {
    return {
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({ error: "not a change notification" }),
    };
  }
  if (
    !parsed.data.value.every((n) => n.clientState !== undefined && same(n.clientState, clientState))
  ) {
    deps.logger.warn(
      { count: parsed.data.value.length },
      "graph notification refused: clientState",
    );
    return {
      status: 403,
      contentType: "application/json",
      body: JSON.stringify({ error: "clientState" }),
    };
  }
  const now = deps.clock().toISOString();
  const digests = parsed.data.value.map((n) => ({
    id: `gn-${createHash("sha256").update(JSON.stringify(n)).digest("hex").slice(0, 40)}`,
    subscriptionId: n.subscriptionId,
  }));
  for (const d of digests) {
    if ((await deps.store.get("inbound-notification", d.id, d.id)) !== undefined) {
      deps.logger.warn({ subscriptionId: d.subscriptionId }, "graph notification refused: replay");
      return {
        status: 409,
        contentType: "application/json",
        body: JSON.stringify({ error: "replay" }),
      };
    }
  }
  for (const d of digests) {
    try {
      await deps.store.create({
        id: d.id,
        type: "inbound-notification",
        pk: d.id,
        subscriptionId: d.subscriptionId,
        receivedAt: now,
      });
    } catch (err) {
      if (!isStoreError(err, "Conflict")) throw err;
    }
  }
  const base = { taskType: REFRESH_TASK };
  const task: Task = {
    id: `${REFRESH_TASK}:${digests[0]?.id ?? now}`,
    type: "task",
    pk: taskPk(base),
    ...base,
    dueAt: now,
    status: "pending",
    attempts: 0,
  };
  try {
    await deps.store.create(task);
  } catch (err) {
    if (!isStoreError(err, "Conflict")) throw err;
  }
  deps.kick();
  return {
    status: 202,
    contentType: "application/json",
    body: JSON.stringify({ accepted: digests.length }),
  };
}
