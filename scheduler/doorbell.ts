/**
 * How an action's background work wakes the scheduler at once. Made before
 * the workflow (which rings it) and handed to the scheduler (which answers
 * it), so the composition root wires both in order, with no late binding.
 * A ring before anyone answers is kept, so the first sweep picks it up.
 */
export class Doorbell {
  private answer: (() => void) | undefined;
  private pending = false;

  ring(): void {
    if (this.answer === undefined) this.pending = true;
    else this.answer();
  }

  /** The scheduler answers; a ring that came first is answered now. */
  answerWith(answer: () => void): void {
    this.answer = answer;
    if (this.pending) {
      this.pending = false;
      answer();
    }
  }
}
