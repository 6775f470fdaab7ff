import {
  ConfigurationBotFrameworkAuthentication,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from "botbuilder";
import type { BotConfig } from "./settings";
import { BotError } from "./errors";

/**
 * Bot Framework authentication from Convene's BotConfig.
 *
 * - No app id: a local run (Agents Playground). botbuilder then accepts
 *   requests without a token and calls the Playground's connector without one.
 *   It must be told "MultiTenant" here: its SingleTenant branch asserts an app
 *   id and would refuse to start.
 * - SingleTenant: app id, secret and tenant (an app registration in the council's tenant).
 * - UserAssignedMSI: app id (the identity's client id) and tenant, no secret.
 * - MultiTenant: app id and secret.
 *
 * With an app id, every POST /api/messages must carry a valid Bot Framework
 * token; botbuilder answers 401 otherwise (CloudAdapter maps AuthenticationError).
 */
/**
 * Where Bot Framework tokens come from and are checked against. Production
 * leaves these to botbuilder (login.botframework.com's OpenID metadata,
 * issuer https://api.botframework.com). Tests point them at the local token
 * issuer (test/token-issuer), so every token the edge meets is checked
 * against a real signature. botbuilder treats these as all-or-nothing
 * (BotFrameworkAuthenticationFactory: one set means all are intended).
 */
export interface BotAuthEndpoints {
  /** OpenID metadata for tokens from the channel (its jwks_uri carries the keys). */
  openIdMetadataUrl: string;
  /** The `iss` a channel token must carry. */
  tokenIssuer: string;
  /** OpenID metadata for Entra-issued (emulator/skill) tokens. */
  emulatorOpenIdMetadataUrl: string;
  /** Where the bot gets its own token to call the connector. */
  loginUrl: string;
  oauthScope: string;
}

export function botAuthenticationOptions(
  config: BotConfig,
  endpoints?: BotAuthEndpoints,
): ConfigurationBotFrameworkAuthenticationOptions {
  if (config.appId === undefined) return { MicrosoftAppType: "MultiTenant" };
  const needs = (what: string, ok: boolean): void => {
    // Names only: a value here may be a secret.
    if (!ok) throw new BotError("InvalidBotConfig", `${config.appType} needs ${what}`);
  };
  switch (config.appType) {
    case "SingleTenant":
      needs("MicrosoftAppTenantId", config.appTenantId !== undefined);
      needs("MicrosoftAppPassword", config.appPassword !== undefined);
      break;
    case "UserAssignedMSI":
      needs("MicrosoftAppTenantId", config.appTenantId !== undefined);
      needs("no MicrosoftAppPassword", config.appPassword === undefined);
      break;
    case "MultiTenant":
      needs("MicrosoftAppPassword", config.appPassword !== undefined);
      break;
  }
  return {
    MicrosoftAppId: config.appId,
    MicrosoftAppType: config.appType,
    ...(config.appPassword !== undefined ? { MicrosoftAppPassword: config.appPassword } : {}),
    ...(config.appTenantId !== undefined ? { MicrosoftAppTenantId: config.appTenantId } : {}),
    ...(endpoints !== undefined
      ? {
          ToBotFromChannelOpenIdMetadataUrl: endpoints.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: endpoints.tokenIssuer,
          ToBotFromEmulatorOpenIdMetadataUrl: endpoints.emulatorOpenIdMetadataUrl,
          ToChannelFromBotLoginUrl: endpoints.loginUrl,
          ToChannelFromBotOAuthScope: endpoints.oauthScope,
          ValidateAuthority: false,
        }
      : {}),
  };
}

export function createBotAuthentication(
  config: BotConfig,
  endpoints?: BotAuthEndpoints,
): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(botAuthenticationOptions(config, endpoints));
}
