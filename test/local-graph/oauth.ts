import { X509Certificate, constants, verify } from "node:crypto";
import { z } from "zod";
import type { Grants } from "./grants";
import type { FakeAnswer } from "./http-types";

/**
 * The two Entra ID endpoints a confidential client (MSAL, under
 * @azure/identity) uses for the client-credentials grant: the OpenID
 * metadata, then the token endpoint. Enough for ClientSecretCredential and
 * ClientCertificateCredential to run unchanged against the local Graph.
 */
export interface OAuthConfig {
  tenantId: string;
  clientId: string;
  /** Accepted client secret, if any. */
  clientSecret?: string;
  /** PEM certificate whose key signs client assertions, if any. */
  clientCertificate?: string;
}

export const GRAPH_DEFAULT_SCOPE = "https://graph.microsoft.com/.default";

export function openIdConfiguration(origin: string, tenantId: string): FakeAnswer {
  const base = `${origin}/${tenantId}`;
  return {
    status: 200,
    headers: { "content-type": "application/json" },
    body: {
      token_endpoint: `${base}/oauth2/v2.0/token`,
      authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      issuer: `${base}/v2.0`,
      jwks_uri: `${origin}/${tenantId}/discovery/v2.0/keys`,
      response_types_supported: ["code", "id_token", "token"],
      token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt"],
    },
  };
}

const TokenForm = z.object({
  grant_type: z.literal("client_credentials"),
  client_id: z.string(),
  scope: z.string(),
  client_secret: z.string().optional(),
  client_assertion_type: z
    .literal("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
    .optional(),
  client_assertion: z.string().optional(),
});

/**
 * POST /{tenant}/oauth2/v2.0/token. Issues a token whose `roles` claim holds
 * the app roles granted at this moment (grants.ts), which the Graph routes
 * then check.
 */
export function issueToken(
  config: OAuthConfig,
  tokenEndpoint: string,
  form: URLSearchParams,
  grants: Grants,
): FakeAnswer {
  const parsed = TokenForm.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) return oauthError(400, "invalid_request", "malformed token request");
  const request = parsed.data;
  if (request.client_id !== config.clientId) {
    return oauthError(400, "unauthorized_client", "AADSTS700016: application not found");
  }
  // App-only Graph access asks for .default: whatever the admin granted, nothing named.
  if (!request.scope.split(" ").includes(GRAPH_DEFAULT_SCOPE)) {
    return oauthError(400, "invalid_scope", "AADSTS1002012: scope must be .default");
  }
  const bySecret =
    request.client_secret !== undefined &&
    config.clientSecret !== undefined &&
    request.client_secret === config.clientSecret;
  const byCertificate =
    request.client_assertion !== undefined &&
    config.clientCertificate !== undefined &&
    assertionIsValid(request.client_assertion, config, tokenEndpoint);
  if (!bySecret && !byCertificate) {
    return oauthError(401, "invalid_client", "AADSTS7000215: invalid client credential");
  }
  const token = grants.issue({
    tenantId: config.tenantId,
    clientId: config.clientId,
    issuer: tokenEndpoint.replace(/\/oauth2\/v2\.0\/token$/, "/v2.0"),
  });
  return {
    status: 200,
    headers: { "content-type": "application/json" },
    body: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: token },
  };
}

/** A client assertion: a JWT signed with the certificate's key, for this client and this endpoint. */
function assertionIsValid(jwt: string, config: OAuthConfig, tokenEndpoint: string): boolean {
  const [head, payload, signature] = jwt.split(".");
  if (head === undefined || payload === undefined || signature === undefined) return false;
  let header: { alg?: string };
  let claims: { aud?: string; iss?: string; sub?: string; exp?: number };
  try {
    header = JSON.parse(Buffer.from(head, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return false;
  }
  const key = new X509Certificate(config.clientCertificate as string).publicKey;
  const data = Buffer.from(`${head}.${payload}`);
  const sig = Buffer.from(signature, "base64url");
  const signed =
    header.alg === "RS256"
      ? verify("sha256", data, key, sig)
      : header.alg === "PS256"
        ? verify(
            "sha256",
            data,
            { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 },
            sig,
          )
        : false;
  return (
    signed &&
    claims.iss === config.clientId &&
    claims.sub === config.clientId &&
    claims.aud === tokenEndpoint
  );
}

function oauthError(status: number, error: string, description: string): FakeAnswer {
  return {
    status,
    headers: { "content-type": "application/json" },
    body: { error, error_description: description, error_codes: [0] },
  };
}
