import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_IDS } from "../../app/demo/authority";
import { DEMO_USERS, playgroundScript, startPlayground } from "./playground-process";

const REPO_CONFIG = join(__dirname, "../../.m365agentsplayground.yml");

describe(".m365agentsplayground.yml", () => {
  it("is exactly what scripts/playground.js renders for the clerk (one list of demo users)", () => {
    expect(readFileSync(REPO_CONFIG, "utf8")).toBe(playgroundScript.renderConfig("clerk"));
  });

  it("names the demo authority's people by their Entra object ids", () => {
    const byKey = Object.fromEntries(DEMO_USERS.map((u) => [u.key, u.aadObjectId]));
    expect(byKey).toMatchObject({
      clerk: DEMO_IDS.clerk,
      "social-worker": DEMO_IDS.socialWorker,
      chair: DEMO_IDS.chair,
      "team-manager": DEMO_IDS.teamManager,
      "service-manager": DEMO_IDS.serviceManager,
    });
    expect(DEMO_USERS.map((u) => u.name)).toEqual([
      "Casey Clerk",
      "Sam Social",
      "Chris Chair",
      "Tayo Manager",
      "Sol Service",
      "Dana Director",
    ]);
  });

  it("is accepted by the Agents Playground (a bad config makes it fall over)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convene-pg-config-"));
    // The Playground waits for its bot before it serves its config: give it one that answers.
    const bot = createServer((_req, res) => res.end());
    await new Promise<void>((resolve) => bot.listen(0, "127.0.0.1", resolve));
    const playground = await startPlayground({
      botEndpoint: `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/messages`,
      tmpDir: dir,
      configPath: REPO_CONFIG,
    });
    try {
      const res = await fetch(`${playground.url}/_internal/v1/config`);
      expect(res.status).toBe(200);
      const { config } = (await res.json()) as {
        config: { currentUser: { aadObjectId: string }; users: unknown[]; tenantId: string };
      };
      expect(config.currentUser.aadObjectId).toBe(DEMO_IDS.clerk);
      expect(config.users).toHaveLength(5);
      expect(config.tenantId).toBe(playgroundScript.DEMO_TENANT_ID);
    } finally {
      await playground.stop();
      bot.closeAllConnections();
      await new Promise((resolve) => bot.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
