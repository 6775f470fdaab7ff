import { startConvene } from "./app";
import { loadConfig } from "./config";
import { createLogger } from "./logger";
import { startTelemetry } from "./telemetry";

/**
 * `npm start`: the one place that reads the configuration and the real
 * clock (everything else receives them), then starts Convene
 * (app/app.ts) and stops it cleanly on SIGINT/SIGTERM.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  // Before anything records: the meters and tracers are registered here.
  const telemetry = await startTelemetry(config.telemetry, logger);
  const convene = await startConvene(config, { logger, realClock: () => new Date() });
  const shutdown = (signal: string): void => {
    logger.info({ signal }, "convene stopping");
    void convene
      .close()
      .then(() => telemetry.shutdown())
      .then(() => process.exit(0));
  };
  process.once("SIGINT", () => shutdown("SIGINT"));
  process.once("SIGTERM", () => shutdown("SIGTERM"));
}

main().catch((err: unknown) => {
  // Configuration errors name the variable and the problem, never a value.
  process.stderr.write(`convene: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
