/**
 * The Teams edge: the only folder that imports botbuilder (docs/architecture.md).
 * The composition root needs createBotEdge (tests startBot); everything else stays inside.
 */
export { startBot, createBotEdge, DEFAULT_INVOKE_BUDGET_MS } from "./start-bot";
export type { StartBotDeps, BotEdge, BotEdgeDeps, ListenOptions, RunningBot } from "./start-bot";
export type { DemoRoute } from "./demo-routes";
export type { ApiRoute } from "./http-server";
export { BotError, type BotErrorCode } from "./errors";
