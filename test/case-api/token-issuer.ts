import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { generateKeyPairSync, randomUUID, sign, type KeyObject } from "node:crypto";

/**
 * A small Entra-like token issuer for tests: an RSA key pair, its JWKS served
 * on loopback (the shape of https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys)
 * and client-credential access tokens signed like Entra's (RS256, `kid` in
 * the header; claims per https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference).
 * Meant to be swapped for the shared local issuer (OpenID metadata + JWKS)
 * when the branches meet: only `jwksUrl` and `token()` are used by the tests.
 */
export interface TestIssuer {
  tenantId: string;
  jwksUrl: string;
  /** How many times the JWKS was fetched (the cache test reads it). */
  fetches(): number;
  token(claims?: Record<string, unknown>, options?: { key?: KeyObject; kid?: string }): string;
  /** A key that is not in the JWKS (a forged token). */
  strangerKey: KeyObject;
  close(): Promise<void>;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");

export async function startTestIssuer(options: { now: () => number }): Promise<TestIssuer> {
  const tenantId = randomUUID();
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const stranger = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "test-key-1";
  const jwk = publicKey.export({ format: "jwk" });
  let count = 0;
  const server: Server = createServer((req, res) => {
    if (req.url === `/${tenantId}/discovery/v2.0/keys`) {
      count++;
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ keys: [{ kty: "RSA", use: "sig", kid, n: jwk.n, e: jwk.e }] }));
    } else {
      res.statusCode = 404;
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    tenantId,
    jwksUrl: `http://127.0.0.1:${port}/${tenantId}/discovery/v2.0/keys`,
    fetches: () => count,
    strangerKey: stranger.privateKey,
    token(claims = {}, opts = {}) {
      const now = Math.floor(options.now() / 1000);
      const body = {
        aud: "api://convene-test",
        iss: `https://login.microsoftonline.com/${tenantId}/v2.0`,
        iat: now,
        nbf: now,
        exp: now + 3600,
        azp: "6f1c3a52-9d7e-4b8a-a3f1-2c4d5e6f7a8b",
        azpacr: "1",
        idtyp: "app",
        oid: randomUUID(),
        sub: randomUUID(),
        tid: tenantId,
        roles: ["Cases.ReadWrite"],
        ver: "2.0",
        ...claims,
      };
      const head = b64({ typ: "JWT", alg: "RS256", kid: opts.kid ?? kid });
      const payload = b64(body);
      const sig = sign("RSA-SHA256", Buffer.from(`${head}.${payload}`), opts.key ?? privateKey);
      return `${head}.${payload}.${sig.toString("base64url")}`;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
