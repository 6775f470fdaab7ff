import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

/**
 * The Teams app manifest: manifest.template.json with its placeholders
 * filled at package time. The Teams app id and the bot id are both the
 * bot's Microsoft App Id (MicrosoftAppId): one registration, one id to
 * manage. Councils change names and developer URLs in the template.
 */
export const MANIFEST_VERSION = "1.24";

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
export type ManifestInputs = z.input<typeof Inputs>;

export function buildManifest(inputs: ManifestInputs): Record<string, unknown> {
  const parsed = Inputs.safeParse(inputs);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new ManifestError("InvalidManifestInput", problems);
  }
  const { appId, version, validDomains } = parsed.data;
  const filled = readFileSync(templatePath(), "utf8")
    .replaceAll("{{MICROSOFT_APP_ID}}", appId)
    .replaceAll("{{APP_VERSION}}", version);
  const left = /\{\{[A-Z_]+\}\}/.exec(filled);
  if (left !== null) throw new ManifestError("UnfilledPlaceholder", `unfilled ${left[0]}`);
  const manifest = JSON.parse(filled) as Record<string, unknown>;
  return { ...manifest, validDomains };
}
