import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AdmZip from "adm-zip";
import { loadConfig } from "../app/config";
import { readBranding } from "./branding";
import { buildManifest, type ManifestInputs } from "./build-manifest";
import { ICON_FILES, readIcons } from "./icons";

/**
 * `npm run package`: builds dist/convene-teams-app.zip, the app package to
 * upload in Teams (Apps → Manage your apps → Upload) or the Teams admin
 * centre: manifest.json and the two icons at the zip's root.
 * The council's names and URLs come from `--env FILE` (default
 * env/.env.dev; env/.env.prod for production). The bot id comes from
 * `--app-id GUID`, else the env file's BOT_ID, else MicrosoftAppId (read by
 * app/config.ts); `--domain HOST` (repeatable) adds validDomains. The icons
 * are manifest/color.png and manifest/outline.png, as committed or replaced.
 */
export function packageApp(inputs: ManifestInputs, outFile: string, iconsFrom?: string): string {
  const manifest = buildManifest(inputs);
  const icons = readIcons(iconsFrom);
  const zip = new AdmZip();
  zip.addFile("manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"));
  zip.addFile(ICON_FILES.color, icons.color);
  zip.addFile(ICON_FILES.outline, icons.outline);
  mkdirSync(path.dirname(outFile), { recursive: true });
  zip.writeZip(outFile);
  return outFile;
}

function main(argv: string[]): number {
  const root = path.join(__dirname, "../..");
  const validDomains: string[] = [];
  let appId: string | undefined;
  let envFile = path.join(root, "env", ".env.dev");
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    if (argv[i] === "--domain" && value !== undefined) validDomains.push(value);
    else if (argv[i] === "--app-id" && value !== undefined) appId = value;
    else if (argv[i] === "--env" && value !== undefined) envFile = path.resolve(value);
    else {
      process.stderr.write(`package: unknown argument ${argv[i]}\n`);
      return 2;
    }
    i += 1;
  }
  if (!existsSync(envFile)) {
    process.stderr.write(
      `package: no env file ${path.relative(root, envFile)} (pass --env FILE)\n`,
    );
    return 2;
  }
  const branding = readBranding(envFile);
  // The deployment's own configuration (app/config.ts reads the environment), unless given.
  appId ??= branding.BOT_ID ?? loadConfig().bot.appId;
  if (appId === undefined) {
    process.stderr.write(
      "package: set BOT_ID in the env file or MicrosoftAppId (the bot's app registration id), or pass --app-id GUID\n",
    );
    return 2;
  }
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  const out = packageApp(
    { appId, version, validDomains, branding },
    path.join(root, "dist", "convene-teams-app.zip"),
  );
  process.stdout.write(`package: ${path.relative(root, out)}\n`);
  return 0;
}

if (require.main === module) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`package: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
