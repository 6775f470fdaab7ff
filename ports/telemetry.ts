import {
  metrics,
  SpanStatusCode,
  trace,
  type Attributes,
  type Counter,
  type Histogram,
  type Meter,
} from "@opentelemetry/api";

/**
 * What Convene measures, through the OpenTelemetry API only: without a
 * registered provider (no APPLICATIONINSIGHTS_CONNECTION_STRING) every call
 * here is a no-op; app/telemetry.ts registers one. Attributes are code
 * identifiers (a verb, a task type, a Graph operation, an outcome), never a
 * name, an email or a case detail: the same rule as the logs (ids only).
 */
const NAME = "convene";

interface Instruments {
  meter: Meter;
  invokeDuration: Histogram;
  schedulerLag: Histogram;
  tasksDue: Counter;
  tasksFailed: Counter;
  graphThrottled: Counter;
  graphRetries: Counter;
}

let cached: Instruments | undefined;

/**
 * The metrics API hands out a no-op meter until a provider is registered,
 * and keeps it: instruments are made afresh when the meter changes, so
 * modules loaded before telemetry started still record once it has.
 */
function instruments(): Instruments {
  const meter = metrics.getMeter(NAME);
  if (cached?.meter === meter) return cached;
  cached = {
    meter,
    invokeDuration: meter.createHistogram("convene.invoke.duration", {
      description: "Time to answer a card action (Action.Execute invoke)",
      unit: "ms",
    }),
    schedulerLag: meter.createHistogram("convene.scheduler.lag", {
      description: "How late a task was claimed after it fell due",
      unit: "ms",
    }),
    tasksDue: meter.createCounter("convene.tasks.due", {
      description: "Due tasks found by the scheduler's sweeps",
    }),
    tasksFailed: meter.createCounter("convene.tasks.failed", {
      description: "Tasks that gave up (an administrator is told)",
    }),
    graphThrottled: meter.createCounter("convene.graph.throttled", {
      description: "Graph answers 429 Too Many Requests",
    }),
    graphRetries: meter.createCounter("convene.graph.retries", {
      description: "Graph calls attempted again",
    }),
  };
  return cached;
}

export const telemetry = {
  invoke(verb: string, ms: number, outcome: "answered" | "late" | "failed" | "refused"): void {
    instruments().invokeDuration.record(ms, { verb, outcome });
  },
  schedulerLag(taskType: string, ms: number): void {
    instruments().schedulerLag.record(Math.max(0, ms), { taskType });
  },
  tasksDue(count: number): void {
    if (count > 0) instruments().tasksDue.add(count);
  },
  taskFailed(taskType: string): void {
    instruments().tasksFailed.add(1, { taskType });
  },
  graphThrottled(op: string): void {
    instruments().graphThrottled.add(1, { op });
  },
  graphRetry(op: string, outcome: string): void {
    instruments().graphRetries.add(1, { op, outcome });
  },
};

/** Runs `fn` inside a span named `name`; an error marks the span and is rethrown. */
export async function inSpan<T>(
  name: string,
  attributes: Attributes,
  fn: () => Promise<T>,
): Promise<T> {
  return trace.getTracer(NAME).startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await fn();
    } catch (error) {
      span.setStatus({
        code: SpanStatusCode.ERROR,
        message: error instanceof Error ? error.name : "error",
      });
      throw error;
    } finally {
      span.end();
    }
  });
}
