#!/usr/bin/env node
/**
 * `npm run playground`: the Microsoft 365 Agents Playground against the bot
 * on http://localhost:3978/api/messages, as a demo user.
 *
 *   npm run playground                        # Casey Clerk on http://localhost:56150
 *   npm run playground -- --as social-worker  # Sam Social on http://localhost:56151
 *   npm run playground -- --all               # every demo user, one Playground each
 *   npm run playground -- --endpoint http://localhost:4000/api/messages --no-open
 *
 * The Playground has one current user per process and no way to switch it
 * while it runs (its config file's `currentUser` is read at start), so each
 * demo user gets a Playground of their own: their own port, their own 1:1
 * chat id, and so their own serviceUrl, which is where Convene's proactive
 * cards for that user arrive. The clerk's config is the repo's
 * `.m365agentsplayground.yml`; the others are written to the temp dir from
 * the same list below (a test keeps the yml and this list equal).
 *
 * Also a module: the end-to-end harness (test/e2e) starts Playgrounds
 * through startPlayground and renders configs with renderConfig.
 */
const { spawn } = require("node:child_process");
const { writeFileSync } = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { setTimeout, clearTimeout } = require("node:timers");

const ROOT = path.join(__dirname, "..");
const CLI = path.join(ROOT, "node_modules/@microsoft/m365agentsplayground/cli.js");
const REPO_CONFIG = path.join(ROOT, ".m365agentsplayground.yml");
const DEFAULT_ENDPOINT = "http://localhost:3978/api/messages";

/** The demo tenant: any GUID (Convene's stored references require one). */
const DEMO_TENANT_ID = "d3e00000-0000-4000-8000-00000000c0de";

/**
 * The demo authority's people (app/demo/authority.ts has the same Entra
 * object ids). The Playground wants exactly five `users` besides the
 * current one, so a sixth person, a Director (the top of Swindon's
 * escalation ladder), fills the list; the demo authority does not know her.
 */
const DEMO_USERS = [
  {
    key: "clerk",
    tryFirst: 'type "hi"; once a conference is asked for, "book C-1001"',
    port: 56150,
    given: "Casey",
    surname: "Clerk",
    aadObjectId: "11111111-1111-4111-8111-111111111111",
  },
  {
    key: "social-worker",
    tryFirst: 'type "hi", then "request C-1001"',
    port: 56151,
    given: "Sam",
    surname: "Social",
    aadObjectId: "22222222-2222-4222-8222-222222222222",
  },
  {
    key: "chair",
    tryFirst: 'type "hi", then "unavailable" or "rota"',
    port: 56152,
    given: "Chris",
    surname: "Chair",
    aadObjectId: "33333333-3333-4333-8333-333333333333",
  },
  {
    key: "team-manager",
    tryFirst: 'type "hi", then "C-1001" to see what you can do on the case',
    port: 56153,
    given: "Tayo",
    surname: "Manager",
    aadObjectId: "44444444-4444-4444-8444-444444444444",
  },
  {
    key: "service-manager",
    tryFirst: 'type "hi", then "rota" (you are the chairs\' team manager in the demo)',
    port: 56154,
    given: "Sol",
    surname: "Service",
    aadObjectId: "55555555-5555-4555-8555-555555555555",
  },
  {
    key: "director",
    tryFirst: "not on the demo staff list: Convene will say so",
    port: 56155,
    given: "Dana",
    surname: "Director",
    aadObjectId: "66666666-6666-4666-8666-666666666666",
  },
].map((u) => {
  const email = `${u.given}.${u.surname}@demo-council.example`.toLowerCase();
  return { ...u, id: `user-${u.key}`, name: `${u.given} ${u.surname}`, email };
});

function userByKey(key) {
  const user = DEMO_USERS.find((u) => u.key === key);
  if (user === undefined) {
    throw new Error(`unknown demo user ${key}; known: ${DEMO_USERS.map((u) => u.key).join(", ")}`);
  }
  return user;
}

function userYaml(user, indent) {
  const pad = " ".repeat(indent);
  return [
    `id: ${user.id}`,
    `name: ${user.name}`,
    `userPrincipleName: ${user.email}`, // sic: the Playground's spelling
    `aadObjectId: ${user.aadObjectId}`,
    `givenName: ${user.given}`,
    `surname: ${user.surname}`,
    `email: ${user.email}`,
  ].map((line, i) => (i === 0 ? line : pad + line));
}

/**
 * The Playground config (schema version 0.1.1) with `currentKey` as the
 * current user and everyone else in `users`. The personal chat id is fixed
 * per user, so a restarted Playground lands in the same stored conversation.
 */
