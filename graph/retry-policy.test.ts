import { DEFAULT_RETRY_POLICY, nextDelayMs } from "./retry-policy";

describe("nextDelayMs", () => {
  const policy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

  it("honours Retry-After exactly", () => {
    expect(nextDelayMs(policy, 1, 2000, () => 0.9)).toBe(2000);
    expect(nextDelayMs(policy, 3, 0, () => 0.9)).toBe(0);
  });

  it("hands a Retry-After longer than the cap back to the scheduler", () => {
    expect(nextDelayMs(policy, 1, 120_000, () => 0)).toBeUndefined();
  });

  it("backs off exponentially with jitter between half and all of the ceiling", () => {
    expect(nextDelayMs(policy, 1, undefined, () => 0)).toBe(250);
    expect(nextDelayMs(policy, 1, undefined, () => 0.999999)).toBe(500);
    expect(nextDelayMs(policy, 2, undefined, () => 0)).toBe(500);
    expect(nextDelayMs(policy, 3, undefined, () => 0.5)).toBe(1500);
  });

  it("caps the backoff and stops after maxAttempts", () => {
    const long = { ...policy, maxAttempts: 20 };
    expect(nextDelayMs(long, 15, undefined, () => 0.999999)).toBe(30_000);
    expect(nextDelayMs(policy, 4, undefined, () => 0)).toBeUndefined();
    expect(nextDelayMs(policy, 4, 10, () => 0)).toBeUndefined();
  });

  it("has sane defaults", () => {
    expect(DEFAULT_RETRY_POLICY.maxAttempts).toBeGreaterThan(1);
  });
});
