/**
 * Teams retries an invoke it got no answer to in time, with the same
 * activity id. Idempotency is the workflow's job (a deterministic id per
 * effect, checked in the store), but running a handler twice for one click
 * is wasted work and doubles Graph calls, so the edge shares one run per
 * (conversation, activity id) for a short window. The map is per process:
 * a retry landing on another instance still runs, and the workflow's own
 * idempotency covers that. A run that failed is forgotten at once, so a
 * retry after a failure does run again.
 */
export class RecentInvokes<T> {
  private readonly entries = new Map<string, { promise: Promise<T>; settledAt?: number }>();

  constructor(
    private readonly windowMs = 60_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** `fresh` is false when this call joined a run already started for the same key. */
  run(key: string, start: () => Promise<T>): { promise: Promise<T>; fresh: boolean } {
    this.evict();
    const known = this.entries.get(key);
    if (known !== undefined) return { promise: known.promise, fresh: false };
    const entry: { promise: Promise<T>; settledAt?: number } = { promise: start() };
    entry.promise.then(
      () => {
        entry.settledAt = this.now();
      },
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.entries.set(key, entry);
    return { promise: entry.promise, fresh: true };
  }

  get size(): number {
    return this.entries.size;
  }

  /** Insertion order is start order, so expired entries sit at the front. */
  private evict(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      const expired = entry.settledAt !== undefined && now - entry.settledAt > this.windowMs;
      if (!expired && this.entries.size <= this.maxEntries) break;
      this.entries.delete(key);
    }
  }
}
