import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import AdmZip from "adm-zip";
import { demoAuthority } from "../app/demo/authority";
import { startCosmosServer, stopCosmosServer } from "./cosmos-server";
import { freePort } from "./e2e/playground-process";
import { startLocalGraph, type LocalGraph } from "./local-graph";

/**
 * The deploy zip as App Service gets it: `npm run package:deploy`'s zip
 * unpacked into an empty folder and started with `node dist/app/main.js`
 * (what `npm start` runs) under Node 24, with production settings: bot
 * credentials, the council's authority file with its staff, Microsoft Graph
 * (the local Graph over HTTPS, its certificate trusted the way a deployment
 * trusts a CA: NODE_EXTRA_CA_CERTS) and Cosmos DB (the test server; key
 * auth, which only this loopback endpoint gets). /api/ready is 200 once the
 * store, Graph's token and a first sweep are good, and 503 naming the store
 * once the store stops answering.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const runtimes = require("../scripts/runtimes.js") as {
  ensureNode24(): string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deploy = require("../scripts/package-deploy.js") as { packageDeploy(out: string): void };

jest.setTimeout(120_000);

const SECRET = "local-graph-client-secret";
let dir: string;
let app: string;
let graph: LocalGraph;
let cosmos: Server | undefined;
let child: ChildProcess | undefined;
let output = "";
let base = "";

async function ready(): Promise<{ status: number; body: { ready: boolean; checks: unknown[] } }> {
  const res = await fetch(`${base}/api/ready`);
  return { status: res.status, body: (await res.json()) as { ready: boolean; checks: unknown[] } };
}

async function until<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms: number): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (ok(last)) return last;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(
    `not reached in ${ms} ms: ${JSON.stringify(last) ?? String(lastError)}\n${output.slice(-2000)}`,
  );
}

beforeAll(async () => {
  const node24 = runtimes.ensureNode24();
  dir = mkdtempSync(path.join(tmpdir(), "convene-deploy-test-"));
  // .ci/run makes the zip once from this checkout (CONVENE_DEPLOY_ZIP) for
  // both runtimes' runs; run alone, the test makes its own.
  const given = process.env.CONVENE_DEPLOY_ZIP;
  const zip = given ?? path.join(dir, "convene-app.zip");
  if (given === undefined) deploy.packageDeploy(zip);
  app = path.join(dir, "app");
  new AdmZip(zip).extractAllTo(app);

  graph = await startLocalGraph({ clientSecret: SECRET });
  const started = await startCosmosServer();
  cosmos = started.server;
  const caFile = path.join(dir, "local-graph-ca.pem");
  writeFileSync(caFile, graph.ca);
  const authorityFile = path.join(dir, "council.json");
  writeFileSync(authorityFile, JSON.stringify(demoAuthority("swindon")));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;

  child = spawn(node24, ["dist/app/main.js"], {
    cwd: app,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PORT: String(port),
      NODE_EXTRA_CA_CERTS: caFile,
      COSMOS_ENDPOINT: started.endpoint,
      COSMOS_KEY: "dGVzdC1rZXk=",
      COSMOS_DATABASE: "convene-deploy-test",
      GRAPH_TENANT_ID: graph.tenantId,
      GRAPH_CLIENT_ID: graph.clientId,
      GRAPH_CLIENT_SECRET: SECRET,
      GRAPH_ORGANIZER: "conferences@swindon.example",
      GRAPH_BASE_URL: graph.baseUrl,
      GRAPH_AUTHORITY_HOST: graph.authorityHost,
      MicrosoftAppId: "6c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5",
      MicrosoftAppPassword: "bot-secret-not-used-until-a-turn",
      MicrosoftAppTenantId: graph.tenantId,
      MicrosoftAppType: "SingleTenant",
      AUTHORITY_FILE: authorityFile,
      SCHEDULER_INTERVAL_MS: "1000",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (c: Buffer) => (output += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (output += c.toString()));
  // Packaging compiles the sources and installs the production dependencies:
  // minutes on two shared cores.
}, 900_000);

afterAll(async () => {
  if (child !== undefined && child.exitCode === null) {
    const exited = new Promise((r) => child?.once("exit", r));
    child.kill("SIGTERM");
    const forced = setTimeout(() => child?.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(forced);
  }
  await stopCosmosServer(cosmos);
  await graph?.close();
  rmSync(dir, { recursive: true, force: true });
});

it("holds built code and production dependencies only, with better-sqlite3 built for Node 24", () => {
  const top = readdirSync(app).sort();
  expect(top).toEqual([
    "bin",
    "dist",
    "node_modules",
    "package-lock.json",
    "package.json",
    "scripts",
  ]);
  const modules = readdirSync(path.join(app, "node_modules"));
  for (const devOnly of ["typescript", "jest", "ts-jest", "adaptivecards", "date-fns", "eslint"]) {
    expect(modules).not.toContain(devOnly);
  }
  expect(modules).toContain("express");
  expect(modules).not.toContain("restify");
  // dist/test holds only the local Graph that bench/graph imports; no test file is shipped.
  const shipped = readdirSync(path.join(app, "dist"), { recursive: true }).map(String);
  expect(shipped.filter((f) => f.endsWith(".test.js"))).toEqual([]);
  expect(shipped).toContain(path.join("app", "main.js"));
});

it("starts under Node 24 with production settings: ready (200), then 503 naming the store when the store stops", async () => {
  const up = await until(ready, (r) => r.status === 200, 90_000);
  expect(up.body).toEqual({
    ready: true,
    checks: expect.arrayContaining([
      { name: "store", ok: true },
      { name: "scheduler", ok: true },
      { name: "graph", ok: true },
    ]),
  });
  expect(output).toContain('"store":"cosmos"');
  expect(output).toContain('"calendar":"graph"');
  expect((await fetch(`${base}/api/health`)).status).toBe(200);

  await stopCosmosServer(cosmos);
  cosmos = undefined;
  const down = await until(ready, (r) => r.status === 503, 60_000);
  expect(down.body.ready).toBe(false);
  expect(down.body.checks).toContainEqual(expect.objectContaining({ name: "store", ok: false }));
  // The log line and the answer leave the process separately: under load the
  // line can reach this pipe a moment after the 503.
  await until(
    async () => output,
    (o) => o.includes("not ready"),
    10_000,
  );
  // Liveness is not readiness: the process still answers.
  expect((await fetch(`${base}/api/health`)).status).toBe(200);
});
