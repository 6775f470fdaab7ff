/**
 * Teams-shaped activities for driving the bot over HTTP, as the Teams
 * service (or the Agents Playground) would post them.
 */
export const TENANT = "9f0e1d2c-3b4a-4596-8877-665544332211";
export const BOT_ID = "28:convene-test-bot";
export const CLERK = "11111111-1111-4111-8111-111111111111";

let counter = 0;
const nextId = (): string => `act-${++counter}`;

export interface Who {
  objectId?: string;
  conversationId?: string;
  serviceUrl: string;
}

function base(who: Who): Record<string, unknown> {
  return {
    id: nextId(),
    channelId: "msteams",
    serviceUrl: who.serviceUrl,
    timestamp: new Date().toISOString(),
    from: {
      id: `29:${who.objectId ?? "anonymous"}`,
      name: "Casey Clerk",
      ...(who.objectId !== undefined ? { aadObjectId: who.objectId } : {}),
    },
    recipient: { id: BOT_ID, name: "Convene" },
    conversation: {
      id: who.conversationId ?? `a:personal-${who.objectId ?? "x"}`,
      conversationType: "personal",
      tenantId: TENANT,
    },
    channelData: { tenant: { id: TENANT } },
  };
}

export const message = (who: Who, text: string): Record<string, unknown> => ({
  ...base(who),
  type: "message",
  text,
});

export const actionInvoke = (
  who: Who,
  verb: string,
  data: unknown,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> => ({
  ...base(who),
  type: "invoke",
  name: "adaptiveCard/action",
  replyToId: "card-message-1",
  value: { action: { type: "Action.Execute", verb, data }, trigger: "manual" },
  ...overrides,
});

export const installation = (who: Who, action: "add" | "remove"): Record<string, unknown> => ({
  ...base(who),
  type: "installationUpdate",
  action,
});

export async function post(
  url: string,
  activity: Record<string, unknown>,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body, ms: performance.now() - started };
}
