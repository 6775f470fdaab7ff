import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import express from "express";
import { DEFAULT_BODY_LIMIT_BYTES, listen, MESSAGES_PATH } from "./http-server";
import { cardInvokeResponse } from "./invoke-responses";

/**
 * The baseline for bench/turn: the same express server and CloudAdapter as
 * the real bot, without authentication, answering every invoke at once with
 * a fixed card. No activity handler, no validation, no store: what is left
 * is the HTTP and Bot Framework plumbing every turn pays for anyway.
 */
export interface RunningEchoBot {
  messagesUrl: string;
  close(): Promise<void>;
}

const ECHO_CARD = {
  type: "AdaptiveCard",
  version: "1.5",
  body: [{ type: "TextBlock", text: "echo" }],
};

export async function startEchoBot(host = "127.0.0.1"): Promise<RunningEchoBot> {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ MicrosoftAppType: "MultiTenant" }),
  );
  const server = express();
  server.post(
    MESSAGES_PATH,
    express.json({ limit: DEFAULT_BODY_LIMIT_BYTES }),
    async (req, res) => {
      await adapter.process(req, res, async (context) => {
        if (context.activity.type === ActivityTypes.Invoke) {
          await context.sendActivity({
            type: ActivityTypes.InvokeResponse,
            value: cardInvokeResponse(ECHO_CARD),
          });
        }
      });
    },
  );
  const running = await listen(server, 0, host);
  return {
    messagesUrl: `http://${host}:${running.port}${MESSAGES_PATH}`,
    close: () => running.close(),
  };
}
