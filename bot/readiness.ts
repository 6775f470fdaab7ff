import type { Logger } from "../ports/logger";
import type { Store } from "../ports/store";
import { errorCode } from "./errors";

/**
 * Readiness (GET /api/ready) answers "can this instance do its work now?",
 * which is not liveness (GET /api/health: "is the process answering?").
 * App Service's health check and a load balancer take an instance out of
 * rotation on a failing readiness, without restarting it; nothing else
 * owns these checks.
 */
export interface ReadinessCheck {
  /** Short and stable: "store", "graph", "scheduler". */
  name: string;
  /** Resolves when fine; throws (a ReadinessFailure with a plain reason, or anything) when not. */
  run(): Promise<void>;
}

export interface Readiness {
  checks: readonly ReadinessCheck[];
  /** Per check; a check slower than this has failed (default 5 s). */
  timeoutMs?: number;
}

export class ReadinessFailure extends Error {
  readonly code = "NotReady";
}

export interface CheckResult {
  name: string;
  ok: boolean;
  /** Why not: a sentence we wrote, or the error's code (never its message). */
  reason?: string;
}

function withTimeout(run: () => Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new ReadinessFailure(`no answer within ${ms} ms`)), ms);
    run().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err instanceof Error ? err : new Error(String(err)));
      },
    );
  });
}

export async function runChecks(readiness: Readiness): Promise<CheckResult[]> {
  const timeoutMs = readiness.timeoutMs ?? 5000;
  return Promise.all(
    readiness.checks.map(async (check): Promise<CheckResult> => {
      try {
        await withTimeout(() => check.run(), timeoutMs);
        return { name: check.name, ok: true };
      } catch (err) {
        const reason = err instanceof ReadinessFailure ? err.message : errorCode(err);
        return { name: check.name, ok: false, reason };
      }
    }),
  );
}

/** 200 with every check, or 503 naming the failing ones (also logged). */
export async function answerReadiness(
  readiness: Readiness | undefined,
  logger: Logger,
): Promise<{ status: number; body: { ready: boolean; checks: CheckResult[] } }> {
  const checks = readiness === undefined ? [] : await runChecks(readiness);
  const failing = checks.filter((c) => !c.ok);
  if (failing.length > 0) {
    logger.warn({ failing: failing.map((c) => `${c.name}: ${c.reason ?? ""}`) }, "not ready");
    return { status: 503, body: { ready: false, checks } };
  }
  return { status: 200, body: { ready: true, checks } };
}

/** The id of the store's probe document; one per store (instances share it). */
export const STORE_PROBE_ID = "readiness-probe";

/**
 * The store reads and writes: one probe document is read and written back
 * (created the first time). It is an `inbound-notification` record (the
 * smallest document type, holding only a time) under an id no Graph
 * notification digest can take, so no workflow ever reads it.
 */
export function storeCheck(store: Store, clock: () => Date): ReadinessCheck {
  return {
    name: "store",
    run: async () => {
      const now = clock().toISOString();
      const doc = {
        type: "inbound-notification" as const,
        id: STORE_PROBE_ID,
        pk: STORE_PROBE_ID,
        subscriptionId: "readiness",
        receivedAt: now,
      };
      const found = await store.get("inbound-notification", STORE_PROBE_ID, STORE_PROBE_ID);
      if (found === undefined) {
        try {
          await store.create(doc);
        } catch (err) {
          // Another instance created it first: a write happened; read it back.
          if (errorCode(err) !== "Conflict") throw err;
          await store.get("inbound-notification", STORE_PROBE_ID, STORE_PROBE_ID);
        }
        return;
      }
      try {
        await store.replace({ ...found, receivedAt: now }, found.etag ?? "");
      } catch (err) {
        // Another instance wrote it in between: the store did take a write.
        if (errorCode(err) !== "PreconditionFailed") throw err;
      }
    },
  };
}

/**
 * The scheduler sweeps: its last sweep ended within `maxAgeMs`, or one is
 * running and started within `maxRunMs` (a long batch of emails is work,
 * not a hang).
 */
export function schedulerCheck(
  sweeps: () => { lastEndedAt?: Date; runningSince?: Date },
  clock: () => Date,
  limits: { maxAgeMs: number; maxRunMs: number },
): ReadinessCheck {
  return {
    name: "scheduler",
    run: async () => {
      const now = clock().getTime();
      const { lastEndedAt, runningSince } = sweeps();
      if (runningSince !== undefined && now - runningSince.getTime() <= limits.maxRunMs) return;
      if (lastEndedAt !== undefined && now - lastEndedAt.getTime() <= limits.maxAgeMs) return;
      throw new ReadinessFailure(
        lastEndedAt === undefined
          ? "no sweep has finished yet"
          : `last sweep ended ${Math.round((now - lastEndedAt.getTime()) / 1000)} s ago`,
      );
    },
  };
}

/** Graph gives a token (only when Graph is configured; the outbox needs none). */
export function tokenCheck(name: string, getToken: () => Promise<unknown>): ReadinessCheck {
  return {
    name,
    run: async () => {
      const token = await getToken();
      if (token === null || token === undefined) throw new ReadinessFailure("no token");
    },
  };
}
