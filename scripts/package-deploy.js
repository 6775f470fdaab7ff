#!/usr/bin/env node
/**
 * `npm run package:deploy`: the App Service zip for Node 24 LTS, beside the
 * Teams app package (`npm run package -- --app-id GUID`).
 *
 * The zip holds what App Service runs with `npm start` and no build step
 * (SCM_DO_BUILD_DURING_DEPLOYMENT=false): dist/ compiled fresh from the
 * sources (no tests), package.json and package-lock.json, bin/ (the
 * `convene` command), scripts/build.js (so `npm ci --omit=dev` on the
 * unpacked tree keeps the built dist/), and node_modules with the production
 * dependencies only, better-sqlite3 built for Node 24 (scripts/runtimes.js).
 *
 *   npm run package:deploy                     # → deploy/convene-app.zip
 *   npm run package:deploy -- --out some/file.zip
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const AdmZip = require("adm-zip");
const runtimes = require("./runtimes");

const ROOT = path.join(__dirname, "..");

function parseOut(argv) {
  const i = argv.indexOf("--out");
  if (i === -1) return path.join(ROOT, "deploy", "convene-app.zip");
  const value = argv[i + 1];
  if (value === undefined || value.startsWith("--")) {
    process.stderr.write("package:deploy: --out needs a file name\n");
    process.exit(2);
  }
  return path.resolve(value);
}

function packageDeploy(out) {
  const started = Date.now();
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), "convene-deploy-"));
  try {
    const tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
    execFileSync(
      process.execPath,
      [tsc, "-p", path.join(ROOT, "tsconfig.build.json"), "--outDir", path.join(stage, "dist")],
      { cwd: ROOT, stdio: "inherit" },
    );
    for (const file of ["package.json", "package-lock.json"]) {
      fs.copyFileSync(path.join(ROOT, file), path.join(stage, file));
    }
    fs.cpSync(path.join(ROOT, "bin"), path.join(stage, "bin"), { recursive: true });
    fs.mkdirSync(path.join(stage, "scripts"));
    fs.copyFileSync(
      path.join(ROOT, "scripts", "build.js"),
      path.join(stage, "scripts", "build.js"),
    );
    // Production dependencies only; install scripts off (the one native
    // addon is placed below, built for Node 24, not for this npm's Node).
    execFileSync(
      "npm",
      ["ci", "--omit=dev", "--ignore-scripts", "--prefer-offline", "--no-audit", "--no-fund"],
      {
        cwd: stage,
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    const built = runtimes.buildSqliteForNode24(ROOT);
    const release = path.join(stage, "node_modules", "better-sqlite3", "build", "Release");
    fs.mkdirSync(release, { recursive: true });
    fs.copyFileSync(built, path.join(release, "better_sqlite3.node"));
    // Proof it loads where it will run: Node 24 opens a database from the staged tree.
    const check = runtimes.checkSqliteLoads(runtimes.ensureNode24(), stage);
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const zip = new AdmZip();
    zip.addLocalFolder(stage);
    zip.writeZip(out);
    const mb = (fs.statSync(out).size / 1024 / 1024).toFixed(1);
    process.stderr.write(
      `package:deploy: ${path.relative(process.cwd(), out)} (${mb} MB, ${check}) in ${Math.round((Date.now() - started) / 1000)} s\n`,
    );
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

module.exports = { packageDeploy };

if (require.main === module) {
  try {
    packageDeploy(parseOut(process.argv.slice(2)));
  } catch (err) {
    process.stderr.write(`package:deploy: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
