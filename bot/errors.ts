/**
 * Failures of the Teams edge carry a code, so logs and callers decide on the
 * code and never on message text (docs/architecture.md, errors carry a code).
 *
 * - InvalidInvoke: an `adaptiveCard/action` whose value is not an Action.Execute.
 * - UnknownVerb: a verb no handler is registered for (an old card, or a typo).
 * - NoActor: the activity carries no Entra object id, so nobody can be authorised.
 * - DemoRoutesRefused: demo-only routes asked for while app credentials are set
 *   (docs/data-protection.md) or while demo mode is off.
 * - InvalidBotConfig: a BotConfig botbuilder would refuse (e.g. SingleTenant without a tenant).
 */
export type BotErrorCode =
  "InvalidInvoke" | "UnknownVerb" | "NoActor" | "DemoRoutesRefused" | "InvalidBotConfig";

export class BotError extends Error {
  constructor(
    readonly code: BotErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BotError";
  }
}

/**
 * The code to log for any thrown value: its `code` if it has a string one
 * (StoreError, BotError, Node's errors), else its class name. Never the
 * message, which could quote a person.
 */
export function errorCode(err: unknown): string {
  if (typeof err === "object" && err !== null) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === "string" && code.length > 0) return code;
    if (err instanceof Error) return err.name;
  }
  return "Unknown";
}
