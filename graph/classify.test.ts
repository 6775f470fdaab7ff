import { classifyStatus, isRetryable, mayHaveTakenEffect, parseRetryAfter } from "./classify";

describe("classifyStatus", () => {
  it.each([
    [200, false, "done"],
    [201, false, "done"],
    [202, false, "done"],
    [204, false, "done"],
    [429, true, "throttled"],
    [429, false, "throttled"],
    [503, true, "throttled"],
    [503, false, "failed"],
    [500, false, "failed"],
    [502, false, "failed"],
    [504, false, "failed"],
    [424, false, "failed"],
    [404, false, "gone"],
    [410, false, "gone"],
    [400, false, "rejected"],
    [401, false, "rejected"],
    [403, false, "rejected"],
    [409, false, "rejected"],
  ] as const)("%i (Retry-After %s) is %s", (status, retryAfter, outcome) => {
    expect(classifyStatus(status, retryAfter)).toBe(outcome);
  });

  it("retries only throttled and failed", () => {
    expect(isRetryable("throttled")).toBe(true);
    expect(isRetryable("failed")).toBe(true);
    expect(isRetryable("gone")).toBe(false);
    expect(isRetryable("rejected")).toBe(false);
    expect(isRetryable("done")).toBe(false);
  });

  it("treats a lost answer or a 5xx as possibly acted on, 429/424/4xx as not", () => {
    expect(mayHaveTakenEffect(undefined)).toBe(true);
    expect(mayHaveTakenEffect(500)).toBe(true);
    expect(mayHaveTakenEffect(503)).toBe(true);
    expect(mayHaveTakenEffect(429)).toBe(false);
    expect(mayHaveTakenEffect(424)).toBe(false);
    expect(mayHaveTakenEffect(400)).toBe(false);
  });
});

describe("parseRetryAfter", () => {
  const now = new Date("2027-01-07T10:00:00.000Z");
  it("reads delta seconds", () => {
    expect(parseRetryAfter("3", now)).toBe(3000);
    expect(parseRetryAfter(" 0 ", now)).toBe(0);
  });
  it("reads an HTTP-date relative to the injected clock", () => {
    expect(parseRetryAfter("Thu, 07 Jan 2027 10:00:05 GMT", now)).toBe(5000);
    expect(parseRetryAfter("Thu, 07 Jan 2027 09:59:00 GMT", now)).toBe(0);
  });
  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-1", now)).toBeUndefined();
  });
});
