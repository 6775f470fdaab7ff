import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SCHEMA_VERSIONS } from "../model";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { aMeeting } from "../test/fixtures/documents";
import { recordingLogger } from "../test/fixtures/recording-logger";
import { setAsideUnreadable } from "../workflow/kernel/unreadable";
import { convene } from "./__tests__/run-cli";

/** `convene quarantine list`: what was set aside as unreadable, by id, never its raw form. */
describe("convene quarantine", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-quarantine-"));
  const saved = { ...process.env };
  const file = join(dir, "convene.sqlite");

  beforeAll(async () => {
    process.env = { ...saved, DATA_DIR: dir };
    const store = new SqliteStore({ file });
    await store.create(aMeeting("m-ok", "case-1", "2027-01-20T10:00:00.000Z"));
    const db = new Database(file);
    db.prepare(
      `INSERT INTO docs (coll, pk, id, type, etag, body, start_at)
       VALUES ('cases', 'case-1', 'm-bad', 'meeting', 'e', ?, ?)`,
    ).run(
      JSON.stringify({
        ...aMeeting("m-bad", "case-1", "2027-01-21T10:00:00.000Z"),
        v: SCHEMA_VERSIONS.meeting,
        kind: "CIN",
        notes: "Secret family detail",
      }),
      "2027-01-21T10:00:00.000Z",
    );
    db.close();
    const listing = await store.meetingsOfCase("case-1");
    await setAsideUnreadable(
      {
        store,
        clock: () => new Date("2027-01-19T11:00:00.000Z"),
        logger: recordingLogger(),
        kick: () => undefined,
      },
      listing.invalid,
      "test",
    );
    await store.close();
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers --help", async () => {
    const { code, stdout } = await convene("quarantine", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("convene quarantine list [--json]");
  });

  it("lists what was set aside, as JSON and as a table, without its raw form", async () => {
    const { code, stdout } = await convene("quarantine", "list", "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ count: 1, open: 1 });
    expect(out.records).toEqual([
      {
        recordType: "meeting",
        id: "m-bad",
        pk: "case-1",
        quarantinedAt: "2027-01-19T11:00:00.000Z",
        reason: expect.stringContaining("kind"),
        incident: "unreadable:meeting:m-bad",
        incidentStatus: "open",
      },
    ]);
    expect(stdout).not.toContain("Secret");
    const table = await convene("quarantine", "list");
    expect(table.stdout).toMatch(/meeting\s+m-bad\s+case-1\s+open/);
    expect(table.stdout).toContain("1 record(s) quarantined, 1 still open");
    expect(table.stdout).not.toContain("Secret");
  });

  it("shows in convene tasks failed", async () => {
    const out = JSON.parse((await convene("tasks", "failed", "--json")).stdout);
    expect(out.open).toEqual([
      expect.objectContaining({ kind: "unreadable-record", record: "meeting:m-bad" }),
    ]);
  });

  it("exits 2 with one line on bad input", async () => {
    for (const argv of [
      ["quarantine"],
      ["quarantine", "bogus"],
      ["quarantine", "list", "--colour"],
    ]) {
      const { code, stdout, stderr } = await convene(...argv);
      expect({ argv, code, stdout }).toEqual({ argv, code: 2, stdout: "" });
      expect(stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
