import { mkdtempSync, rmSync, statSync } from "node:fs";
import { aCase } from "../../test/fixtures/documents";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { storeContract } from "../../test/store-contract";
import { SqliteStore } from "./sqlite-store";

const root = mkdtempSync(join(tmpdir(), "convene-sqlite-contract-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let n = 0;
storeContract("sqlite", {
  async open() {
    n += 1;
    const file = join(root, `store-${n}.sqlite`);
    const store = new SqliteStore({ file });
    return {
      store,
      async insertRaw(container, raw, readyAt) {
        // A second connection, as another process would have.
        const db = new Database(file);
        try {
          db.prepare(
            `INSERT INTO docs (coll, pk, id, type, etag, body, status, start_at, ready_at)
             VALUES (?, ?, ?, ?, 'raw-etag', ?, ?, ?, ?)`,
          ).run(
            container,
            String(raw.pk),
            String(raw.id),
            String(raw.type),
            JSON.stringify(raw),
            typeof raw.status === "string" ? raw.status : null,
            typeof raw.start === "string" ? raw.start : null,
            readyAt ?? null,
          );
        } finally {
          db.close();
        }
      },
    };
  },
});

describe("sqlite store specifics", () => {
  it("reports a body that is not JSON at all by id", async () => {
    const file = join(root, "corrupt.sqlite");
    const store = new SqliteStore({ file });
    const db = new Database(file);
    db.prepare(
      `INSERT INTO docs (coll, pk, id, type, etag, body, ready_at)
       VALUES ('tasks', 'm-1', 't-corrupt', 'task', 'e', '{not json', '2027-01-01T00:00:00.000Z')`,
    ).run();
    db.close();
    const page = await store.dueTasks(new Date("2027-01-02T00:00:00.000Z"), 10);
    expect(page.items).toEqual([]);
    expect(page.invalid.map((i) => i.id)).toEqual(["t-corrupt"]);
    await store.close();
  });
});

describe("the SQLite files", () => {
  it("are created owner-only (0600): the database, its WAL and shared-memory files", async () => {
    const file = join(root, "modes.sqlite");
    const store = new SqliteStore({ file });
    try {
      await store.create(aCase("case-mode"));
      for (const f of [file, `${file}-wal`, `${file}-shm`]) {
        // Tests run as root, who can read anything: check the bits, not access.
        expect({ f, mode: statSync(f).mode & 0o777 }).toEqual({ f, mode: 0o600 });
      }
    } finally {
      await store.close();
    }
  });
});
