import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import AdmZip from "adm-zip";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { BrandingError, readBranding } from "./branding";
import { buildManifest, MANIFEST_VERSION, manifestSchemaPath } from "./build-manifest";
import { ICON_FILES, IconError, readIcons } from "./icons";
import { packageApp } from "./package";
import { encodePng, readPngHeader } from "./png";

const APP_ID = "6f1d3c3e-8a57-4c55-9f0e-2a1b3c4d5e6f";
const ROOT = path.join(__dirname, "..");
const DEV_ENV = path.join(ROOT, "env", ".env.dev");

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

/** The RGBA pixels of a PNG with filter-0 rows in one IDAT (the committed icons). */
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

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "convene-package-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("Teams app package", () => {
  const branding = readBranding(DEV_ENV);

  it(`validates against the v${MANIFEST_VERSION} schema with env/.env.dev's values and the committed icons`, () => {
    const file = packageApp(
      { appId: APP_ID, version: "0.1.0", branding },
      path.join(dir, "app.zip"),
    );
    const zip = new AdmZip(file);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(["color.png", "manifest.json", "outline.png"]);
    const manifest = JSON.parse(zip.readAsText("manifest.json")) as Record<string, unknown>;
    const validate = validator();
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    expect(manifest.manifestVersion).toBe(MANIFEST_VERSION);
    expect(String(manifest.$schema)).toContain(`/v${MANIFEST_VERSION}/`);
    expect(
      zip.readFile("color.png")?.equals(readFileSync(path.join(__dirname, ICON_FILES.color))),
    ).toBe(true);
    expect(
      zip.readFile("outline.png")?.equals(readFileSync(path.join(__dirname, ICON_FILES.outline))),
    ).toBe(true);
  });

  it("uses the newest schema @microsoft/app-manifest ships", () => {
    const schemas = path.join(
      path.dirname(require.resolve("@microsoft/app-manifest/package.json")),
      "build/json-schemas/teams",
    );
    const versions = readdirSync(schemas)
      .filter((d) => /^v\d+\.\d+$/.test(d))
      .map((d) => d.slice(1))
      .sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1]));
    expect(MANIFEST_VERSION).toBe(versions.at(-1));
  });

  it("takes the names, developer and URLs from the env file, and en-GB as the default language", () => {
    const council = path.join(dir, ".env.council");
    writeFileSync(
      council,
      [
        "APP_NAME=Meetings Helper",
        "APP_NAME_SUFFIX=",
        'APP_NAME_FULL="Meetings Helper: Example Borough Council"',
        "DEVELOPER_NAME=Example Borough Council",
        "DEVELOPER_WEBSITE_URL=https://www.example-borough.gov.uk/",
        "PRIVACY_URL=https://www.example-borough.gov.uk/privacy/meetings",
        "TERMS_URL=https://www.example-borough.gov.uk/terms",
        `BOT_ID=${APP_ID}`,
      ].join("\n"),
    );
    const b = readBranding(council);
    const manifest = buildManifest({ appId: b.BOT_ID ?? "", version: "1.2.3", branding: b });
    expect(manifest.name).toEqual({
      short: "Meetings Helper",
      full: "Meetings Helper: Example Borough Council",
    });
    expect(manifest.developer).toEqual({
      name: "Example Borough Council",
      websiteUrl: "https://www.example-borough.gov.uk/",
      privacyUrl: "https://www.example-borough.gov.uk/privacy/meetings",
      termsOfUseUrl: "https://www.example-borough.gov.uk/terms",
    });
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: "en-gb" });
    expect(manifest.id).toBe(APP_ID);
    expect(manifest.bots).toEqual([
      expect.objectContaining({ botId: APP_ID, scopes: ["personal", "groupChat"] }),
    ]);
    expect(validator()(manifest)).toBe(true);
    expect(buildManifest({ appId: APP_ID, version: "0.1.0", branding }).name).toEqual(
      expect.objectContaining({ short: "Convene (dev)" }),
    );
  });

  it("refuses the production template until the council fills it in, naming what is missing", () => {
    expect(() => readBranding(path.join(ROOT, "env", ".env.prod.template"))).toThrow(BrandingError);
    expect(() => readBranding(path.join(ROOT, "env", ".env.prod.template"))).toThrow(/PRIVACY_URL/);
  });

  it("takes validDomains, and refuses an app id that is not a GUID", () => {
    expect(
      buildManifest({
        appId: APP_ID,
        version: "0.1.0",
        validDomains: ["convene.council.example"],
        branding,
      }).validDomains,
    ).toEqual(["convene.council.example"]);
    expect(() => buildManifest({ appId: "my-bot", version: "0.1.0", branding })).toThrow(
      expect.objectContaining({ code: "InvalidManifestInput" }),
    );
  });

  it("the schema catches a broken manifest (the check is not vacuous)", () => {
    const manifest = buildManifest({ appId: APP_ID, version: "0.1.0", branding });
    expect(validator()({ ...manifest, accentColor: "blue", bots: [{ botId: "not-a-guid" }] })).toBe(
      false,
    );
  });

  it("has a committed 192×192 colour icon and a 32×32 white-on-transparent outline icon", () => {
    const icons = readIcons();
    expect([readPngHeader(icons.color).width, readPngHeader(icons.color).height]).toEqual([
      192, 192,
    ]);
    const outline = pixels(icons.outline);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    let visibleNotWhite = 0;
    for (let i = 0; i < outline.rgba.length; i += 4) {
      if (outline.rgba[i + 3] === 0) transparent += 1;
      else if (outline.rgba.readUIntBE(i, 3) !== 0xffffff) visibleNotWhite += 1;
    }
    expect(visibleNotWhite).toBe(0);
    expect(transparent).toBeGreaterThan(32 * 32 * 0.4);
  });

  it("packages a council's replacement icons, and refuses one of the wrong size", () => {
    const icons = path.join(dir, "icons");
    rmSync(icons, { recursive: true, force: true });
    mkdirSync(icons);
    const red = Buffer.alloc(192 * 192 * 4, 0);
    for (let i = 0; i < red.length; i += 4) red.writeUInt32BE(0xcc0000ff, i);
    writeFileSync(path.join(icons, "color.png"), encodePng(192, 192, red));
    copyFileSync(path.join(__dirname, ICON_FILES.outline), path.join(icons, "outline.png"));
    const file = packageApp(
      { appId: APP_ID, version: "0.1.0", branding },
      path.join(dir, "council.zip"),
      icons,
    );
    expect(new AdmZip(file).readFile("color.png")?.equals(encodePng(192, 192, red))).toBe(true);
    writeFileSync(path.join(icons, "color.png"), encodePng(100, 100, Buffer.alloc(100 * 100 * 4)));
    expect(() => readIcons(icons)).toThrow(IconError);
    expect(() => readIcons(icons)).toThrow(/color\.png is 100×100; Teams needs 192×192/);
  });
});
