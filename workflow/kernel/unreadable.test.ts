import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCHEMA_VERSIONS } from "../../model";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import { aMeeting } from "../../test/fixtures/documents";
import { recordingLogger } from "../../test/fixtures/recording-logger";
import {
  CASE_FILE_TYPES,
  readOrSetAside,
  setAsideUnreadable,
  unreadableCount,
  unreadableIncidentId,
} from "./unreadable";

describe("setting unreadable records aside", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-unreadable-"));
  const file = join(dir, "convene.sqlite");
  let store: SqliteStore;
  const logger = recordingLogger();
  let kicks = 0;
  const deps = () => ({
    store,
    logger,
    clock: () => new Date("2027-01-11T09:00:00.000Z"),
    kick: () => {
      kicks += 1;
    },
  });
  const plant = (id: string, body: Record<string, unknown>) => {
    const db = new Database(file);
    db.prepare(
      `INSERT INTO docs (coll, pk, id, type, etag, body, start_at)
       VALUES ('cases', 'case-1', ?, 'meeting', 'e', ?, ?)`,
    ).run(id, JSON.stringify(body), String(body.start));
    db.close();
  };

  beforeAll(() => {
    store = new SqliteStore({ file });
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("quarantines, raises once and counts; a record only in an older shape is raised but left for the migration", async () => {
    plant("m-bad", {
      ...aMeeting("m-bad", "case-1", "2027-01-20T10:00:00.000Z"),
      v: SCHEMA_VERSIONS.meeting,
      kind: "CIN",
    });
    plant("m-old", aMeeting("m-old", "case-1", "2027-01-21T10:00:00.000Z"));
    const listing = await store.meetingsOfCase("case-1");
    expect(listing.invalid.map((r) => [r.id, r.outdated ?? false])).toEqual([
      ["m-bad", false],
      ["m-old", true],
    ]);
    await setAsideUnreadable(deps(), listing.invalid, "test");
    await setAsideUnreadable(deps(), listing.invalid, "test");
    expect(kicks).toBe(2);
    expect((await store.quarantined()).map((q) => q.id)).toEqual(["m-bad"]);
    // The older shape stays where it is, for the start-up migration.
    expect((await store.outdated("meeting", SCHEMA_VERSIONS.meeting)).map((d) => d.id)).toEqual([
      "m-old",
    ]);
    expect(await unreadableCount(deps(), CASE_FILE_TYPES)).toBe(2);
    expect(await unreadableCount(deps(), new Set(["task"]))).toBe(0);
    // A point read of the quarantined one: unreadable, not absent, and not raised again.
    expect(await readOrSetAside(deps(), "meeting", "m-bad", "case-1", "test")).toEqual({
      unreadable: true,
    });
    expect(await readOrSetAside(deps(), "meeting", "m-none", "case-1", "test")).toEqual({
      unreadable: false,
    });
    expect(kicks).toBe(2);
    expect(JSON.stringify(logger.lines)).not.toContain("Test ");
  });

  it("keys the incident by the record, within the id rules", () => {
    expect(unreadableIncidentId({ type: "meeting", pk: "case-1", id: "m-1" })).toBe(
      "unreadable:meeting:m-1",
    );
    const long = unreadableIncidentId({ type: "task", pk: "p", id: "x".repeat(250) });
    expect(long).toMatch(/^unreadable:task:[0-9a-f]{40}$/);
    expect(unreadableIncidentId({ type: "task", pk: "p", id: "a?b" })).toMatch(
      /^unreadable:task:[0-9a-f]{40}$/,
    );
  });
});
