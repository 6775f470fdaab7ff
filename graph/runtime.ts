/**
 * What graph/ needs from the outside world besides the network: a clock, a
 * sleep and a random source, all injected so that tests never wait on the
 * real clock (docs/architecture.md, pure rules) and retries are reproducible.
 */
export interface Runtime {
  clock: () => Date;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Ids, codes and counts only (docs/data-protection.md). */
  logger: Logger;
}

export const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => {
    setTimeout(resolve, ms);
  });
import { type Logger } from "../ports/logger";
