import { inSpan, telemetry } from "../ports/telemetry";
import type { z } from "zod";
import { CalendarError, type CallOutcome } from "../ports/calendar";
import { classifyStatus, isRetryable, mayHaveTakenEffect, parseRetryAfter } from "./classify";
import { calendarError } from "./errors";
import { NetworkError } from "./http/https-fetch";
import {
  CredentialFailure,
  type GraphAnswer,
  type GraphRequest,
  type GraphTransport,
} from "./http/graph-transport";
import type { Limiter } from "./limiter";
import { nextDelayMs, type RetryPolicy } from "./retry-policy";
import type { Runtime } from "./runtime";
import { graphErrorCode } from "./schemas";

/** A request plus what the logs call it (an operation name, never a URL: URLs hold mailboxes). */
export interface Call extends GraphRequest {
  op: string;
  /** Limiter permits held while in flight (a $batch holds more). */
  weight?: number;
}

/** One attempt, classified. */
export interface Attempt {
  outcome: CallOutcome;
  answer?: GraphAnswer;
  /** No answer at all (reset, dropped, timed out). */
  networkError?: NetworkError;
  retryAfterMs?: number;
  /** Whether this attempt may have changed something although it did not say so. */
  inDoubt: boolean;
  /** No token: nothing was sent (CredentialFailure). */
  credentialStatus?: number | "failed";
}

export interface CallOptions {
  /**
   * A 404/410 after an attempt whose answer was lost means that attempt did
   * the work (a cancel that went through moves the event to Deleted Items).
   */
  goneAfterDoubtIsDone?: boolean;
}

/**
 * Every Graph request goes through here: the limiter (4 in flight, docs/architecture.md),
 * classification, Retry-After, bounded retries with jitter, and log lines
 * with op, status, Graph's error code and attempt number only.
 */
export class GraphCaller {
  constructor(
    private readonly transport: GraphTransport,
    private readonly limiter: Limiter,
    readonly policy: RetryPolicy,
    readonly runtime: Runtime,
  ) {}

  /** One attempt through the limiter. Never throws for an HTTP or network failure. */
  async attempt(call: Call): Promise<Attempt> {
    try {
      const answer = await this.limiter.run(() => this.transport.send(call), call.weight ?? 1);
      if (answer.status === 429) telemetry.graphThrottled(call.op);
      const retryAfter = answer.headers.get("retry-after");
      const outcome = classifyStatus(answer.status, retryAfter !== null);
      const retryAfterMs = parseRetryAfter(retryAfter, this.runtime.clock());
      return {
        outcome,
        answer,
        ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        inDoubt: outcome !== "done" && mayHaveTakenEffect(answer.status),
      };
    } catch (error) {
      if (error instanceof NetworkError) {
        return { outcome: "failed", networkError: error, inDoubt: true };
      }
      if (error instanceof CredentialFailure) {
        // Entra ID refusing the app (4xx) is configuration, not weather.
        const refused = error.status !== undefined && error.status >= 400 && error.status < 500;
        return {
          outcome: refused ? "rejected" : "failed",
          inDoubt: false,
          credentialStatus: error.status ?? "failed",
        };
      }
      throw error;
    }
  }

  /**
   * Attempts until done or out of retries. Resolves with the 2xx answer;
   * rejects with a CalendarError carrying the last outcome.
   * Only for requests that are safe to repeat (GET, PATCH, POST /events with
   * its transactionId, getSchedule, cancel with goneAfterDoubtIsDone).
   */
  async call(call: Call, options: CallOptions = {}): Promise<GraphAnswer> {
    return inSpan(`graph ${call.op}`, { "convene.graph.op": call.op }, () =>
      this.attempts(call, options),
    );
  }

  private async attempts(call: Call, options: CallOptions): Promise<GraphAnswer> {
    let failed = 0;
    let doubted = false;
    for (;;) {
      const attempt = await this.attempt(call);
      if (attempt.outcome === "done" && attempt.answer !== undefined) return attempt.answer;
      if (attempt.outcome === "gone" && doubted && options.goneAfterDoubtIsDone === true) {
        this.log("debug", call, attempt, failed + 1, "gone after a lost answer: taken as done");
        return attempt.answer as GraphAnswer;
      }
      doubted ||= attempt.inDoubt;
      failed++;
      const delay = isRetryable(attempt.outcome)
        ? nextDelayMs(this.policy, failed, attempt.retryAfterMs, this.runtime.random)
        : undefined;
      if (delay === undefined) {
        this.log("warn", call, attempt, failed, "graph call gave up");
        throw toCalendarError(call, attempt);
      }
      this.log("debug", call, attempt, failed, "graph call retrying");
      telemetry.graphRetry(call.op, attempt.outcome);
      await this.runtime.sleep(delay);
    }
  }

  /** Parse a 2xx body with zod; a body Convene cannot read is UnexpectedResponse. */
  parse<T>(call: Call, schema: z.ZodType<T>, answer: GraphAnswer): T {
    const parsed = schema.safeParse(answer.body);
    if (!parsed.success) {
      this.runtime.logger.error(
        { op: call.op, status: answer.status, issues: parsed.error.issues.length },
        "graph answer not understood",
      );
      throw calendarError(
        "failed",
        "UnexpectedResponse",
        `${call.op}: Graph's answer was not understood`,
      );
    }
    return parsed.data;
  }

  log(
    level: "debug" | "warn",
    call: Call,
    attempt: Attempt,
    attemptNumber: number,
    message: string,
  ): void {
    this.runtime.logger[level](
      {
        op: call.op,
        attempt: attemptNumber,
        outcome: attempt.outcome,
        ...(attempt.answer !== undefined
          ? { status: attempt.answer.status, graphCode: graphErrorCode(attempt.answer.body) }
          : attempt.credentialStatus !== undefined
            ? { credential: attempt.credentialStatus }
            : { network: attempt.networkError?.causeCode ?? "no-answer" }),
        ...(attempt.retryAfterMs !== undefined ? { retryAfterMs: attempt.retryAfterMs } : {}),
      },
      message,
    );
  }
}

export function toCalendarError(call: Call, attempt: Attempt): CalendarError {
  const outcome = attempt.outcome === "done" ? "failed" : attempt.outcome;
  const status = attempt.answer?.status;
  const code = attempt.answer !== undefined ? graphErrorCode(attempt.answer.body) : undefined;
  if (attempt.credentialStatus !== undefined) {
    return new CalendarError(
      outcome,
      `${call.op}: no Graph token (credential ${attempt.credentialStatus})`,
      undefined,
      undefined,
      "AuthenticationFailed",
    );
  }
  const what =
    status !== undefined
      ? `HTTP ${status}${code !== undefined ? ` ${code}` : ""}`
      : `no answer (${attempt.networkError?.causeCode ?? "network"})`;
  return new CalendarError(outcome, `${call.op}: ${what}`, status, attempt.retryAfterMs);
}
