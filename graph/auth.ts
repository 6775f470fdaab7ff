import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from "@azure/identity";
import { TokenCredentialAuthenticationProvider } from "@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials";
import type { CalendarConfig } from "./settings";

/**
 * App-only access to Graph (the Outlook and Teams meeting adapter): a client secret, a certificate
 * or a managed identity, as configured. The `.default` scope asks Entra ID
 * for exactly the application permissions an administrator granted, no more
 * (docs/operations.md, "permissions and why").
 */
export const GRAPH_SCOPE = "https://graph.microsoft.com/.default";

export type GraphCalendarConfig = Extract<CalendarConfig, { kind: "graph" }>;

export interface CredentialOptions {
  /**
   * Where tokens come from. Absent: Entra ID's public cloud. Tests point it
   * at the local Graph's token endpoint.
   */
  authorityHost?: string;
  /** An extra CA to trust for the token endpoint (the local Graph's). */
  ca?: string;
}

export function createCredential(
  config: GraphCalendarConfig,
  options: CredentialOptions = {},
): TokenCredential {
  const common = {
    ...(options.authorityHost !== undefined
      ? {
          authorityHost: options.authorityHost,
          // MSAL would otherwise ask login.microsoftonline.com whether this
          // authority is genuine: a call out of the test machine.
          disableInstanceDiscovery: true,
        }
      : {}),
    ...(options.ca !== undefined ? { tlsOptions: { ca: options.ca } } : {}),
  };
  const credential = config.credential;
  switch (credential.kind) {
    case "secret":
      return new ClientSecretCredential(
        config.tenantId,
        config.clientId,
        credential.clientSecret,
        common,
      );
    case "certificate":
      // A PEM file holding the private key and the certificate; Entra ID
      // holds the certificate's public half (no secret to rotate or leak).
      return new ClientCertificateCredential(
        config.tenantId,
        config.clientId,
        { certificatePath: credential.certificatePath },
        common,
      );
    case "managed-identity":
      // GRAPH_CLIENT_ID names the user-assigned identity (app/config.ts).
      return new ManagedIdentityCredential({ clientId: config.clientId, ...common });
  }
}

export function createAuthProvider(
  credential: TokenCredential,
): TokenCredentialAuthenticationProvider {
  return new TokenCredentialAuthenticationProvider(credential, { scopes: [GRAPH_SCOPE] });
}
