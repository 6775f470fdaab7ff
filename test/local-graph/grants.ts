import { randomBytes } from "node:crypto";
import {
  CONVENE_APPLICATION_PERMISSIONS,
  graphCall,
  isAllowed,
  type GraphCallId,
} from "../../graph/permissions";
import { graphError, type FakeAnswer } from "./http-types";

/**
 * The application permissions the tenant's admin has granted the app (its
 * app role assignments), and the tokens the local Graph has issued.
 *
 * Entra ID copies the granted app roles into an app-only token's `roles`
 * claim when it issues the token, and Graph authorises each call from that
 * claim alone:
 * https://learn.microsoft.com/en-us/entra/identity-platform/access-token-claims-reference
 * (roles) and https://learn.microsoft.com/en-us/graph/permissions-overview
 * (application permissions). So a token from the token endpoint keeps the
 * roles it was issued with: a grant or revoke shows in the next token, not
 * in one already held (expireTokens() ends those).
 *
 * Tokens given as `acceptTokens` (an injected TokenCredential's fixed
 * string) stand for "a fresh token on every call": their roles are the
 * grant at the moment of the call, so a test can grant, withhold or revoke
 * mid-run without juggling tokens.
 */
export class Grants {
  private granted: Set<string>;
  private readonly issued = new Map<string, { roles: readonly string[] } | "live">();
  private expired = new Set<string>();

  constructor(
    private readonly initial: readonly string[] = CONVENE_APPLICATION_PERMISSIONS,
    acceptTokens: readonly string[] = [],
  ) {
    this.granted = new Set(initial);
    for (const token of acceptTokens) this.issued.set(token, "live");
  }

  grant(...permissions: string[]): void {
    for (const p of permissions) this.granted.add(p);
  }

  revoke(...permissions: string[]): void {
    for (const p of permissions) this.granted.delete(p);
  }

  /** Exactly these, nothing else (a test that withholds everything but one). */
  set(permissions: readonly string[]): void {
    this.granted = new Set(permissions);
  }

  list(): string[] {
    return [...this.granted].sort();
  }

  /** Back to the grant the local Graph started with; issued tokens stay valid. */
  reset(): void {
    this.granted = new Set(this.initial);
    this.expired.clear();
  }

  /**
   * A token as Entra ID issues one for the client-credentials grant: a JWT
   * whose `roles` claim holds the app roles granted now. Signed with a key
   * only this process knows (the local Graph checks the token is one it
   * issued, not the signature).
   */
  issue(claims: { tenantId: string; clientId: string; issuer: string }): string {
    const roles = this.list();
    const now = Math.floor(Date.now() / 1000);
    const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const token = [
      part({ typ: "JWT", alg: "RS256", kid: "local" }),
      part({
        aud: "https://graph.microsoft.com",
        iss: claims.issuer,
        iat: now,
        nbf: now,
        exp: now + 3599,
        appid: claims.clientId,
        idtyp: "app",
        tid: claims.tenantId,
        roles,
      }),
      randomBytes(32).toString("base64url"),
    ].join(".");
    this.issued.set(token, { roles });
    return token;
  }

  /** Every token issued so far stops working (as if its hour were up). */
  expireTokens(): void {
    for (const [token, grant] of this.issued) if (grant !== "live") this.expired.add(token);
  }

  /** The `roles` of a bearer token, or the 401 Graph gives for it. */
  rolesOf(token: string | undefined): ReadonlySet<string> | FakeAnswer {
    const grant = token === undefined ? undefined : this.issued.get(token);
    if (grant === undefined) {
      return graphError(401, "InvalidAuthenticationToken", "Access token is empty or invalid.");
    }
    if (token !== undefined && this.expired.has(token)) {
      return graphError(
        401,
        "InvalidAuthenticationToken",
        "Lifetime validation failed, the token is expired.",
      );
    }
    return grant === "live" ? new Set(this.granted) : new Set(grant.roles);
  }
}

/**
 * 403 when the token's roles hold none of the permissions the call's
 * reference page lists (graph/permissions.ts), with the error body the
 * answering workload gives:
 * - Outlook: ErrorAccessDenied, "Access is denied. Check credentials and try again."
 *   https://learn.microsoft.com/en-us/graph/resolve-auth-errors#403-forbidden-error
 * - Entra ID (directory): Authorization_RequestDenied, "Insufficient privileges to complete the operation."
 *   https://learn.microsoft.com/en-us/graph/resolve-auth-errors#403-forbidden-error
 * - Teams: Forbidden, naming the roles the API wants and those on the request
 *   https://learn.microsoft.com/en-us/graph/api/userteamwork-post-installedapps
 * - places, subscriptions: Microsoft documents no body; the Outlook one
 *   (both are answered by Exchange for these resources).
 */
export function refuseUnlessAllowed(
  id: GraphCallId,
  roles: ReadonlySet<string>,
): FakeAnswer | undefined {
  const call = graphCall(id);
  if (isAllowed(call, roles)) return undefined;
  switch (call.workload) {
    case "directory":
      return graphError(
        403,
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
      );
    case "teams":
      return graphError(
        403,
        "Forbidden",
        `Missing role permissions on the request. API requires one of '${call.permissions.join(", ")}'. Roles on the request '${[...roles].sort().join(", ")}'.`,
      );
    default:
      return graphError(
        403,
        "ErrorAccessDenied",
        "Access is denied. Check credentials and try again.",
      );
  }
}
