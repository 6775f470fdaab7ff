#!/usr/bin/env node
/**
 * `npm run demo`: Convene locally, the whole of it, for trying it out.
 * - the bot on http://localhost:3978/api/messages with DEMO_MODE=true: the
 *   embedded store under ./data, Outlook as .ics/.eml files under ./outbox,
 *   the demo authority and its two demo cases (C-1001, C-1002);
 * - the Microsoft 365 Agents Playground on http://localhost:56150, pointed at it.
 * Move the demo clock with:
 *   curl -X POST localhost:3978/api/demo/clock -H 'content-type: application/json' -d '{"advanceMinutes": 1440}'
 * Ctrl-C stops both.
 */
const { spawn } = require("node:child_process");
const net = require("node:net");
const { setTimeout } = require("node:timers");
const path = require("node:path");

const root = path.join(__dirname, "..");
const port = Number(process.env.PORT ?? 3978);
const env = { ...process.env, DEMO_MODE: "true", PORT: String(port) };
const children = [];

function start(args, name) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: "inherit" });
  child.on("exit", (code) => {
    process.stderr.write(`demo: ${name} exited (${code})\n`);
    stop(code ?? 1);
  });
  children.push(child);
  return child;
}

function stop(code) {
  for (const c of children) if (c.exitCode === null) c.kill("SIGINT");
  setTimeout(() => process.exit(code), 500);
}

function waitForPort(p, tries = 100) {
  return new Promise((resolve, reject) => {
    const attempt = (n) => {
      const socket = net.connect(p, "127.0.0.1");
      socket.once("connect", () => {
        socket.destroy();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (n <= 0) reject(new Error(`nothing listens on ${p}`));
        else setTimeout(() => attempt(n - 1), 200);
      });
    };
    attempt(tries);
  });
}

start([path.join(root, "dist/app/main.js")], "convene");
waitForPort(port)
  .then(() => {
    // One Playground per demo user (scripts/playground.js): the Playground
    // cannot switch user while it runs. Extra arguments pass through
    // (--as social-worker, --no-open).
    const extra = process.argv.slice(2);
    start(
      [
        path.join(root, "scripts/playground.js"),
        ...(extra.includes("--as") ? [] : ["--all"]),
        "--endpoint",
        `http://localhost:${port}/api/messages`,
        ...extra,
      ],
      "agents playground",
    );
    process.stdout.write(
      "demo: one Agents Playground per demo user, http://localhost:56150 (clerk) to 56154 (service manager); type \"hi\" in any of them. See the README's 'Running locally'\n",
    );
  })
  .catch((err) => {
    process.stderr.write(`demo: ${err.message}\n`);
    stop(1);
  });
process.once("SIGINT", () => stop(0));
process.once("SIGTERM", () => stop(0));
