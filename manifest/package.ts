import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import AdmZip from "adm-zip";
import { loadConfig } from "../app/config";
import { buildManifest, type ManifestInputs } from "./build-manifest";
import { colorIcon, ICON_FILES, outlineIcon } from "./icons";

/**
 * `npm run package`: builds dist/convene-teams-app.zip, the app package to
 * upload in Teams (Apps → Manage your apps → Upload) or the Teams admin
 * centre: manifest.json and the two icons at the zip's root.
 * The bot id comes from `--app-id GUID`, else from MicrosoftAppId (read by
 * app/config.ts with the rest of the deployment's configuration);
 * `--domain HOST` (repeatable) adds validDomains.
 */
export function packageApp(inputs: ManifestInputs, outFile: string): string {
  const manifest = buildManifest(inputs);
  const zip = new AdmZip();
  zip.addFile("manifest.json", Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, "utf8"));
  zip.addFile(ICON_FILES.color, colorIcon());
  zip.addFile(ICON_FILES.outline, outlineIcon());
  mkdirSync(path.dirname(outFile), { recursive: true });
  zip.writeZip(outFile);
  return outFile;
}

function main(argv: string[]): number {
  const root = path.join(__dirname, "../..");
  const validDomains: string[] = [];
  let appId: string | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const value = argv[i + 1];
    if (argv[i] === "--domain" && value !== undefined) validDomains.push(value);
    else if (argv[i] === "--app-id" && value !== undefined) appId = value;
    else {
      process.stderr.write(`package: unknown argument ${argv[i]}\n`);
      return 2;
    }
    i += 1;
  }
  // The deployment's own configuration (app/config.ts reads the environment), unless given.
  appId ??= loadConfig().bot.appId;
  if (appId === undefined) {
    process.stderr.write(
      "package: set MicrosoftAppId (the bot's app registration id) or pass --app-id GUID\n",
    );
    return 2;
  }
  const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  const out = packageApp(
    { appId, version, validDomains },
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
