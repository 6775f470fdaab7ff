import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadStoreSettings } from "../app/config";
import { aCase } from "../test/fixtures/documents";
import { openStore } from "./open-store";
import { recordingLogger } from "../test/fixtures/recording-logger";
import { SqliteStore } from "./sqlite/sqlite-store";

const START = { clock: () => new Date("2027-01-04T09:00:00.000Z"), logger: recordingLogger() };

describe("openStore", () => {
  it("opens the embedded store under DATA_DIR when no Cosmos endpoint is configured, and keeps data across restarts", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convene-open-"));
    try {
      const config = loadStoreSettings({ DATA_DIR: join(dir, "data") });
      const first = await openStore(config.store, START);
      expect(first).toBeInstanceOf(SqliteStore);
      await first.create(aCase("case-9"));
      await first.close();
      expect(existsSync(join(dir, "data", "convene.sqlite"))).toBe(true);
      const second = await openStore(config.store, START);
      expect((await second.get("case", "case-9", "case-9"))?.policy).toBe("leicestershire");
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
