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
export function botAuthenticationOptions(
  config: BotConfig,
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
  };
}

export function createBotAuthentication(
  config: BotConfig,
): ConfigurationBotFrameworkAuthentication {
  return new ConfigurationBotFrameworkAuthentication(botAuthenticationOptions(config));
}
