import type { CardJson, Notifier, SendResult } from "../../ports";

export interface SentCard {
  to: string;
  card: CardJson;
  preview: string;
  at: string;
  activityId: string;
}

/**
 * A Notifier that keeps every card it is given, with the fake clock's time,
 * and answers like Teams: an activity id per message. `failNext` makes the
 * next sends answer throttled, as Teams does under load.
 */
export function recordingNotifier(clock: () => Date): Notifier & {
  sent: SentCard[];
  updates: { to: string; activityId: string; card: CardJson; at: string }[];
  failNext: (n: number) => void;
  /** Users who removed the app (or never installed it): Teams answers 403. */
  gone: Set<string>;
} {
  const gone = new Set<string>();
  const sent: SentCard[] = [];
  const updates: { to: string; activityId: string; card: CardJson; at: string }[] = [];
  let failures = 0;
  let seq = 0;
  return {
    sent,
    updates,
    gone,
    failNext: (n) => {
      failures = n;
    },
    async sendCard(to, card, preview): Promise<SendResult> {
      if (gone.has(to)) return { outcome: "recipient-gone", httpStatus: 403 };
      if (failures > 0) {
        failures -= 1;
        return { outcome: "throttled", httpStatus: 429, retryAfterMs: 1000 };
      }
      seq += 1;
      const activityId = `activity-${seq}`;
      sent.push({ to, card, preview, at: clock().toISOString(), activityId });
      return { outcome: "sent", activityId };
    },
    async updateCard(to, activityId, card): Promise<SendResult> {
      updates.push({ to, activityId, card, at: clock().toISOString() });
      return { outcome: "sent", activityId };
    },
  };
}

/** Every TextBlock/FactSet text of a card, joined: what a person would read. */
export function cardText(card: CardJson): string {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      if (typeof o.text === "string") out.push(o.text);
      if (typeof o.title === "string") out.push(o.title);
      if (typeof o.value === "string" && o.type === undefined) out.push(o.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out.join(" | ");
}

/** The Action.Execute actions of a card: verb, title and data. */
export function cardActions(
  card: CardJson,
): { verb: string; title: string; data: Record<string, unknown> }[] {
  const out: { verb: string; title: string; data: Record<string, unknown> }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === "object" && node !== null) {
      const o = node as Record<string, unknown>;
      if (o.type === "Action.Execute" && typeof o.verb === "string") {
        out.push({
          verb: o.verb,
          title: String(o.title ?? ""),
          data: (o.data ?? {}) as Record<string, unknown>,
        });
      }
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}
