import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { demoAuthority } from "../app/demo/authority";
import { CONVENE_APPLICATION_PERMISSIONS } from "../graph/permissions";
import { StaticTokenCredential, startLocalGraph, type LocalGraph } from "../test/local-graph";
import { convene } from "./__tests__/run-cli";
import { runDoctor } from "./doctor-command";
import { BOT_CONNECTOR_SCOPE } from "./doctor/bot-check";
import type { CheckResult } from "./doctor/check";

/**
 * `convene doctor` against the local Graph: a real token from its token
 * endpoint (roles claim as granted), the permission enforcement and the
 * Teams access policy it models, a real SQLite store under DATA_DIR.
 */
const SECRET = "doctor-s3cret";
const ORGANIZER = "conferences@council.example";
const ROOM = "room.civic-centre@council.example";
const BOT_ID = "9c2b7a1e-4d3f-4e5a-8b6c-7d8e9f0a1b2c";
let graph: LocalGraph;
let dir: string;
let env: NodeJS.ProcessEnv;
let botCredential: StaticTokenCredential;

beforeAll(async () => {
  graph = await startLocalGraph({ clientSecret: SECRET });
  dir = mkdtempSync(path.join(tmpdir(), "convene-doctor-"));
});
afterAll(async () => {
  await graph.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => {
  graph.reset();
  graph.state.directory.addUser({
    displayName: "Conferences",
    userPrincipalName: ORGANIZER,
    mail: ORGANIZER,
  });
  graph.state.directory.addUser({
    displayName: "Civic Centre room 1",
    userPrincipalName: ROOM,
    mail: ROOM,
  });
  const group = graph.state.directory.addGroup({ displayName: "Social workers" });
  const authorityFile = path.join(dir, "authority.json");
  writeFileSync(
    authorityFile,
    JSON.stringify({
      ...demoAuthority("swindon"),
      organizer: ORGANIZER,
      rooms: [{ email: ROOM, name: "Civic Centre room 1" }],
      staffGroups: { socialWorkers: group.id },
    }),
  );
  env = {
    DATA_DIR: path.join(dir, "data"),
    GRAPH_TENANT_ID: graph.tenantId,
    GRAPH_CLIENT_ID: graph.clientId,
    GRAPH_CLIENT_SECRET: SECRET,
    GRAPH_ORGANIZER: ORGANIZER,
    GRAPH_BASE_URL: graph.baseUrl,
    AUTHORITY_FILE: authorityFile,
    MicrosoftAppId: BOT_ID,
    MicrosoftAppPassword: "bot-password",
    MicrosoftAppTenantId: graph.tenantId,
  };
  botCredential = new StaticTokenCredential("bot-token");
});

async function doctor(
  ...argv: string[]
): Promise<{ code: number; output: string; checks: CheckResult[] }> {
  const deps = {
    env,
    now: () => new Date("2026-12-01T09:00:00.000Z"),
    graph: { authorityHost: graph.authorityHost, ca: graph.ca },
    botCredential: () => botCredential,
  };
  const text = await runDoctor(argv, deps);
  const json = await runDoctor(["--json"], deps);
  const parsed = JSON.parse(json.output) as { ok: boolean; checks: CheckResult[] };
  expect(parsed.ok).toBe((json.code ?? 0) === 0);
  return { code: text.code ?? 0, output: text.output, checks: parsed.checks };
}

const failures = (checks: CheckResult[]): string[] =>
  checks.filter((c) => c.status === "fail").map((c) => c.name);

describe("convene doctor", () => {
  it("passes with every permission granted, the access policy, the bot and the authority in order", async () => {
    const { code, output, checks } = await doctor();
    expect(failures(checks)).toEqual([]);
    expect(code).toBe(0);
    expect(output).toMatch(/All checks passed/);
    for (const permission of CONVENE_APPLICATION_PERMISSIONS) {
      expect(checks).toContainEqual(
        expect.objectContaining({ name: `permission ${permission}`, status: "pass" }),
      );
    }
    for (const name of [
      "open",
      "containers",
      "read",
      "write",
      "token",
      "Teams access policy",
      "identity",
      "file",
    ]) {
      expect(checks).toContainEqual(expect.objectContaining({ name, status: "pass" }));
    }
    expect(checks).toContainEqual(
      expect.objectContaining({ area: "authority", name: `room ${ROOM}`, status: "pass" }),
    );
    expect(
      checks.some((c) => c.name.startsWith("group socialWorkers") && c.status === "pass"),
    ).toBe(true);
    expect(botCredential.scopesAsked).toContainEqual([BOT_CONNECTOR_SCOPE]);
  });

  it("fails naming a withheld Graph permission and how to grant it", async () => {
    graph.permissions.revoke("User.Read.All");
    const { code, output, checks } = await doctor();
    expect(code).toBe(1);
    expect(failures(checks)).toContain("permission User.Read.All");
    expect(output).toMatch(
      /FAIL graph: permission User\.Read\.All: not granted: user\.get, user\.manager will be refused \(403\)/,
    );
    expect(output).toMatch(
      /fix: grant the Microsoft Graph application permission User\.Read\.All to app /,
    );
  });

  it("checks a mailbox permission missing from the token with a read, and names it when refused", async () => {
    graph.permissions.revoke("Calendars.ReadWrite");
    const { code, output, checks } = await doctor();
    expect(code).toBe(1);
    expect(failures(checks)).toEqual(["permission Calendars.ReadWrite"]);
    expect(output).toMatch(/fix: assign the Exchange role "Application Calendars\.ReadWrite"/);
  });

  it("fails when the Teams application access policy does not cover the organiser", async () => {
    graph.state.meetingAccessPolicy = new Set(["someone-else@council.example"]);
    const { code, output, checks } = await doctor();
    expect(code).toBe(1);
    expect(failures(checks)).toEqual(["Teams access policy"]);
    expect(output).toMatch(
      /Grant-CsApplicationAccessPolicy -PolicyName Convene-OnlineMeetings -Identity conferences@council\.example/,
    );
  });

  it("fails on a group the directory does not have, and on a bot without its password", async () => {
    graph.state.directory.groups.clear();
    delete env.MicrosoftAppPassword;
    const { code, checks } = await doctor();
    expect(code).toBe(1);
    expect(failures(checks)).toEqual([expect.stringMatching(/^group socialWorkers/), "identity"]);
  });

  it("answers --help, and refuses an unknown flag with one line and exit 2", async () => {
    const help = await convene("doctor", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("convene doctor [--json]");
    const bad = await convene("doctor", "--fast");
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split("\n")).toHaveLength(1);
  });
});
