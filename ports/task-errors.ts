/**
 * docs/architecture.md, errors carry a code: bad input is never retried; transient failures are.
 * A handler marks an error permanent by throwing PermanentTaskError, or any
 * error whose `code` is one of PERMANENT_CODES (e.g. a store InvalidDocument:
 * retrying cannot fix a document that fails its schema). Anything else is
 * treated as transient (network, throttling, 5xx) and retried with backoff.
 */
export const PERMANENT_CODES: ReadonlySet<string> = new Set([
  "BadInput",
  "InvalidDocument",
  "NotFound",
  "UnknownTaskType",
  "Permanent",
]);

export class PermanentTaskError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "PermanentTaskError";
  }
}

export function errorCode(err: unknown): string {
  if (typeof err === "object" && err !== null && "code" in err) {
    const { code } = err;
    if (typeof code === "string" && code !== "") return code;
    if (typeof code === "number") return String(code);
  }
  return hasString(err, "name") ? err.name : "Error";
}

export function isPermanent(err: unknown): boolean {
  return err instanceof PermanentTaskError || PERMANENT_CODES.has(errorCode(err));
}

/**
 * What is stored in task.lastError for an administrator: the code and a
 * short message. Handlers keep personal data out of their messages; the cap
 * limits the damage if one does not. Logs get the code only.
 */
export function describeError(err: unknown): string {
  const message = hasString(err, "message") ? err.message : String(err);
  return `${errorCode(err)}: ${message}`.slice(0, 300);
}

/** Duck-typed, not instanceof: errors may come from another realm (jest, native addons). */
function hasString<K extends string>(value: unknown, key: K): value is Record<K, string> {
  return (
    typeof value === "object" &&
    value !== null &&
    key in value &&
    typeof (value as Record<K, unknown>)[key] === "string"
  );
}
