import { verify } from "node:crypto";
import type { KeySource } from "./jwks";

/** The app role a caller's app registration must be granted (Entra: app roles, application permission). */
export const CASES_ROLE = "Cases.ReadWrite";

export interface TokenRules {
  /** The council's tenant id (GUID). */
  tenantId: string;
  /** Accepted `aud` values: CASE_API_AUDIENCE (default api://<MicrosoftAppId>), and the bare app id that v2 tokens carry. */
  audiences: readonly string[];
  keys: KeySource;
  now: () => number;
  /** Clock skew allowed on exp and nbf (default 5 minutes). */
  skewSeconds?: number;
}

export type TokenCheck =
  { ok: true; appId: string } | { ok: false; status: 401 | 403; reason: string };

const b64url = (s: string): Buffer => Buffer.from(s, "base64url");

/**
 * An Entra ID client-credential access token, checked the way the identity
 * platform documents (https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens#validate-tokens,
 * "claims-validation"): RS256 signature by a key of the tenant's JWKS; `iss`
 * the v1 (`https://sts.windows.net/{tid}/`) or v2
 * (`https://login.microsoftonline.com/{tid}/v2.0`) issuer of the council's
 * tenant, and `tid` that tenant; `aud` Convene's API; `exp` and `nbf`; and
 * the app role in `roles` (application permissions arrive there, never in
 * `scp`). Anything wrong about who the caller is answers 401; a genuine
 * caller without the role answers 403. The reason is for the log only.
 */
export async function checkToken(
  authorization: string | undefined,
  rules: TokenRules,
): Promise<TokenCheck> {
  const fail = (reason: string, status: 401 | 403 = 401): TokenCheck => ({
    ok: false,
    status,
    reason,
  });
  const m = /^Bearer ([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]+)$/.exec(
    authorization?.trim() ?? "",
  );
  if (m === null) return fail("no bearer token");
  const [, h, p, s] = m as unknown as [string, string, string, string];
  let header: { alg?: string; kid?: string };
  let claims: Record<string, unknown>;
  try {
    header = JSON.parse(b64url(h).toString("utf8")) as typeof header;
    claims = JSON.parse(b64url(p).toString("utf8")) as Record<string, unknown>;
  } catch {
    return fail("token is not JSON");
  }
  if (header.alg !== "RS256" || typeof header.kid !== "string") return fail("alg or kid");
  let key;
  try {
    key = await rules.keys.key(header.kid);
  } catch {
    return fail("signing keys unavailable");
  }
  if (key === undefined) return fail("unknown signing key");
  if (!verify("RSA-SHA256", Buffer.from(`${h}.${p}`), key, b64url(s))) return fail("signature");

  const tid = rules.tenantId.toLowerCase();
  const issuers = [
    `https://sts.windows.net/${tid}/`,
    `https://login.microsoftonline.com/${tid}/v2.0`,
  ];
  if (typeof claims.iss !== "string" || !issuers.includes(claims.iss.toLowerCase()))
    return fail("issuer");
  if (typeof claims.tid === "string" && claims.tid.toLowerCase() !== tid) return fail("tenant");
  const aud = claims.aud;
  if (typeof aud !== "string" || !rules.audiences.includes(aud)) return fail("audience");
  const now = rules.now() / 1000;
  const skew = rules.skewSeconds ?? 300;
  if (typeof claims.exp !== "number" || claims.exp + skew <= now) return fail("expired");
  if (typeof claims.nbf === "number" && claims.nbf - skew > now) return fail("not yet valid");
  const appId = claims.azp ?? claims.appid;
  if (typeof appId !== "string" || !/^[0-9a-f-]{36}$/i.test(appId)) return fail("no app id");
  const roles = Array.isArray(claims.roles) ? claims.roles : [];
  if (!roles.includes(CASES_ROLE)) return fail("role", 403);
  return { ok: true, appId: appId.toLowerCase() };
}
