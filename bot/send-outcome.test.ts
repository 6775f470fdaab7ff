import { classifySendFailure, retryAfterMs } from "./send-outcome";

const NOW = new Date("2027-01-04T09:00:00.000Z");
const restError = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  name: "RestError",
  statusCode: status,
  response: {
    status,
    bodyAsText: JSON.stringify(body),
    headers: { get: (name: string) => headers[name.toLowerCase()] },
  },
});

describe("classifySendFailure", () => {
  it.each(["MessageWritesBlocked", "ConversationBlockedByUser", "BotNotInConversationRoster"])(
    "403 %s: the recipient is gone and the reference is marked blocked",
    (code) => {
      expect(classifySendFailure(restError(403, { error: { code } }), NOW)).toEqual({
        result: { outcome: "recipient-gone", httpStatus: 403 },
        blocked: true,
      });
    },
  );

  it("429 with Retry-After in seconds or as an HTTP date", () => {
    expect(classifySendFailure(restError(429, {}, { "retry-after": "2.5" }), NOW).result).toEqual({
      outcome: "throttled",
      httpStatus: 429,
      retryAfterMs: 2500,
    });
    const date = new Date(NOW.getTime() + 30_000).toUTCString();
    expect(
      classifySendFailure(restError(429, {}, { "retry-after": date }), NOW).result.retryAfterMs,
    ).toBe(30_000);
    expect(classifySendFailure(restError(429, {}), NOW).result).toEqual({
      outcome: "throttled",
      httpStatus: 429,
    });
  });

  it("404 is gone without blocking; 5xx, other 4xx and network errors fail", () => {
    expect(classifySendFailure(restError(404, {}), NOW)).toEqual({
      result: { outcome: "recipient-gone", httpStatus: 404 },
      blocked: false,
    });
    expect(classifySendFailure(restError(502, {}), NOW).result).toEqual({
      outcome: "failed",
      httpStatus: 502,
    });
    expect(
      classifySendFailure(restError(403, { error: { code: "BotDisabledByAdmin" } }), NOW),
    ).toEqual({ result: { outcome: "failed", httpStatus: 403 }, blocked: false });
    expect(classifySendFailure(Object.assign(new Error("x"), { code: "ECONNRESET" }), NOW)).toEqual(
      { result: { outcome: "failed" }, blocked: false },
    );
  });

  it("reads headers given as a plain object too", () => {
    const err = { statusCode: 429, response: { headers: { "Retry-After": "1" } } };
    expect(classifySendFailure(err, NOW).result.retryAfterMs).toBe(1000);
  });
});

describe("retryAfterMs", () => {
  it("ignores what it cannot read, and never goes negative", () => {
    expect(retryAfterMs(undefined, NOW)).toBeUndefined();
    expect(retryAfterMs("soon", NOW)).toBeUndefined();
    expect(retryAfterMs(new Date(NOW.getTime() - 5000).toUTCString(), NOW)).toBe(0);
  });
});
