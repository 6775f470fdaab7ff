#!/usr/bin/env node
// The command-line face of Convene. `npm install` builds dist/ (the `prepare`
// script), so `npx convene ...` works straight after a fresh clone.
const path = require("node:path");
const fs = require("node:fs");

const entry = path.join(__dirname, "..", "dist", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("convene: not built yet; run `npm install` (or `npm run build`) first\n");
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr })
  .then((code) => {
    process.exitCode = code;
  });
