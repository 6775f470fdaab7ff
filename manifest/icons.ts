import { writeFileSync } from "node:fs";
import path from "node:path";
import { encodePng } from "./png";

/**
 * Convene's app icons, drawn in code (a calendar with a tick): Teams wants
 * a 192×192 full-colour icon and a 32×32 outline icon that is white on a
 * transparent background. Shapes are signed distances in a unit square,
 * anti-aliased by 4×4 supersampling, so both sizes come from one drawing.
 */
export const ACCENT = { r: 0x1f, g: 0x5f, b: 0x8b };

type Shape = (x: number, y: number) => boolean;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };
}

function segment(ax: number, ay: number, bx: number, by: number, halfWidth: number): Shape {
  return (x, y) => {
    const vx = bx - ax;
    const vy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
    const px = ax + t * vx - x;
    const py = ay + t * vy - y;
    return px * px + py * py <= halfWidth * halfWidth;
  };
}

/** The glyph: a calendar outline with a header band, two binder rings and a tick. */
function glyph(stroke: number): Shape {
  const outer = roundedRect(0.18, 0.24, 0.82, 0.84, 0.08);
  const inner = roundedRect(0.18 + stroke, 0.24 + stroke, 0.82 - stroke, 0.84 - stroke, 0.04);
  const header = roundedRect(0.18, 0.24, 0.82, 0.38, 0.02);
  const ringLeft = roundedRect(0.33, 0.14, 0.33 + stroke, 0.32, stroke / 2);
  const ringRight = roundedRect(0.67 - stroke, 0.14, 0.67, 0.32, stroke / 2);
  const tickA = segment(0.34, 0.6, 0.46, 0.72, stroke / 2);
  const tickB = segment(0.46, 0.72, 0.68, 0.48, stroke / 2);
  return (x, y) =>
    (outer(x, y) && !inner(x, y)) ||
    header(x, y) ||
    ringLeft(x, y) ||
    ringRight(x, y) ||
    tickA(x, y) ||
    tickB(x, y);
}

/** Coverage (0..1) of `shape` over each pixel of a size×size grid. */
function coverage(size: number, shape: Shape): Float64Array {
  const n = 4;
  const out = new Float64Array(size * size);
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let hits = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          if (shape((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size)) hits += 1;
        }
      }
      out[py * size + px] = hits / (n * n);
    }
  }
  return out;
}

const drawn = new Map<string, Buffer>();
const once = (name: string, draw: () => Buffer): Buffer => {
  const known = drawn.get(name) ?? draw();
  drawn.set(name, known);
  return known;
};

/** 192×192: the white glyph on the accent colour, fully opaque. */
export function colorIcon(): Buffer {
  return once("color", drawColorIcon);
}

/** 32×32: the white glyph on transparency (Teams tints it). */
export function outlineIcon(): Buffer {
  return once("outline", drawOutlineIcon);
}

function drawColorIcon(): Buffer {
  const size = 192;
  const cover = coverage(size, glyph(0.07));
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    rgba[i * 4] = Math.round(ACCENT.r + (255 - ACCENT.r) * c);
    rgba[i * 4 + 1] = Math.round(ACCENT.g + (255 - ACCENT.g) * c);
    rgba[i * 4 + 2] = Math.round(ACCENT.b + (255 - ACCENT.b) * c);
    rgba[i * 4 + 3] = 255;
  });
  return encodePng(size, size, rgba);
}

/** Thicker strokes than the colour icon, so the glyph survives 32 px. */
function drawOutlineIcon(): Buffer {
  const size = 32;
  const cover = coverage(size, glyph(0.09));
  const rgba = new Uint8Array(size * size * 4);
  cover.forEach((c, i) => {
    rgba.fill(255, i * 4, i * 4 + 3);
    rgba[i * 4 + 3] = Math.round(255 * c);
  });
  return encodePng(size, size, rgba);
}

export const ICON_FILES = { color: "color.png", outline: "outline.png" } as const;

/** Rewrites manifest/color.png and manifest/outline.png (kept in the repo for the Developer Portal). */
export function writeIcons(dir = path.join(__dirname)): void {
  writeFileSync(path.join(dir, ICON_FILES.color), colorIcon());
  writeFileSync(path.join(dir, ICON_FILES.outline), outlineIcon());
}
