import { readFileSync } from "node:fs";
import path from "node:path";
import { readPngHeader } from "./png";

/**
 * The app's icons are committed PNG files a council replaces with its own
 * (same names): color.png 192×192, full colour; outline.png 32×32, white on
 * a transparent background (Teams tints it), so with an alpha channel.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/apps-package#app-icons
 */
export const ICON_FILES = { color: "color.png", outline: "outline.png" } as const;

/** Beside this file from source (jest, ts-node); from dist/manifest/, in the repo's manifest/. */
export function iconsDir(): string {
  return __dirname.includes(`${path.sep}dist${path.sep}`)
    ? path.join(__dirname, "../../manifest")
    : __dirname;
}

export class IconError extends Error {
  override readonly name = "IconError";
}

/** Both icons, checked for the sizes Teams requires (a wrong one is refused at upload). */
export function readIcons(dir = iconsDir()): { color: Buffer; outline: Buffer } {
  const read = (file: string, size: number, alpha: boolean): Buffer => {
    let png: Buffer;
    try {
      png = readFileSync(path.join(dir, file));
    } catch {
      throw new IconError(`${file} is missing from ${dir}`);
    }
    let header;
    try {
      header = readPngHeader(png);
    } catch {
      throw new IconError(`${file} is not a PNG file`);
    }
    if (header.width !== size || header.height !== size) {
      throw new IconError(
        `${file} is ${header.width}×${header.height}; Teams needs ${size}×${size}`,
      );
    }
    // Colour types 4 and 6 carry alpha (PNG specification, IHDR).
    if (alpha && header.colourType !== 6 && header.colourType !== 4) {
      throw new IconError(`${file} needs a transparent background (an alpha channel)`);
    }
    return png;
  };
  return { color: read(ICON_FILES.color, 192, false), outline: read(ICON_FILES.outline, 32, true) };
}
