import { readFileSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";
import type { CardJson } from "../../ports/notifier";
import { BROWSER_SCRIPT, TEAMS_CSS } from "./browser-script";
import { adaptiveCardsBundle, adaptiveCardsCss, hostConfigPath } from "./paths";

/** The flags the brief gives for Chromium in this environment (and CI). */
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export interface RenderResult {
  /** Parse and validation events of the real renderer: empty for a clean card. */
  events: string[];
  /** The text a person sees. */
  text: string;
  /** Titles of the buttons rendered (actions, and ShowCard toggles). */
  buttons: string[];
}

export interface ExecutedAction {
  type: string;
  verb?: string;
  data?: Record<string, unknown>;
}

/**
 * One headless Chromium page with the `adaptivecards` browser bundle and the
 * Teams light host config; cards are rendered into it one after another (one
 * browser for all cards keeps the test and the screenshots fast).
 */
export class CardRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly hostConfig: unknown,
  ) {}

  static async open(
    executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  ): Promise<CardRenderer> {
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage({
        deviceScaleFactor: 2,
        viewport: { width: 560, height: 800 },
        // As a council's Teams would be set. (The date pickers still read
        // mm/dd/yyyy: this Chromium ships only the en-US locale pack.)
        locale: "en-GB",
        timezoneId: "Europe/London",
      });
      await page.setContent(
        '<!doctype html><html lang="en-GB"><body><div id="frame"><div id="host"></div></div></body></html>',
      );
      await page.addStyleTag({ path: adaptiveCardsCss() });
      await page.addStyleTag({ content: TEAMS_CSS });
      await page.addScriptTag({ path: adaptiveCardsBundle() });
      await page.addScriptTag({ content: BROWSER_SCRIPT });
      const hostConfig: unknown = JSON.parse(readFileSync(hostConfigPath(), "utf8"));
      return new CardRenderer(browser, page, hostConfig);
    } catch (err) {
      await browser.close();
      throw err;
    }
  }

  async render(card: CardJson): Promise<RenderResult> {
    return this.page.evaluate(
      ([json, hostConfig]) =>
        (
          globalThis as unknown as { renderCard: (j: unknown, h: unknown) => RenderResult }
        ).renderCard(json, hostConfig),
      [card, this.hostConfig] as const,
    );
  }

  /** Press a button by its title; what the action sent, if it ran (inputs valid). */
  async click(title: string): Promise<ExecutedAction | null> {
    await this.page.locator("#host button", { hasText: title }).first().click();
    // Off the button again, so a screenshot shows it at rest rather than hovered.
    await this.page.mouse.move(0, 0);
    return this.page.evaluate(
      () => (globalThis as unknown as { lastAction: ExecutedAction | null }).lastAction,
    );
  }

  /** Type into a text input found by its label (unfold its ShowCard first). */
  async type(label: string, value: string): Promise<void> {
    await this.page.locator("#host").getByLabel(label).first().fill(value);
  }

  /** Pick an option of an expanded choice set by its title. */
  async choose(title: string): Promise<void> {
    await this.page.locator("#host").getByLabel(title, { exact: true }).check();
  }

  /** Pick an option of a compact (drop-down) choice set, found by its label, by the option's title. */
  async select(label: string, title: string): Promise<void> {
    await this.page
      .locator("#host")
      .getByLabel(label, { exact: true })
      .selectOption({ label: title });
  }

  async screenshot(path: string): Promise<void> {
    await this.page.locator("#frame").screenshot({ path });
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
