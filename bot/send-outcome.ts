import type { SendResult } from "../ports/notifier";

/**
 * Turns what the Bot Connector answered into the notifier's outcome
 * (docs/architecture.md, idempotent sends, Company Communicator's classification):
 * - 429: throttled, with Retry-After, so the scheduler backs off;
 * - 403 with a "user removed or blocked the app" code: recipient gone, and
 *   the reference is marked blocked so Convene stops trying;
 * - 404 (conversation gone): recipient gone;
 * - anything else: failed (the scheduler retries 5xx and network errors).
 *
 * Teams documents 403 `MessageWritesBlocked` for a blocked or uninstalled
 * bot, but in practice answers with other codes too (ConversationBlockedByUser,
 * BotNotInConversationRoster), so all of them count.
 */
export const BLOCKED_CODES = [
  "MessageWritesBlocked",
  "ConversationBlockedByUser",
  "BotNotInConversationRoster",
] as const;

export interface ClassifiedFailure {
  result: SendResult;
  /** Mark the stored reference blocked. */
  blocked: boolean;
}

interface ErrorLike {
  statusCode?: unknown;
  code?: unknown;
  response?: {
    status?: unknown;
    bodyAsText?: unknown;
    parsedBody?: unknown;
    headers?: unknown;
  };
}

function statusOf(err: ErrorLike): number | undefined {
  const status = err.statusCode ?? err.response?.status;
  return typeof status === "number" ? status : undefined;
}

function headerOf(headers: unknown, name: string): string | undefined {
  if (typeof headers !== "object" || headers === null) return undefined;
  const get = (headers as { get?: unknown }).get;
  if (typeof get === "function") {
    const value: unknown = get.call(headers, name);
    return typeof value === "string" ? value : undefined;
  }
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === "string") return value;
  }
  return undefined;
}

/** Retry-After is seconds or an HTTP date (RFC 9110 10.2.3). */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (header === undefined || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds * 1000));
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}

function bodyText(err: ErrorLike): string {
  const r = err.response;
  if (typeof r?.bodyAsText === "string") return r.bodyAsText;
  if (r?.parsedBody !== undefined) return JSON.stringify(r.parsedBody);
  return "";
}

export function classifySendFailure(err: unknown, now: Date): ClassifiedFailure {
  const e = (typeof err === "object" && err !== null ? err : {}) as ErrorLike;
  const httpStatus = statusOf(e);
  if (httpStatus === undefined) return { result: { outcome: "failed" }, blocked: false };
  if (httpStatus === 429) {
    const wait = retryAfterMs(headerOf(e.response?.headers, "retry-after"), now);
    return {
      result: {
        outcome: "throttled",
        httpStatus,
        ...(wait !== undefined ? { retryAfterMs: wait } : {}),
      },
      blocked: false,
    };
  }
  if (httpStatus === 403) {
    const text = `${bodyText(e)} ${typeof e.code === "string" ? e.code : ""}`;
    if (BLOCKED_CODES.some((code) => text.includes(code))) {
      return { result: { outcome: "recipient-gone", httpStatus }, blocked: true };
    }
  }
  if (httpStatus === 404)
    return { result: { outcome: "recipient-gone", httpStatus }, blocked: false };
  return { result: { outcome: "failed", httpStatus }, blocked: false };
}
