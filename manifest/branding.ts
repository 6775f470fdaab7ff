import { readFileSync } from "node:fs";
import { z } from "zod";

/**
 * What a council changes in its Teams app: the names, the developer (the
 * council), its privacy and terms pages and the bot id, read from the
 * deployment's env file (env/.env.dev, env/.env.prod: the Agents Toolkit's
 * files, KEY=VALUE lines), so the manifest template holds no council's
 * details. The icons are the committed PNG files beside this module.
 */
const url = z.url({ protocol: /^https$/, error: "an https:// URL" });

export const Branding = z.object({
  APP_NAME: z.string().min(1).max(30),
  APP_NAME_FULL: z.string().min(1).max(100),
  APP_NAME_SUFFIX: z.string().max(10).default(""),
  DEVELOPER_NAME: z.string().min(1).max(32),
  DEVELOPER_WEBSITE_URL: url,
  PRIVACY_URL: url,
  TERMS_URL: url,
  /** The Azure Bot's app registration id (written by atk provision); --app-id wins. */
  BOT_ID: z.preprocess((v) => (v === "" ? undefined : v), z.guid().optional()),
});
export type Branding = z.infer<typeof Branding>;

export class BrandingError extends Error {
  override readonly name = "BrandingError";
}

/** KEY=VALUE lines; `#` comments and blank lines skipped; optional quotes removed. */
export function parseEnvFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (m === null || line.trimStart().startsWith("#")) continue;
    const value = m[2] ?? "";
    out[m[1] ?? ""] = /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
  }
  return out;
}

/** The branding in an env file; a missing or bad value is named (never its neighbours' values). */
export function readBranding(file: string): Branding {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new BrandingError(`cannot read ${file}`);
  }
  const parsed = Branding.safeParse(parseEnvFile(text));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new BrandingError(`${file}: ${problems}`);
  }
  return parsed.data;
}
