import type { ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";

/**
 * Typed access to scripts/playground.js, the one place that knows the demo
 * users and how to start the Agents Playground (`npm run playground` uses it
 * too). Plain JS so that `npm run playground` needs no build.
 */
export type DemoUserKey =
  "clerk" | "social-worker" | "chair" | "team-manager" | "service-manager" | "director";

export interface DemoUser {
  key: DemoUserKey;
  /** The Playground's own default port for this user (npm run playground). */
  port: number;
  id: string;
  name: string;
  aadObjectId: string;
  email: string;
}

export interface RunningPlayground {
  user: DemoUser;
  port: number;
  url: string;
  child: ChildProcess;
  ready: Promise<void>;
  output(): string;
  stop(): Promise<void>;
}

interface PlaygroundScript {
  DEMO_USERS: DemoUser[];
  DEMO_TENANT_ID: string;
  renderConfig(currentKey?: DemoUserKey): string;
  userByKey(key: DemoUserKey): DemoUser;
  startPlayground(options: {
    user?: DemoUserKey;
    endpoint?: string;
    port?: number;
    configPath?: string;
    tmpDir?: string;
    open?: boolean;
    echo?: boolean;
  }): RunningPlayground;
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const playgroundScript = require(
  path.join(__dirname, "../../scripts/playground.js"),
) as PlaygroundScript;

export const DEMO_USERS = playgroundScript.DEMO_USERS;

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. `${bot.messagesUrl}`. */
  botEndpoint: string;
  user?: DemoUserKey;
  /** Default: a free port. Pass 56150 to get the clerk's usual one. */
  port?: number;
  /** Where the rendered config and the Playground's log go. */
  tmpDir: string;
  /** A config file of your own instead of the user's rendered one. */
  configPath?: string;
  timeoutMs?: number;
}

/** Starts the Agents Playground for one demo user and waits until it listens. */
export async function startPlayground(options: StartPlaygroundOptions): Promise<RunningPlayground> {
  const port = options.port ?? (await freePort());
  const running = playgroundScript.startPlayground({
    user: options.user ?? "clerk",
    endpoint: options.botEndpoint,
    port,
    tmpDir: options.tmpDir,
    open: false,
    ...(options.configPath !== undefined ? { configPath: options.configPath } : {}),
  });
  const timeoutMs = options.timeoutMs ?? 30_000;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      running.ready,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Agents Playground not listening after ${timeoutMs} ms`)),
          timeoutMs,
        );
      }),
    ]);
  } catch (err) {
    await running.stop();
    throw err;
  } finally {
    clearTimeout(timer);
  }
  return running;
}
