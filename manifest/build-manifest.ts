import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Branding } from "./branding";

/**
 * The Teams app manifest: manifest.template.json with its placeholders
 * filled at package time. The Teams app id and the bot id are both the
 * bot's Microsoft App Id (MicrosoftAppId): one registration, one id to
 * manage. The council's names, developer and privacy and terms URLs come
 * from its env file (manifest/branding.ts), never from the template.
 * The newest schema @microsoft/app-manifest ships (manifest.test.ts checks).
 */
export const MANIFEST_VERSION = "1.30";

/** The schema the manifest is checked against, shipped offline with @microsoft/app-manifest. */
export function manifestSchemaPath(): string {
  const pkg = require.resolve("@microsoft/app-manifest/package.json");
  return path.join(
    path.dirname(pkg),
    "build/json-schemas/teams",
    `v${MANIFEST_VERSION}`,
    "MicrosoftTeams.schema.json",
  );
}

/** Beside this file when run from source (jest, ts-node); from dist/manifest/, in the repo's manifest/. */
export function templatePath(): string {
  const beside = path.join(__dirname, "manifest.template.json");
  return existsSync(beside)
    ? beside
    : path.join(__dirname, "../../manifest/manifest.template.json");
}

export class ManifestError extends Error {
  constructor(
    readonly code: "InvalidManifestInput" | "UnfilledPlaceholder",
    message: string,
  ) {
    super(message);
    this.name = "ManifestError";
  }
}

const Inputs = z.object({
  /** Entra app registration (client) id of the bot: a GUID, as the manifest schema requires. */
  appId: z.guid(),
  /** The app's version (package.json), semver. */
  version: z.string().regex(/^\d+\.\d+\.\d+$/),
  /** Hosts the app may open or load (e.g. the council's Convene host); none by default. */
  validDomains: z
    .array(z.string().regex(/^(\*\.)?[a-z0-9.-]+(:\d+)?$/i))
    .max(16)
    .default([]),
});
export type ManifestInputs = z.input<typeof Inputs> & { branding: Branding };

/** JSON string content (quotes, backslashes) for a value placed inside the template's quotes. */
const jsonText = (value: string): string => JSON.stringify(value).slice(1, -1);

export function buildManifest(inputs: ManifestInputs): Record<string, unknown> {
  const parsed = Inputs.safeParse(inputs);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ManifestError("InvalidManifestInput", problems);
  }
  const { appId, version, validDomains } = parsed.data;
  const b = inputs.branding;
  const values: Record<string, string> = {
    MICROSOFT_APP_ID: appId,
    APP_VERSION: version,
    APP_NAME: b.APP_NAME,
    APP_NAME_SUFFIX: b.APP_NAME_SUFFIX === "" ? "" : ` (${b.APP_NAME_SUFFIX})`,
    APP_NAME_FULL: b.APP_NAME_FULL,
    DEVELOPER_NAME: b.DEVELOPER_NAME,
    DEVELOPER_WEBSITE_URL: b.DEVELOPER_WEBSITE_URL,
    PRIVACY_URL: b.PRIVACY_URL,
    TERMS_URL: b.TERMS_URL,
  };
  const filled = readFileSync(templatePath(), "utf8").replace(
    /\{\{([A-Z_]+)\}\}/g,
    (whole, key: string) => (values[key] !== undefined ? jsonText(values[key]) : whole),
  );
  const left = /\{\{[A-Z_]+\}\}/.exec(filled);
  if (left !== null) throw new ManifestError("UnfilledPlaceholder", `unfilled ${left[0]}`);
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  const short = (manifest.name as { short?: string } | undefined)?.short ?? "";
  if (short.length > 30) {
    throw new ManifestError(
      "InvalidManifestInput",
      `APP_NAME with its suffix is over 30 characters (${short.length})`,
    );
  }
  return { ...manifest, validDomains };
}
