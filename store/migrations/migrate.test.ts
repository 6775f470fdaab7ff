import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { aCase, aMeeting, at } from "../../test/fixtures/documents";
import { recordingLogger } from "../../test/fixtures/recording-logger";
import { SqliteStore } from "../sqlite/sqlite-store";
import { migrateStore } from "./migrate";

/**
 * The meeting migration's edges, on SQLite with documents planted as main
 * stored them (no version). Nothing is ever dropped: what cannot be
 * migrated without guessing stays exactly as stored and is reported.
 */
describe("migrating meetings to a decision for each child", () => {
  let dir: string;
  let file: string;
  let store: SqliteStore;
  const START = () => ({ clock: () => new Date(at(0)), logger: recordingLogger() });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "convene-migrate-"));
    file = join(dir, "store.sqlite");
    store = new SqliteStore({ file });
    await store.create(aCase("case-1"));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Writes a meeting as main would have: no version, whatever outcome it had. */
  function plant(id: string, extra: Record<string, unknown>, caseId = "case-1"): void {
    const { etag: _etag, ...body } = { ...aMeeting(id, caseId, at(0)), ...extra };
    const db = new Database(file);
    try {
      db.prepare(
        `INSERT INTO docs (coll, pk, id, type, etag, body, status, start_at)
         VALUES ('cases', ?, ?, 'meeting', 'old', ?, ?, ?)`,
      ).run(caseId, id, JSON.stringify(body), String(body.status), String(body.start));
    } finally {
      db.close();
    }
  }
  const outcome = (decision: string, category?: string) => ({
    status: "outcome-recorded",
    outcome: {
      recordedBy: aCase().chair!.entraObjectId,
      recordedAt: at(1),
      decision,
      ...(category !== undefined ? { category } : {}),
      nextConference: at(90 * 86_400_000),
    },
  });

  it("writes in the children and index child, and each child's copy of the case's decision", async () => {
    plant("m-plan", outcome("plan", "neglect"));
    plant("m-booked", {});
    const report = await migrateStore(store, START());
    expect(report).toEqual({ migrated: 2, migratedElsewhere: 0, failed: [] });
    const plan = await store.get("meeting", "m-plan", "case-1");
    expect(plan).toMatchObject({
      v: 2,
      childIds: ["case-1-child-a", "case-1-child-b"],
      indexChildId: "case-1-child-a",
      outcome: {
        nextConference: at(90 * 86_400_000),
        children: [
          { childId: "case-1-child-a", decision: "plan", category: "neglect", migrated: true },
          { childId: "case-1-child-b", decision: "plan", category: "neglect", migrated: true },
        ],
      },
    });
    expect(plan?.outcome).not.toHaveProperty("decision");
    const booked = await store.get("meeting", "m-booked", "case-1");
    expect(booked?.outcome).toBeUndefined();
    expect(booked?.childIds).toEqual(["case-1-child-a", "case-1-child-b"]);
    const audit = (await store.auditOfCase("case-1")).items;
    expect(audit.map((e) => [e.action, e.target.id, e.detail])).toEqual([
      ["store.migrate", "m-booked", { from: 1, to: 2 }],
      ["store.migrate", "m-plan", { from: 1, to: 2 }],
    ]);
  });

  it("keeps a CLA review's minutes as minutes, with no decision invented", async () => {
    plant("m-cla", { kind: "CLA", ...outcome("cla-minutes-recorded") });
    expect((await migrateStore(store, START())).migrated).toBe(1);
    const cla = await store.get("meeting", "m-cla", "case-1");
    expect(cla?.outcome).toMatchObject({ children: [], minutes: true });
    expect(cla?.childIds).toBeUndefined();
  });

  it("leaves a decision it does not know, or a meeting whose case is gone, as stored and reports them by id", async () => {
    plant("m-odd", outcome("adjourned"));
    plant("m-orphan", outcome("no-plan"), "case-gone");
    const logger = recordingLogger();
    const report = await migrateStore(store, { clock: () => new Date(at(0)), logger });
    expect(report.migrated).toBe(0);
    expect(report.failed).toEqual([
      {
        type: "meeting",
        id: "m-odd",
        error: "its outcome records a decision that is neither plan nor no plan",
      },
      {
        type: "meeting",
        id: "m-orphan",
        error: "its case cannot be read",
      },
    ]);
    expect(logger.lines.filter((l) => l.level === "error")).toHaveLength(2);
    // Still there, whole, and still reported by every read until fixed.
    const left = await store.outdated("meeting", 2);
    expect(left.map((d) => [d.id, (d.body.outcome as { decision: string }).decision])).toEqual([
      ["m-odd", "adjourned"],
      ["m-orphan", "no-plan"],
    ]);
    expect((await store.meetingsOfCase("case-1")).invalid.map((i) => i.id)).toEqual(["m-odd"]);
    expect((await store.auditOfCase("case-1")).items).toEqual([]);
    // The next start tries again, and still drops nothing.
    expect((await migrateStore(store, START())).failed).toHaveLength(2);
  });
});
