/**
 * A counting semaphore: at most `capacity` permits out at once, waiters
 * served first come, first served.
 *
 * Why: Outlook allows 4 concurrent requests per app per mailbox and answers
 * the fifth with 429 MailboxConcurrency (docs/architecture.md, Microsoft 365 facts). A
 * `$batch` holds several permits, because Graph runs up to four of its parts
 * against Outlook at the same time on our behalf.
 */
export class Limiter {
  private available: number;
  private readonly waiting: { weight: number; wake: () => void }[] = [];
  private peak = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`limiter capacity must be a positive integer, got ${capacity}`);
    }
    this.available = capacity;
  }

  /** Run `work` holding `weight` permits (clamped to 1..capacity). */
  async run<T>(work: () => Promise<T>, weight = 1): Promise<T> {
    const permits = Math.min(this.capacity, Math.max(1, Math.floor(weight)));
    await this.acquire(permits);
    try {
      return await work();
    } finally {
      this.release(permits);
    }
  }

  /** The most permits ever out at once: tests and the bench read it. */
  get peakInUse(): number {
    return this.peak;
  }

  get inUse(): number {
    return this.capacity - this.available;
  }

  private acquire(permits: number): Promise<void> {
    // Strict FIFO: a heavy waiter at the head is not overtaken by light ones,
    // so a batch is never starved by a stream of single requests.
    if (this.waiting.length === 0 && this.available >= permits) {
      this.take(permits);
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push({
        weight: permits,
        wake: () => {
          this.take(permits);
          resolve();
        },
      });
    });
  }

  private take(permits: number): void {
    this.available -= permits;
    this.peak = Math.max(this.peak, this.capacity - this.available);
  }

  private release(permits: number): void {
    this.available += permits;
    for (;;) {
      const head = this.waiting[0];
      if (head === undefined || head.weight > this.available) return;
      this.waiting.shift();
      head.wake();
    }
  }
}
