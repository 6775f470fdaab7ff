/**
 * Installing Convene in someone's Teams (personal scope), so a card can reach
 * a person who never opened the bot. graph/ implements it over Microsoft
 * Graph; bot/ uses it when it has no stored conversation for the person.
 */
export type InstallOutcome =
  /** Installed now, or it already was: `chatId` is the 1:1 chat with Convene's bot. */
  | { kind: "installed"; chatId: string; alreadyInstalled: boolean }
  /** The tenant refused: an app permission policy, or Convene's own permission. */
  | { kind: "refused"; reason: "policy" | "permission" | "not-in-catalog"; httpStatus?: number }
  /** Could not tell (network, throttled, Graph down): try again later. */
  | { kind: "failed"; httpStatus?: number };

export interface AppInstaller {
  installFor(userObjectId: string): Promise<InstallOutcome>;
}
