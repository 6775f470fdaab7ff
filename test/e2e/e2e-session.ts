import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium";
import { PlaygroundPage } from "./playground-page";
import { startPlayground, type DemoUserKey, type RunningPlayground } from "./playground-process";

export interface E2eSessionOptions {
  /** The bot's messaging endpoint (RunningBot.messagesUrl). */
  botEndpoint: string;
  /** Fixed Playground ports by user (e.g. `{ clerk: 56150 }`); a free port otherwise. */
  ports?: Partial<Record<DemoUserKey, number>>;
}

/**
 * One headless Chromium and, per demo user, an Agents Playground and a page
 * on it. The Playground cannot change its current user while it runs, so
 * "switching user" is `session.as("social-worker")`: that user's own
 * Playground, started on first use and kept for the session, the way each
 * person has their own Teams client. Every process the session starts is
 * ended by close(), and also if the test process exits without it.
 */
export class E2eSession {
  private readonly pages = new Map<DemoUserKey, PlaygroundPage>();
  private readonly playgrounds: RunningPlayground[] = [];
  private readonly killOnExit = (): void => {
    for (const p of this.playgrounds) p.child.kill("SIGKILL");
  };
  /** Kept after the run only if a failure put screenshots in it. */
  readonly shotsDir: string;

  private constructor(
    private readonly browser: Browser,
    private readonly options: E2eSessionOptions,
    private readonly workDir: string,
  ) {
    this.shotsDir = mkdtempSync(join(tmpdir(), "convene-e2e-shots-"));
    process.once("exit", this.killOnExit);
  }

  static async start(options: E2eSessionOptions): Promise<E2eSession> {
    const workDir = mkdtempSync(join(tmpdir(), "convene-e2e-"));
    const browser = await launchChromium();
    return new E2eSession(browser, options, workDir);
  }

  /** The page of `user`'s own Playground (started on first use). */
  async as(user: DemoUserKey): Promise<PlaygroundPage> {
    const known = this.pages.get(user);
    if (known !== undefined) return known;
    const port = this.options.ports?.[user];
    const playground = await startPlayground({
      botEndpoint: this.options.botEndpoint,
      user,
      tmpDir: this.workDir,
      ...(port !== undefined ? { port } : {}),
    });
    this.playgrounds.push(playground);
    const page = await PlaygroundPage.open(this.browser, playground);
    this.pages.set(user, page);
    return page;
  }

  /**
   * Runs a step; if it throws, every open page is screenshotted into
   * shotsDir and the error says where, with the tail of each Playground's output.
   */
  async run<T>(label: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (err) {
      const files = await this.screenshotAll(label);
      const tails = this.playgrounds.map((p) => `[${p.user.key}] ${p.output().slice(-400)}`);
      const cause = err instanceof Error ? err : new Error(String(err));
      const wrapped = new Error(
        `${label}: ${cause.message}\nscreenshots: ${files.join(", ") || "none"}\n${tails.join("\n")}`,
        { cause },
      );
      wrapped.stack = `${wrapped.message}\n${cause.stack ?? ""}`;
      throw wrapped;
    }
  }

  async screenshotAll(label: string): Promise<string[]> {
    const safe = label.replace(/[^a-z0-9-]+/gi, "-").slice(0, 60);
    const files: string[] = [];
    for (const [user, page] of this.pages) {
      const file = join(this.shotsDir, `${safe}-${user}.png`);
      try {
        await page.screenshot(file);
        files.push(file);
      } catch {
        // a page that crashed cannot be shot; the others still can
      }
    }
    return files;
  }

  async close(): Promise<void> {
    for (const page of this.pages.values()) await page.close().catch(() => undefined);
    this.pages.clear();
    await this.browser.close().catch(() => undefined);
    await Promise.all(this.playgrounds.map((p) => p.stop()));
    process.removeListener("exit", this.killOnExit);
    rmSync(this.workDir, { recursive: true, force: true });
    if (readdirSync(this.shotsDir).length === 0)
      rmSync(this.shotsDir, { recursive: true, force: true });
  }
}