function renderConfig(currentKey = "clerk") {
  const current = userByKey(currentKey);
  const others = DEMO_USERS.filter((u) => u.key !== current.key);
  return [
    "# yaml-language-server: $schema=https://aka.ms/teams-app-test-tool-config/0.1.1/config.schema.json",
    "# Microsoft 365 Agents Playground: the demo authority's people (scripts/playground.js",
    "# renders this file and one like it per user; edit the list there, not here).",
    'version: "0.1.1"',
    `tenantId: ${DEMO_TENANT_ID}`,
    "bot:",
    "  id: convene-demo-bot",
    "  name: Convene",
    "currentUser:",
    `  ${userYaml(current, 2).join("\n")}`,
    "users:",
    ...others.map((u) => `  - ${userYaml(u, 4).join("\n")}`),
    "personalChat:",
    `  id: personal-chat-${current.key}`,
    "groupChat:",
    "  id: group-chat-conference",
    "  name: Conference team",
    "team:",
    "  id: team-childrens-services",
    "  name: Children's Services",
    "  aadGroupId: 00000000-0000-4000-8000-0000000007ea",
    "  channels:",
    "    - id: channel-conferences",
    "      name: Conferences",
    "",
  ].join("\n");
}

/**
 * Starts one Playground process. `configPath` defaults to a rendered file in
 * the temp dir (the repo's yml for the clerk). Its own log goes to the temp
 * dir too, not ./devTools. Resolves once it listens; `stop()` ends it.
 */
function startPlayground(options) {
  const user = userByKey(options.user ?? "clerk");
  const port = options.port ?? user.port;
  const endpoint = options.endpoint ?? DEFAULT_ENDPOINT;
  const tmp = options.tmpDir ?? os.tmpdir();
  let configPath = options.configPath;
  if (configPath === undefined) {
    configPath =
      user.key === "clerk" && options.port === undefined
        ? REPO_CONFIG
        : path.join(tmp, `convene-playground-${user.key}-${port}.yml`);
    if (configPath !== REPO_CONFIG) writeFileSync(configPath, renderConfig(user.key));
  }
  const env = {
    ...process.env,
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(tmp, `convene-playground-${user.key}-${port}.log`),
    ...(options.open === false ? { TEAMSAPPTESTER_BROWSER: "none" } : {}),
  };
  const child = spawn(
    process.execPath,
    [CLI, "-e", endpoint, "-c", "msteams", "-p", String(port), "--disable-telemetry"],
    { cwd: tmp, env, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      if (options.echo === true) process.stdout.write(`[${user.key}] ${chunk}`);
      if (output.includes(`Listening on ${port}`)) resolve();
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) =>
      reject(
        new Error(`Agents Playground for ${user.key} exited (${code}): ${output.slice(-500)}`),
      ),
    );
  });
  const exited = new Promise((resolve) => child.once("exit", () => resolve()));
  return {
    user,
    port,
    url: `http://localhost:${port}`,
    child,
    ready,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

function parseArgs(argv) {
  const args = { users: ["clerk"], endpoint: DEFAULT_ENDPOINT, open: true };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === "--as") args.users = [argv[++i]];
    else if (arg === "--all")
      args.users = DEMO_USERS.filter((u) => u.key !== "director").map((u) => u.key);
    else if (arg === "--endpoint" || arg === "-e") args.endpoint = argv[++i];
    else if (arg === "--no-open") args.open = false;
    else throw new Error(`unknown argument ${arg}`);
  }
  args.users.forEach(userByKey);
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const running = args.users.map((key) =>
    startPlayground({ user: key, endpoint: args.endpoint, open: args.open, echo: true }),
  );
  const stopAll = () => Promise.all(running.map((p) => p.stop())).then(() => process.exit(0));
  process.once("SIGINT", stopAll);
  process.once("SIGTERM", stopAll);
  for (const p of running) {
    p.ready.then(
      () =>
        process.stdout.write(
          `playground: ${p.user.name} (${p.user.key}) on ${p.url}: ${p.user.tryFirst}\n`,
        ),
      (err) => {
        process.stderr.write(`playground: ${err.message}\n`);
        void stopAll();
      },
    );
  }
}

module.exports = {
  DEMO_USERS,
  DEMO_TENANT_ID,
  DEFAULT_ENDPOINT,
  renderConfig,
  startPlayground,
  userByKey,
};

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`playground: ${err.message}\n`);
    process.exit(2);
  });
}
