import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { aTask, at } from "./fixtures/documents";

const N = 400;
const LEASE_MS = 5000;
const FIRST_CLOCK = at(3_600_000);
// Past every lease the killed run can have taken.
const RESTART_CLOCK = at(3_600_000 + 10 * 60_000);
const worker = resolve(__dirname, "fixtures", "crash-worker.ts");

function startWorker(db: string, results: string, clockStart: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      "-r",
      "ts-node/register/transpile-only",
      worker,
      db,
      results,
      clockStart,
      String(LEASE_MS),
      "3",
    ],
    { cwd: resolve(__dirname, ".."), stdio: ["ignore", "ignore", "pipe"] },
  );
}

function exited(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((done) => child.once("exit", (code, signal) => done({ code, signal })));
}

const lines = (file: string): string[] =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((l) => l !== "")
    : [];

describe("a scheduler process killed mid-run", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-crash-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("is restarted and every task still runs, none twice", async () => {
    const db = join(dir, "crash.sqlite");
    const results = join(dir, "results.txt");
    const loader = new SqliteStore({ file: db });
    loader.createMany(
      Array.from({ length: N }, (_, i) =>
        aTask(`c-${String(i).padStart(4, "0")}`, at(i), { meetingId: `m-${i % 7}` }),
      ),
    );
    await loader.close();

    // 1. Run, and kill it once some (not all) side effects are on disk.
    const first = startWorker(db, results, FIRST_CLOCK);
    let stderr = "";
    first.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const firstExit = exited(first);
    const deadline = Date.now() + 20_000;
    while (lines(results).length < N / 5) {
      if (Date.now() > deadline) throw new Error(`worker made no progress: ${stderr}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    first.kill("SIGKILL");
    expect((await firstExit).signal).toBe("SIGKILL");
    const afterKill = lines(results).length;
    expect(afterKill).toBeLessThan(N);

    // What the kill left behind: tasks claimed but never settled.
    const raw = new Database(db, { readonly: true });
    const stranded = raw
      .prepare("SELECT count(*) AS n FROM docs WHERE status = 'running'")
      .get() as { n: number };
    raw.close();

    // 2. Restart with the clock past the dead run's leases; it finishes.
    const second = startWorker(db, results, RESTART_CLOCK);
    second.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await exited(second)).toEqual({ code: 0, signal: null });

    // 3. Every side effect applied exactly once, every task recorded done.
    const ids = lines(results);
    expect(ids.length).toBe(N);
    expect(new Set(ids).size).toBe(N);
    const check = new Database(db, { readonly: true });
    const byStatus = check.prepare("SELECT status, count(*) AS n FROM docs GROUP BY status").all();
    const rerun = check
      .prepare("SELECT count(*) AS n FROM docs WHERE json_extract(body, '$.attempts') > 1")
      .get() as { n: number };
    check.close();
    expect(byStatus).toEqual([{ status: "done", n: N }]);
    // Tasks the kill stranded were claimed again (a second attempt).
    expect(rerun.n).toBe(stranded.n);
  }, 60_000);
});
