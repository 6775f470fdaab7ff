import pino from "pino";
import { createLogger } from "../app/logger";
import type { StoreConfig } from "../store/settings";
import type { LogLevel } from "../app/logger";
import { openStore } from "../store/open-store";

/**
 * The store a `convene` command works on: the one the server opens, from the
 * same environment, migrated first as the server does. Its log goes to
 * stderr, so `--json` output on stdout stays clean.
 */
export function openCommandStore(config: { store: StoreConfig; logLevel?: LogLevel }) {
  const logger = createLogger(config.logLevel ?? "warn", pino.destination({ fd: 2, sync: true }));
  return openStore(config.store, { clock: () => new Date(), logger });
}
