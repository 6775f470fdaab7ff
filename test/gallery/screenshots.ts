import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { GALLERY } from "./gallery";
import { screenshotDir } from "../../cards/render/paths";
import { CardRenderer } from "../../cards/render/renderer";

/**
 * The README's card screenshots: every gallery card rendered with the
 * `adaptivecards` renderer and the Teams light host config in headless
 * Chromium, saved as docs/cards/<name>.png. Regenerate with
 *   npx ts-node --transpile-only test/gallery/screenshots.ts [name ...]
 * (names: only those cards; none: every card). A card the renderer reports
 * anything about fails the run.
 */
export async function writeScreenshots(
  outDir = screenshotDir(),
  only: readonly string[] = [],
): Promise<string[]> {
  const unknown = only.filter((n) => !GALLERY.some((g) => g.screenshot && g.name === n));
  if (unknown.length > 0) throw new Error(`no screenshot card named ${unknown.join(", ")}`);
  mkdirSync(outDir, { recursive: true });
  const renderer = await CardRenderer.open();
  const written: string[] = [];
  try {
    for (const entry of GALLERY.filter(
      (g) => g.screenshot && (only.length === 0 || only.includes(g.name)),
    )) {
      const result = await renderer.render(entry.build());
      if (result.events.length > 0) {
        throw new Error(`${entry.name}: ${result.events.join("; ")}`);
      }
      // Unfold the ShowCard that carries the point of the card (the approval past the limit).
      if (entry.expand !== undefined) await renderer.click(entry.expand);
      const path = join(outDir, `${entry.name}.png`);
      await renderer.screenshot(path);
      written.push(path);
    }
  } finally {
    await renderer.close();
  }
  return written;
}

if (require.main === module) {
  writeScreenshots(screenshotDir(), process.argv.slice(2)).then(
    (paths) => process.stdout.write(`${paths.join("\n")}\n`),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
