/**
 * How long to wait before another attempt, and when to stop.
 *
 * Graph's throttling guidance: wait exactly Retry-After when given, else
 * back off exponentially. docs/architecture.md, idempotent sends adds jitter so that four
 * throttled requests do not come back in step. A Retry-After longer than
 * `maxDelayMs` is not slept through here: the error carries it, and the
 * scheduler (which owns durable retries) defers the task instead of a
 * handler holding a lease for minutes.
 */
export interface RetryPolicy {
  /** Attempts per call, the first included. */
  maxAttempts: number;
  /** First backoff when Graph gives no Retry-After; doubles each time. */
  baseDelayMs: number;
  /** Longest wait slept here (Retry-After or backoff). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
};

/**
 * The wait before attempt `failedAttempts + 1`, or undefined to stop.
 * `random` is injected (tests pass a fixed one) and returns [0, 1).
 */
export function nextDelayMs(
  policy: RetryPolicy,
  failedAttempts: number,
  retryAfterMs: number | undefined,
  random: () => number,
): number | undefined {
  if (failedAttempts >= policy.maxAttempts) return undefined;
  if (retryAfterMs !== undefined) {
    return retryAfterMs > policy.maxDelayMs ? undefined : retryAfterMs;
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (failedAttempts - 1));
  // "Equal jitter": at least half the ceiling, so retries never bunch at 0 ms.
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
