import Database from "better-sqlite3";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
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
      ["quarantine", "show"],
      ["quarantine", "show", "m-none"],
      ["quarantine", "restore", "m-bad"],
      ["quarantine", "restore", "m-bad", "--file", join(dir, "no-such-file.json")],
    ]) {
      const { code, stdout, stderr } = await convene(...argv);
      expect({ argv, code, stdout }).toEqual({ argv, code: 2, stdout: "" });
      expect(stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("shows an operator the raw form, and puts a corrected record back only when it is right", async () => {
    const shown = await convene("quarantine", "show", "m-bad", "--json");
    expect(shown.code).toBe(0);
    const [record] = JSON.parse(shown.stdout).records;
    expect(record).toMatchObject({ recordType: "meeting", id: "m-bad", pk: "case-1" });
    const raw = JSON.parse(record.raw);
    expect(raw.kind).toBe("CIN");

    // Still wrong: refused, one line, nothing changed.
    const still = join(dir, "still-wrong.json");
    writeFileSync(still, JSON.stringify(raw));
    const refused = await convene("quarantine", "restore", "m-bad", "--file", still);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("still fails its schema: kind");
    expect(refused.stderr).not.toContain("Secret");
    expect(JSON.parse((await convene("quarantine", "list", "--json")).stdout).count).toBe(1);

    // Put right: back in place, listed again, audited, the incident handled.
    const fixed = join(dir, "fixed.json");
    const { notes: _notes, ...rest } = raw;
    writeFileSync(fixed, JSON.stringify({ ...rest, kind: "ICPC" }));
    const done = await convene("quarantine", "restore", "m-bad", "--file", fixed);
    expect(done).toMatchObject({ code: 0, stderr: "" });
    expect(done.stdout).toContain("meeting m-bad is back in place; its incident is marked handled");
    expect(JSON.parse((await convene("quarantine", "list", "--json")).stdout).count).toBe(0);
    const store = new SqliteStore({ file });
    try {
      const meetings = await store.meetingsOfCase("case-1");
      expect(meetings.items.map((m) => m.id).sort()).toEqual(["m-bad", "m-ok"]);
      const incident = await store.get("incident", "unreadable:meeting:m-bad", "incidents");
      expect(incident).toMatchObject({ status: "handled", closedBy: "operator" });
      const trail = (await store.auditOfCase("case-1")).items.map((a) => a.action);
      expect(trail).toEqual(expect.arrayContaining(["record.quarantined", "record.restored"]));
    } finally {
      await store.close();
    }
  });
});
