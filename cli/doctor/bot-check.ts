import {
  ClientSecretCredential,
  ManagedIdentityCredential,
  type TokenCredential,
} from "@azure/identity";
import type { BotConfig } from "../../app/config";
import { errorName, fail, pass, type CheckResult } from "./check";

/** The scope a bot asks for to call the Bot Connector (Bot Framework authentication). */
export const BOT_CONNECTOR_SCOPE = "https://api.botframework.com/.default";

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The bot's identity: MicrosoftAppId and its type, and that it gets a token
 * for the Bot Connector (without which no card reaches anybody).
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */
export async function botCheck(
  bot: BotConfig,
  credentialFor: (bot: BotConfig) => TokenCredential | undefined = defaultCredential,
): Promise<CheckResult[]> {
  const appId = bot.appId;
  if (appId === undefined) {
    return [
      fail(
        "bot",
        "identity",
        "MicrosoftAppId is not set: Teams cannot reach the bot",
        "set MicrosoftAppId (and MicrosoftAppType) to the Azure Bot's app registration",
      ),
    ];
  }
  if (!GUID.test(appId)) {
    return [
      fail(
        "bot",
        "identity",
        "MicrosoftAppId is not a GUID",
        "use the app registration's Application (client) ID",
      ),
    ];
  }
  if (bot.appType === "SingleTenant" && bot.appTenantId === undefined) {
    return [
      fail(
        "bot",
        "identity",
        "a SingleTenant bot without MicrosoftAppTenantId",
        "set MicrosoftAppTenantId to the council's tenant id",
      ),
    ];
  }
  if (bot.appType !== "UserAssignedMSI" && bot.appPassword === undefined) {
    return [
      fail(
        "bot",
        "identity",
        `a ${bot.appType} bot without MicrosoftAppPassword`,
        "set MicrosoftAppPassword, or use MicrosoftAppType=UserAssignedMSI with a managed identity",
      ),
    ];
  }
  const credential = credentialFor(bot);
  if (credential === undefined)
    return [fail("bot", "identity", "no credential for the bot", "check MicrosoftAppType")];
  try {
    await credential.getToken(BOT_CONNECTOR_SCOPE);
    return [pass("bot", "identity", `${bot.appType} app ${appId} gets a Bot Connector token`)];
  } catch (error) {
    return [
      fail(
        "bot",
        "identity",
        `app ${appId} got no Bot Connector token: ${errorName(error)}`,
        "check MicrosoftAppPassword has not expired and the Azure Bot uses this app registration",
      ),
    ];
  }
}

function defaultCredential(bot: BotConfig): TokenCredential | undefined {
  if (bot.appId === undefined) return undefined;
  if (bot.appType === "UserAssignedMSI")
    return new ManagedIdentityCredential({ clientId: bot.appId });
  if (bot.appPassword === undefined) return undefined;
  // A multi-tenant bot signs in through the botframework.com tenant.
  return new ClientSecretCredential(
    bot.appTenantId ?? "botframework.com",
    bot.appId,
    bot.appPassword,
  );
}
