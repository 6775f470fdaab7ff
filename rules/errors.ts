/**
 * Bad input to the rules (an impossible date, an unknown policy, a missing
 * anchor). It carries a code so that edges (CLI, cards) can answer it clearly
 * and never retry it (docs/architecture.md, errors carry a code).
 */
export type RulesInputErrorCode =
  | "bad-date"
  | "out-of-range"
  | "nonexistent-local-time"
  | "unknown-policy"
  | "bad-overrides"
  | "no-rules-for-meeting"
  | "no-anchor"
  | "unused-anchor"
  | "meeting-before-anchor"
  | "bad-review"
  | "bad-history"
  | "bad-range";

export class RulesInputError extends Error {
  override readonly name = "RulesInputError";
  constructor(
    readonly code: RulesInputErrorCode,
    message: string,
  ) {
    super(message);
  }
}
