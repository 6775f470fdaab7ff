#!/usr/bin/env node
/**
 * `prepare` (run by `npm install` and `npm ci`): compiles TypeScript into
 * dist/ so `npx convene` works straight after the README's command.
 *
 * A production install (`npm ci --omit=dev`, e.g. on the unpacked deploy
 * zip) has no compiler: it then uses the dist/ that came built, and fails
 * only if there is none. `npm start` never compiles (it runs dist/ only).
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const BUILT = path.join(ROOT, "dist", "infra", "main.js");

let tsc;
try {
  tsc = require.resolve("typescript/bin/tsc", { paths: [ROOT] });
} catch {
  if (fs.existsSync(BUILT)) {
    process.stderr.write(
      "build: no TypeScript compiler here (production install): using the built dist/\n",
    );
    process.exit(0);
  }
  process.stderr.write(
    "build: dist/ is missing and TypeScript is not installed: install with dev dependencies (npm ci), or deploy the built zip (npm run package:deploy)\n",
  );
  process.exit(1);
}
execFileSync(process.execPath, [tsc, "-p", path.join(ROOT, "tsconfig.build.json")], {
  cwd: ROOT,
  stdio: "inherit",
});
