import type { BotConfig } from "./settings";
import { BotError } from "./errors";

/**
 * A route the composition root adds for the local demo only (move the fake
 * clock, reset data). The body is the parsed JSON, untrusted: the route
 * validates it with zod. Answers are JSON.
 */
export interface DemoRoute {
  method: "GET" | "POST";
  /** Must start with /api/demo/, so a demo route can never shadow /api/messages. */
  path: string;
  handle(body: unknown): Promise<{ status: number; body?: unknown }>;
}

export const DEMO_PREFIX = "/api/demo/";

/**
 * docs/data-protection.md: controls that exist for the demo are off unless demo
 * mode is on, and can never be on while Microsoft app credentials are
 * configured. Refusing to start is louder than quietly dropping the routes.
 */
export function checkDemoRoutes(config: BotConfig, routes: readonly DemoRoute[]): void {
  if (routes.length === 0) return;
  if (config.appId !== undefined) {
    throw new BotError(
      "DemoRoutesRefused",
      "demo routes cannot be served while MicrosoftAppId is set",
    );
  }
  if (!config.demoMode) {
    throw new BotError("DemoRoutesRefused", "demo routes need DEMO_MODE=true");
  }
  const stray = routes.find((r) => !r.path.startsWith(DEMO_PREFIX));
  if (stray !== undefined) {
    throw new BotError(
      "DemoRoutesRefused",
      `demo route ${stray.path} must start with ${DEMO_PREFIX}`,
    );
  }
}
