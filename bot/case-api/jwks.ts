import { createPublicKey, type JsonWebKey, type KeyObject } from "node:crypto";

/**
 * The tenant's signing keys (Microsoft identity platform: "Validate tokens",
 * https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens#validate-tokens):
 * published as a JWKS at `https://login.microsoftonline.com/{tenant}/discovery/v2.0/keys`
 * and rolled over without notice, so the set is cached and fetched again when a
 * token names a key id it does not hold (at most once a minute, so a flood of
 * tokens with invented key ids cannot make Convene hammer the endpoint).
 */
export interface KeySource {
  key(kid: string): Promise<KeyObject | undefined>;
}

export function jwksKeySource(options: {
  url: string;
  now: () => number;
  /** How long a fetched set is trusted (default 24 hours). */
  ttlMs?: number;
  /** Least time between two fetches for an unknown key id (default 60 s). */
  refetchMs?: number;
  fetchJson?: (url: string) => Promise<unknown>;
}): KeySource {
  const ttl = options.ttlMs ?? 24 * 3600_000;
  const refetch = options.refetchMs ?? 60_000;
  const fetchJson =
    options.fetchJson ??
    (async (url: string) => {
      const res = await fetch(url, { signal: AbortSignal.timeout(10_000) });
      if (!res.ok) throw new Error(`JWKS fetch answered ${res.status}`);
      return res.json();
    });
  let keys = new Map<string, KeyObject>();
  let fetchedAt = -Infinity;
  let inFlight: Promise<void> | undefined;

  const load = async (): Promise<void> => {
    const body = (await fetchJson(options.url)) as {
      keys?: (JsonWebKey & { kid?: string; use?: string })[];
    };
    const next = new Map<string, KeyObject>();
    for (const jwk of body.keys ?? []) {
      if (
        jwk.kid === undefined ||
        jwk.kty !== "RSA" ||
        (jwk.use !== undefined && jwk.use !== "sig")
      )
        continue;
      next.set(
        jwk.kid,
        createPublicKey({ key: { kty: jwk.kty, n: jwk.n, e: jwk.e }, format: "jwk" }),
      );
    }
    keys = next;
    fetchedAt = options.now();
  };
  const refresh = (): Promise<void> => {
    inFlight ??= load().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  };

  return {
    async key(kid) {
      const age = options.now() - fetchedAt;
      if (age >= ttl || (!keys.has(kid) && age >= refetch)) await refresh();
      return keys.get(kid);
    },
  };
}
