/**
 * The local demo's clock: the real clock plus an offset that only moves
 * forward, so a demo can "pass the invite-list deadline" without waiting a
 * week. Only the composition root builds it, and only in demo mode (never
 * with Microsoft app credentials: see app/config.ts).
 */
export class DemoClock {
  private offsetMs = 0;
  constructor(private readonly real: () => Date) {}

  readonly now = (): Date => new Date(this.real().getTime() + this.offsetMs);

  /** Moves to `to` if that is later; answers the new time. Never backwards: tasks already done stay done. */
  advanceTo(to: Date): Date {
    const delta = to.getTime() - this.now().getTime();
    if (delta > 0) this.offsetMs += delta;
    return this.now();
  }
}
