import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { aTask } from "../test/fixtures/documents";
import { convene } from "./__tests__/run-cli";

/** `convene tasks`: operators list, inspect and retry what gave up, from the server's store. */
describe("convene tasks", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-tasks-"));
  const saved = { ...process.env };
  const file = join(dir, "convene.sqlite");

  beforeAll(async () => {
    process.env = { ...saved, DATA_DIR: dir };
    const store = new SqliteStore({ file });
    await store.create(
      aTask("m-1:meeting.police-checks", "2027-01-19T11:00:00.000Z", {
        taskType: "meeting.police-checks",
        status: "failed",
        attempts: 1,
        lastError: "Mail.refused: 1 email(s) refused by Outlook (HTTP 403)",
      }),
    );
    await store.create({
      id: "task-failed:m-1:meeting.police-checks:1",
      type: "incident",
      pk: "incidents",
      kind: "task-failed",
      status: "open",
      raisedAt: "2027-01-19T11:00:01.000Z",
      reason: "Mail.refused: 1 email(s) refused by Outlook (HTTP 403)",
      taskId: "m-1:meeting.police-checks",
      taskType: "meeting.police-checks",
      taskPk: "m-1",
      caseId: "case-1",
      meetingId: "m-1",
    });
    await store.close();
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers --help", async () => {
    const { code, stdout } = await convene("tasks", "--help");
    expect(code).toBe(0);
    expect(stdout).toContain("convene tasks failed [--json]");
  });

  it("lists what failed, as JSON", async () => {
    const { code, stdout } = await convene("tasks", "failed", "--json");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.unreadable).toBe(0);
    expect(out.open).toEqual([
      expect.objectContaining({
        task: "m-1:meeting.police-checks",
        reason: expect.stringMatching(/403/),
      }),
    ]);
    const table = await convene("tasks", "failed");
    expect(table.stdout).toMatch(/m-1:meeting\.police-checks\s+Mail\.refused/);
  });

  it("shows one with its stored error", async () => {
    const { code, stdout } = await convene("tasks", "show", "m-1:meeting.police-checks");
    expect(code).toBe(0);
    expect(stdout).toContain("Status: failed after 1 attempt(s)");
    expect(stdout).toContain("Last error: Mail.refused");
  });

  it("retries it: pending again, due now, the incident closed; a second retry is refused in one line", async () => {
    const first = await convene("tasks", "retry", "m-1:meeting.police-checks");
    expect(first).toMatchObject({ code: 0, stderr: "" });
    const store = new SqliteStore({ file });
    try {
      const task = await store.get("task", "m-1:meeting.police-checks", "m-1");
      expect(task).toMatchObject({ status: "pending", attempts: 0 });
      const incident = await store.get(
        "incident",
        "task-failed:m-1:meeting.police-checks:1",
        "incidents",
      );
      expect(incident).toMatchObject({ status: "retried", closedBy: "operator" });
    } finally {
      await store.close();
    }
    const again = await convene("tasks", "retry", "m-1:meeting.police-checks");
    expect(again.code).toBe(2);
    expect(again.stdout).toBe("");
    expect(again.stderr.trim().split("\n")).toHaveLength(1);
    expect((await convene("tasks", "failed")).stdout).toContain("Nothing needs attention.");
  });

  it("exits 2 with one line on bad input", async () => {
    for (const argv of [
      ["tasks"],
      ["tasks", "bogus"],
      ["tasks", "show"],
      ["tasks", "show", "nope"],
      ["tasks", "failed", "--colour"],
    ]) {
      const { code, stdout, stderr } = await convene(...argv);
      expect({ argv, code, stdout }).toEqual({ argv, code: 2, stdout: "" });
      expect(stderr.trim().split("\n")).toHaveLength(1);
    }
  });
});
