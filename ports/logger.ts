/**
 * What the rest of Convene needs from a logger. pino's Logger fits it; tests
 * pass a recorder. Log objects carry ids and codes only (docs/data-protection.md).
 */
export interface Logger {
  debug(obj: Record<string, unknown>, msg: string): void;
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
  error(obj: Record<string, unknown>, msg: string): void;
}
