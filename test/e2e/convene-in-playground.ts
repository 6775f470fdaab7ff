import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startConvene, type RunningConvene } from "../../app/app";
import type { Config } from "../../app/config";
import { silentLogger } from "../../app/logger";
import { E2eSession } from "./e2e-session";

/**
 * The whole of Convene as a laptop runs it in demo mode (composition root,
 * workflow, scheduler, an embedded SQLite store, the outbox calendar, the
 * Teams edge), with a demo clock that starts at `start` and moves only when
 * the test moves it, and an E2eSession of Agents Playgrounds pointed at it.
 * Policy `swindon`. The store's file is named so a test can read back what
 * was stored.
 */
export interface ConveneInPlayground {
  dir: string;
  /** The SQLite file the server writes (WAL: another connection may read it). */
  storeFile: string;
  convene: RunningConvene;
  session: E2eSession;
  /** POST /api/demo/clock: moves the demo clock forward to `to` (ISO). */
  moveClock(to: string): Promise<void>;
  close(): Promise<void>;
}

export function demoConfig(dir: string): Config {
  return {
    production: false,
    store: { kind: "sqlite", file: join(dir, "convene.sqlite") },
    authority: { kind: "demo", policy: "swindon" },
    calendar: {
      kind: "outbox",
      dir: join(dir, "outbox"),
      organizer: "conferences@demo-council.example",
    },
    bot: { port: 0, appType: "SingleTenant", demoMode: true },
    schedulerIntervalMs: 250,
    logLevel: "silent",
  };
}

export async function startConveneInPlayground(
  name: string,
  start: Date,
): Promise<ConveneInPlayground> {
  const dir = mkdtempSync(join(tmpdir(), `convene-e2e-${name}-`));
  const config = demoConfig(dir);
  const convene = await startConvene(config, {
    logger: silentLogger,
    realClock: () => start,
    host: "127.0.0.1",
  });
  let session: E2eSession;
  try {
    session = await E2eSession.start({ botEndpoint: convene.messagesUrl });
  } catch (err) {
    await convene.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    dir,
    storeFile: join(dir, "convene.sqlite"),
    convene,
    session,
    async moveClock(to) {
      const res = await fetch(`${convene.url}/api/demo/clock`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to }),
      });
      if (res.status !== 200) throw new Error(`moving the demo clock answered ${res.status}`);
    },
    async close() {
      await session.close();
      await convene.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
