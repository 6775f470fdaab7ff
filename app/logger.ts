import pino from "pino";
import type { Logger } from "../ports/logger";

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * A guard, not the policy: code logs ids, but should a document or a card
 * submission ever be logged whole, these keys (at the top level or one level
 * down) come out censored.
 */
const PERSONAL_KEYS = [
  "name",
  "displayName",
  "email",
  "mail",
  "dob",
  "address",
  "phone",
  "children",
  "invitees",
  "notes",
  "rationale",
  "reason",
  "text",
];
export const REDACT_PATHS = PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`]);

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service: "convene" },
    redact: { paths: REDACT_PATHS, censor: "[redacted]" },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** Discards everything: tests and benchmarks that assert on other things. */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};
