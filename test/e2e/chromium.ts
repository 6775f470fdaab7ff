import { chromium, type Browser } from "playwright-core";

/**
 * Debian's Chromium (scripts/install-system-deps.sh), never Playwright's own
 * download. The flags keep a headless run quiet and self-contained: no
 * sandbox (CI runs as root), no GPU, /tmp instead of a small /dev/shm, and
 * no background traffic to Google's services.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}
