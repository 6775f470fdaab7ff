/**
 * Work that outlives the turn that started it (an invoke answered with
 * "working on it" whose handler is still running). Kept here, not in an
 * in-process timer that nobody owns, so that close() can wait for it and a
 * test never leaks a pending update.
 */
export class Background {
  private readonly pending = new Set<Promise<void>>();

  /** `task` must handle its own errors; anything it throws is dropped here. */
  run(task: () => Promise<void>): void {
    const p: Promise<void> = task()
      .catch(() => undefined)
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }

  get size(): number {
    return this.pending.size;
  }

  /** Wait for everything in flight, up to `timeoutMs`. */
  async drain(timeoutMs: number): Promise<void> {
    if (this.pending.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    await Promise.race([Promise.allSettled([...this.pending]), limit]);
    clearTimeout(timer);
  }
}
