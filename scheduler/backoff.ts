/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half is
 * random, so instances that failed together do not retry together. The
 * random source is injected so tests are deterministic.
 */
export function exponentialBackoff(options: {
  baseMs: number;
  maxMs: number;
  random: () => number;
}): (attempt: number) => number {
  return (attempt) => {
    const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling / 2 + (options.random() * ceiling) / 2);
  };
}

/** mulberry32: a tiny seedable PRNG, good enough for jitter and shuffling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
