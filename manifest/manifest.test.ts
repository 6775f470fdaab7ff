import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import AdmZip from "adm-zip";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { buildManifest, MANIFEST_VERSION, manifestSchemaPath } from "./build-manifest";
import { colorIcon, ICON_FILES, outlineIcon } from "./icons";
import { packageApp } from "./package";
import { readPngHeader } from "./png";
import { inflateSync } from "node:zlib";

const APP_ID = "6f1d3c3e-8a57-4c55-9f0e-2a1b3c4d5e6f";

/**
 * The offline schema declares draft-04 but uses no keyword whose meaning
 * changed since (no boolean exclusiveMinimum/Maximum, no `id` as a schema
 * id) and does use `const` (draft-06+), so ajv's draft-07 validates it as
 * written. Only `$schema` is dropped, since ajv 8 ships no draft-04 meta-schema.
 */
let compiled: ReturnType<Ajv["compile"]> | undefined;
function validator(): ReturnType<Ajv["compile"]> {
  if (compiled !== undefined) return compiled;
  const { $schema: _draft04, ...schema } = JSON.parse(
    readFileSync(manifestSchemaPath(), "utf8"),
  ) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  compiled = ajv.compile(schema);
  return compiled;
}

/** The RGBA pixels of one of our own PNGs (filter 0 rows, one IDAT). */
function pixels(png: Buffer): { width: number; height: number; rgba: Buffer } {
  const { width, height } = readPngHeader(png);
  const idatAt = png.indexOf("IDAT", 0, "ascii");
  const raw = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    raw.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

describe("Teams app manifest", () => {
  const manifest = buildManifest({ appId: APP_ID, version: "0.1.0" });

  it(`validates offline against the v${MANIFEST_VERSION} schema from @microsoft/app-manifest`, () => {
    const validate = validator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(String(manifest.$schema)).toContain(`/v${MANIFEST_VERSION}/`);
  });

  it("is a bot in personal and group chat, without files, with the app id filled in", () => {
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.version).toBe("0.1.0");
    expect(manifest.bots).toEqual([
      expect.objectContaining({
        botId: APP_ID,
        scopes: ["personal", "groupChat"],
        supportsFiles: false,
      }),
    ]);
    expect(JSON.stringify(manifest)).not.toMatch(/\{\{/);
    expect(manifest.validDomains).toEqual([]);
  });

  it("the schema catches a broken manifest (the check is not vacuous)", () => {
    const validate = validator();
    expect(validate({ ...manifest, accentColor: "blue", bots: [{ botId: "not-a-guid" }] })).toBe(
      false,
    );
  });

  it("takes validDomains, and refuses an app id that is not a GUID", () => {
    expect(
      buildManifest({ appId: APP_ID, version: "0.1.0", validDomains: ["convene.council.example"] })
        .validDomains,
    ).toEqual(["convene.council.example"]);
    expect(() => buildManifest({ appId: "my-bot", version: "0.1.0" })).toThrow(
      expect.objectContaining({ code: "InvalidManifestInput" }),
    );
  });

  it("has a 192×192 colour icon and a 32×32 white-on-transparent outline icon", () => {
    const color = pixels(colorIcon());
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = pixels(outlineIcon());
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(readPngHeader(outlineIcon()).colourType).toBe(6); // RGBA: has an alpha channel
    let transparent = 0;
    let visibleNotWhite = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      if (outline.rgba[i + 3] === 0) transparent += 1;
      // Every visible pixel is white: Teams tints the outline icon itself.
      else if (outline.rgba.readUIntBE(i, 3) !== 0xffffff) visibleNotWhite += 1;
    }
    expect(visibleNotWhite).toBe(0);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
  });

  it("keeps the committed icons equal to what icons.ts draws", () => {
    // Regenerate with: npx ts-node -T -P tsconfig.json -e 'require("./manifest/icons").writeIcons()'
    expect(readFileSync(path.join(__dirname, ICON_FILES.color)).equals(colorIcon())).toBe(true);
    expect(readFileSync(path.join(__dirname, ICON_FILES.outline)).equals(outlineIcon())).toBe(true);
  });

  it("packages manifest.json and both icons at the root of the app zip", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "convene-package-"));
    try {
      const file = packageApp({ appId: APP_ID, version: "0.1.0" }, path.join(dir, "app.zip"));
      const zip = new AdmZip(file);
      expect(
        zip
          .getEntries()
          .map((e) => e.entryName)
          .sort(),
      ).toEqual(["color.png", "manifest.json", "outline.png"]);
      const packed = JSON.parse(zip.readAsText("manifest.json")) as Record<string, unknown>;
      expect(packed).toEqual(manifest);
      expect(readPngHeader(zip.readFile("color.png") ?? Buffer.alloc(0)).width).toBe(192);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
