import { seededRandom } from "./seeded-random";

/**
 * Faults the local Graph injects on demand:
 * - "throttle": 429 with Retry-After, before doing anything;
 * - "unavailable": 503 (no Retry-After), before doing anything;
 * - "drop-before": the connection is destroyed before the request is handled;
 * - "drop-after": the request IS handled, then the connection is destroyed
 *   before any answer (the hard case for anything not idempotent).
 * Batch parts can only be "throttle" or "unavailable" (a part cannot drop
 * its connection on its own).
 */
export const FAULT_KINDS = ["throttle", "unavailable", "drop-before", "drop-after"] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export const PART_FAULT_KINDS = ["throttle", "unavailable"] as const;
export type PartFaultKind = (typeof PART_FAULT_KINDS)[number];

export interface RequestInfo {
  method: string;
  /** Path after /v1.0, decoded: "/users/x@y/events". */
  path: string;
}

interface Queued<K> {
  kind: K;
  remaining: number;
  where?: (request: RequestInfo) => boolean;
}

export class Faults {
  private random: () => number;
  private probability = 0;
  private kinds: FaultKind[] = [];
  private partProbability = 0;
  private partKinds: PartFaultKind[] = [];
  private queue: Queued<FaultKind>[] = [];
  private partQueue: Queued<PartFaultKind>[] = [];
  private latencyRange: [number, number] = [0, 0];
  retryAfterSeconds = 1;

  constructor(seed: number) {
    this.random = seededRandom(seed);
  }

  /** Each request (and batch part) faults with this probability, the kind drawn from `kinds`. */
  randomly(
    probability: number,
    kinds: readonly FaultKind[] = FAULT_KINDS,
    options: { seed?: number; parts?: boolean } = {},
  ): void {
    if (options.seed !== undefined) this.random = seededRandom(options.seed);
    this.probability = probability;
    this.kinds = [...kinds];
    if (options.parts !== false) {
      this.partProbability = probability;
      this.partKinds = PART_FAULT_KINDS.filter((k) => kinds.includes(k));
    }
  }

  /** The next `n` requests (matching `where`, if given) get `kind`. */
  next(n: number, kind: FaultKind, where?: (request: RequestInfo) => boolean): void {
    this.queue.push({ kind, remaining: n, ...(where !== undefined ? { where } : {}) });
  }

  /** The next `n` batch parts (matching `where`) get `kind`. */
  nextParts(n: number, kind: PartFaultKind, where?: (request: RequestInfo) => boolean): void {
    this.partQueue.push({ kind, remaining: n, ...(where !== undefined ? { where } : {}) });
  }

  /** Every request (and part) waits a time drawn from [min, max] ms first. */
  latency(minMs: number, maxMs = minMs): void {
    this.latencyRange = [minMs, maxMs];
  }

  clear(): void {
    this.probability = 0;
    this.partProbability = 0;
    this.queue = [];
    this.partQueue = [];
    this.latencyRange = [0, 0];
  }

  forRequest(request: RequestInfo): FaultKind | undefined {
    return this.draw(this.queue, request, this.probability, this.kinds);
  }

  forPart(request: RequestInfo): PartFaultKind | undefined {
    return this.draw(this.partQueue, request, this.partProbability, this.partKinds);
  }

  delayMs(): number {
    const [min, max] = this.latencyRange;
    return max <= 0 ? 0 : Math.round(min + this.random() * (max - min));
  }

  private draw<K>(
    queue: Queued<K>[],
    request: RequestInfo,
    probability: number,
    kinds: K[],
  ): K | undefined {
    const queued = queue.find(
      (q) => q.remaining > 0 && (q.where === undefined || q.where(request)),
    );
    if (queued !== undefined) {
      queued.remaining--;
      return queued.kind;
    }
    if (probability <= 0 || kinds.length === 0) return undefined;
    if (this.random() >= probability) return undefined;
    return kinds[Math.floor(this.random() * kinds.length)];
  }
}
