import {
  createHmac,
  generateKeyPairSync,
  randomUUID,
  sign as rsaSign,
  type KeyObject,
} from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local token issuer on loopback, for tests of every edge that checks a
 * token: OpenID metadata and a JWKS, and tokens it mints in the two shapes
 * Convene meets.
 *
 * - Bot Framework (Teams → POST /api/messages): iss https://api.botframework.com,
 *   aud = the bot's app id, a `serviceurl` claim equal to the activity's
 *   serviceUrl, RS256, keys published with `endorsements` naming the channels
 *   they may sign for; botbuilder allows 5 minutes of clock skew.
 *   https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication#connector-to-bot
 * - Entra ID v2 access tokens (the case API and tab, later): iss
 *   https://login.microsoftonline.com/{tid}/v2.0, aud = the API's client id,
 *   `tid`, `oid`, `roles`, `scp`.
 *   https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference
 *
 * The metadata lives at the paths the real services use, under this
 * server's origin:
 *   /botframework/v1/.well-known/openidconfiguration → jwks_uri /botframework/keys
 *   /{tenant}/v2.0/.well-known/openid-configuration → jwks_uri /{tenant}/discovery/v2.0/keys
 * Real signatures throughout: what a test can get wrong (a stranger's key,
 * an HS256 token, a lapsed `exp`, a future `nbf`, another audience) is what
 * a caller could get wrong.
 */
export const BOT_FRAMEWORK_ISSUER = "https://api.botframework.com";

export interface TokenOptions {
  /** Seconds from now; negative for a lapsed token. Default 3600. */
  expiresIn?: number;
  /** Seconds from now the token becomes valid; default -60. */
  notBefore?: number;
  /** "RS256" (default), or "HS256" signed with a shared secret (which no verifier here accepts). */
  alg?: "RS256" | "HS256";
  /** Sign with a key that is not in the JWKS, under the published key's kid (a forged signature). */
  forged?: boolean;
  /** Claims added or overriding the defaults (an undefined value leaves the claim out). */
  claims?: Record<string, unknown>;
  /** Put this key id in the header instead of the published one (a key the JWKS does not have). */
  kid?: string;
}

export interface TokenIssuer {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Bot Framework's channel metadata document. */
  botFrameworkMetadataUrl: string;
  /** Entra's metadata document for a tenant. */
  entraMetadataUrl(tenantId: string): string;
  entraIssuer(tenantId: string): string;
  botFrameworkToken(appId: string, serviceUrl: string, options?: TokenOptions): string;
  entraToken(
    tenantId: string,
    audience: string,
    claims: { oid: string; roles?: string[]; scp?: string },
    options?: TokenOptions,
  ): string;
  /** How many times each metadata or key document was fetched. */
  fetches: Map<string, number>;
  /** The published signing key's id. */
  kid: string;
  close(): Promise<void>;
}

const b64url = (value: Buffer | string): string => Buffer.from(value).toString("base64url");

function rsaKey(): { privateKey: KeyObject; jwk: { n: string; e: string } } {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = publicKey.export({ format: "jwk" }) as { n: string; e: string };
  return { privateKey, jwk };
}

export async function startTokenIssuer(
  options: {
    channels?: string[];
    /** The clock tokens are dated by (a test's fake clock); default the real one. */
    now?: () => number;
  } = {},
): Promise<TokenIssuer> {
  const published = rsaKey();
  const stranger = rsaKey();
  const kid = `local-${randomUUID().slice(0, 8)}`;
  const endorsements = options.channels ?? ["msteams"];
  const fetches = new Map<string, number>();
  let origin = "";

  const jwks = (): unknown => ({
    keys: [{ kty: "RSA", use: "sig", kid, n: published.jwk.n, e: published.jwk.e, endorsements }],
  });

  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    fetches.set(path, (fetches.get(path) ?? 0) + 1);
    const json = (status: number, body: unknown): void => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method !== "GET") return json(405, { error: "method not allowed" });
    if (path === "/botframework/v1/.well-known/openidconfiguration") {
      return json(200, {
        issuer: BOT_FRAMEWORK_ISSUER,
        authorization_endpoint: `${origin}/botframework/authorize`,
        jwks_uri: `${origin}/botframework/keys`,
        id_token_signing_alg_values_supported: ["RS256"],
        token_endpoint_auth_methods_supported: ["private_key_jwt"],
      });
    }
    if (path === "/botframework/keys") return json(200, jwks());
    const entraMeta = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (entraMeta !== null) {
      const tenant = entraMeta[1] ?? "";
      return json(200, {
        issuer: `https://login.microsoftonline.com/${tenant}/v2.0`,
        jwks_uri: `${origin}/${tenant}/discovery/v2.0/keys`,
        token_endpoint: `${origin}/${tenant}/oauth2/v2.0/token`,
        id_token_signing_alg_values_supported: ["RS256"],
      });
    }
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) return json(200, jwks());
    return json(404, { error: "not found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const mint = (payload: Record<string, unknown>, o: TokenOptions = {}): string => {
    const now = Math.floor((options.now ?? Date.now)() / 1000);
    const alg = o.alg ?? "RS256";
    const header = { alg, typ: "JWT", kid: o.kid ?? kid };
    const body = {
      nbf: now + (o.notBefore ?? -60),
      iat: now - 60,
      exp: now + (o.expiresIn ?? 3600),
      ...payload,
      ...o.claims,
    };
    const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(body))}`;
    const signature =
      alg === "HS256"
        ? createHmac("sha256", "a-shared-secret-nobody-should-accept").update(signingInput).digest()
        : rsaSign(
            "sha256",
            Buffer.from(signingInput),
            (o.forged ? stranger : published).privateKey,
          );
    return `${signingInput}.${b64url(signature)}`;
  };

  return {
    origin,
    botFrameworkMetadataUrl: `${origin}/botframework/v1/.well-known/openidconfiguration`,
    entraMetadataUrl: (tenantId) => `${origin}/${tenantId}/v2.0/.well-known/openid-configuration`,
    entraIssuer: (tenantId) => `https://login.microsoftonline.com/${tenantId}/v2.0`,
    botFrameworkToken: (appId, serviceUrl, o) =>
      mint({ iss: BOT_FRAMEWORK_ISSUER, aud: appId, serviceurl: serviceUrl }, o),
    entraToken: (tenantId, audience, claims, o) =>
      mint(
        {
          iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
          aud: audience,
          tid: tenantId,
          ver: "2.0",
          sub: claims.oid,
          ...claims,
        },
        o,
      ),
    fetches,
    kid,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
