import https from "node:https";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { silentLogger } from "./logger";
import { loadConfig } from "./config";
import { startTelemetry } from "./telemetry";
import { inSpan, telemetry } from "../ports/telemetry";
import { makeCertificate } from "../test/local-graph";

/**
 * Application Insights' ingestion (the "breeze" endpoint: POST
 * {IngestionEndpoint}/v2.1/track, a JSON array of envelopes, often gzipped)
 * played by a small HTTPS server on loopback (the exporter turns http:// into https://). The connection string points
 * the real exporter at it.
 */
interface Envelope {
  name: string;
  data?: {
    baseType?: string;
    baseData?: { name?: string; properties?: Record<string, string>; metrics?: { name: string }[] };
  };
}
let server: https.Server;
let ca: string;
let endpoint: string;
const received: Envelope[] = [];

beforeAll(async () => {
  // The SDK's own usage statistics go to Microsoft; not part of this test (and no network here).
  process.env.APPLICATION_INSIGHTS_NO_STATSBEAT = "true";
  process.env.APPLICATIONINSIGHTS_STATSBEAT_DISABLED = "true";
  process.env.APPLICATIONINSIGHTS_SDKSTATS_DISABLED = "true";
  const certificate = await makeCertificate();
  ca = certificate.cert;
  server = https.createServer(certificate, (request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (c: Buffer) => chunks.push(c));
    request.on("end", () => {
      let body = Buffer.concat(chunks);
      if (request.headers["content-encoding"] === "gzip") body = gunzipSync(body);
      if (request.method === "POST" && request.url?.endsWith("/v2.1/track")) {
        const items = JSON.parse(body.toString("utf8")) as Envelope[];
        received.push(...items);
        response.writeHead(200, { "content-type": "application/json" });
        response.end(
          JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }),
        );
        return;
      }
      response.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("telemetry to Application Insights", () => {
  it("stays off (and loads no exporter) without a connection string", async () => {
    expect(loadConfig({ DEMO_MODE: "true" }).telemetry).toBeUndefined();
    const off = await startTelemetry(undefined, silentLogger);
    await inSpan("nothing", {}, async () => undefined);
    await off.flush();
    expect(received).toEqual([]);
  });

  it("sends traces and metrics to the ingestion endpoint the connection string names", async () => {
    const { telemetry: config } = loadConfig({
      DEMO_MODE: "true",
      APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=${endpoint}`,
    });
    const running = await startTelemetry(config, silentLogger, { metricIntervalMs: 60_000, ca });
    try {
      await inSpan(
        "task reminders.icpc",
        { taskType: "reminders.icpc", taskId: "t-1" },
        async () => {
          telemetry.schedulerLag("reminders.icpc", 1500);
          telemetry.graphThrottled("mail.send-batch");
          telemetry.graphRetry("mail.send-batch", "throttled");
        },
      );
      telemetry.tasksDue(3);
      telemetry.taskFailed("reminders.icpc");
      telemetry.invoke("booking.book", 420, "answered");
      await running.flush();
    } finally {
      await running.shutdown();
    }
    const spans = received.filter(
      (e) => e.data?.baseType === "RemoteDependencyData" || e.data?.baseType === "RequestData",
    );
    expect(spans.map((e) => e.data?.baseData?.name)).toContain("task reminders.icpc");
    const span = spans.find((e) => e.data?.baseData?.name === "task reminders.icpc");
    expect(span?.data?.baseData?.properties).toEqual(
      expect.objectContaining({ taskType: "reminders.icpc", taskId: "t-1" }),
    );
    const metricNames = received
      .filter((e) => e.data?.baseType === "MetricData")
      .flatMap((e) => e.data?.baseData?.metrics?.map((m) => m.name) ?? []);
    expect(metricNames).toEqual(
      expect.arrayContaining([
        "convene.scheduler.lag",
        "convene.graph.throttled",
        "convene.graph.retries",
        "convene.tasks.due",
        "convene.tasks.failed",
        "convene.invoke.duration",
      ]),
    );
  });

  it("refuses a connection string without an instrumentation key, naming the variable", () => {
    expect(() =>
      loadConfig({
        DEMO_MODE: "true",
        APPLICATIONINSIGHTS_CONNECTION_STRING: "IngestionEndpoint=http://x/",
      }),
    ).toThrow(/APPLICATIONINSIGHTS_CONNECTION_STRING/);
  });
});
