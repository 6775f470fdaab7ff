import { existsSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The repository root, whether this runs as TypeScript (cards/render) or
 * compiled (dist/cards/render): the nearest folder up with package.json.
 */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, "package.json"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${from}`);
    dir = up;
  }
  return dir;
}

/** The Teams light host config, vendored from ../shared/schemas (cards/schemas/README.md). */
export const hostConfigPath = (root = repoRoot()) =>
  join(root, "cards", "schemas", "teams-host-config-light.json");

/**
 * The renderer's browser bundle and stylesheet. Loaded into the page, never
 * `require`d: the package's Node entry needs a DOM and breaks under Node.
 */
export const adaptiveCardsBundle = (root = repoRoot()) =>
  join(root, "node_modules", "adaptivecards", "dist", "adaptivecards.js");
export const adaptiveCardsCss = (root = repoRoot()) =>
  join(root, "node_modules", "adaptivecards", "dist", "adaptivecards.css");

export const screenshotDir = (root = repoRoot()) => join(root, "docs", "cards");
