import type { AccessToken, TokenCredential } from "@azure/identity";

/**
 * A TokenCredential with a fixed token, for tests that are about Graph and
 * not about Entra ID: pass the same token to startLocalGraph's acceptTokens.
 * It checks the adapter asks for Graph's .default scope and nothing else.
 */
export class StaticTokenCredential implements TokenCredential {
  readonly scopesAsked: string[][] = [];

  constructor(
    readonly token: string,
    private readonly expiresOnTimestamp = Date.UTC(2099, 0, 1),
  ) {}

  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopesAsked.push(Array.isArray(scopes) ? [...scopes] : [scopes]);
    return { token: this.token, expiresOnTimestamp: this.expiresOnTimestamp };
  }
}
