import https from "node:https";
import { metrics, trace } from "@opentelemetry/api";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";
import type { Logger } from "../ports/logger";
import type { TelemetryConfig } from "./config";

export interface RunningTelemetry {
  /** Sends what is buffered now (tests; before a planned stop). */
  flush(): Promise<void>;
  shutdown(): Promise<void>;
}

const OFF: RunningTelemetry = { flush: async () => undefined, shutdown: async () => undefined };

/**
 * Traces and metrics (ports/telemetry.ts records them) exported to
 * Application Insights when APPLICATIONINSIGHTS_CONNECTION_STRING is set;
 * otherwise nothing is registered and every record is a no-op. The
 * exporter package is loaded only when configured. Logs are not exported:
 * they stay in the process's output, ids only.
 */
export async function startTelemetry(
  config: TelemetryConfig | undefined,
  logger: Logger,
  options: {
    metricIntervalMs?: number;
    /** Tests: the certificate of a loopback ingestion endpoint to trust (the exporter only speaks HTTPS). */
    ca?: string;
  } = {},
): Promise<RunningTelemetry> {
  if (config === undefined) return OFF;
  const { AzureMonitorTraceExporter, AzureMonitorMetricExporter } =
    await import("@azure/monitor-opentelemetry-exporter");
  const exporterOptions = {
    connectionString: config.connectionString,
    // No spill files on the web app's disk: a span that cannot be sent is dropped.
    storageDirectory: undefined,
    disableOfflineStorage: true,
    ...(options.ca !== undefined ? { agent: new https.Agent({ ca: options.ca }) } : {}),
  };
  const resource = resourceFromAttributes({ "service.name": "convene" });
  const tracer = new BasicTracerProvider({
    resource,
    spanProcessors: [new BatchSpanProcessor(new AzureMonitorTraceExporter(exporterOptions))],
  });
  const reader = new PeriodicExportingMetricReader({
    exporter: new AzureMonitorMetricExporter(exporterOptions),
    exportIntervalMillis: options.metricIntervalMs ?? 60_000,
  });
  const meter = new MeterProvider({ resource, readers: [reader] });
  trace.setGlobalTracerProvider(tracer);
  metrics.setGlobalMeterProvider(meter);
  logger.info({ exporter: "azure-monitor" }, "telemetry started");
  return {
    flush: async () => {
      await tracer.forceFlush();
      await meter.forceFlush();
    },
    shutdown: async () => {
      await tracer.shutdown();
      await meter.shutdown();
      trace.disable();
      metrics.disable();
    },
  };
}
