import type { CallOutcome } from "../ports/calendar";

/**
 * One HTTP answer (or its absence) → what the caller should do (docs/architecture.md, idempotent sends: classify the result, retry only 429/5xx).
 *
 * - 429, and 503 with Retry-After: `throttled`, retried after Retry-After.
 * - other 5xx, 424 (a batch part whose dependency failed), no answer at
 *   all: `failed`, retried.
 * - 404, 410: `gone` (event deleted, mailbox removed): not retried.
 * - any other 4xx: `rejected`: Convene sent something wrong or lacks a
 *   permission; retrying cannot help.
 */
export function classifyStatus(status: number, hasRetryAfter: boolean): CallOutcome {
  if (status >= 200 && status < 300) return "done";
  if (status === 429) return "throttled";
  if (status === 503 && hasRetryAfter) return "throttled";
  if (status >= 500 || status === 424) return "failed";
  if (status === 404 || status === 410) return "gone";
  return "rejected";
}

export function isRetryable(outcome: CallOutcome): boolean {
  return outcome === "throttled" || outcome === "failed";
}

/**
 * Whether a request that got this answer may still have taken effect.
 * 429 and 424 are refusals before any work; a 5xx or a lost connection says
 * nothing about whether Outlook acted. For sendMail that is the difference
 * between "send again" and "look in Sent Items first".
 */
export function mayHaveTakenEffect(status: number | undefined): boolean {
  if (status === undefined) return true;
  return status >= 500;
}

/**
 * Retry-After as Graph sends it (delta seconds) or as HTTP allows it (an
 * HTTP-date), in milliseconds from `now`. Undefined when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  if (Number.isNaN(at) || !/[a-z]/i.test(text)) return undefined;
  return Math.max(0, at - now.getTime());
}
