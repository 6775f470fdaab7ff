import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convene } from "./__tests__/run-cli";

/** `convene staff refresh`: help, and bad input as one line with exit 2, nothing on stdout. */
describe("convene staff", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-staff-"));
  const saved = { ...process.env };
  beforeAll(() => {
    process.env.DATA_DIR = dir;
    delete process.env.AUTHORITY_FILE;
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers --help", async () => {
    const r = await convene("staff", "--help");
    expect(r).toEqual({
      code: 0,
      stdout: "usage:\n  convene staff refresh [--json]\n",
      stderr: "",
    });
    expect((await convene("staff", "refresh", "--help")).stdout).toContain("staff refresh");
    expect((await convene("--help")).stdout).toContain("convene staff refresh [--json]");
  });

  it("refuses an unknown subcommand or flag with one line and exit 2", async () => {
    for (const argv of [["staff"], ["staff", "reload"], ["staff", "refresh", "--force"]]) {
      const r = await convene(...argv);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("says so when the authority's staff list is the file's (no staffGroups)", async () => {
    const r = await convene("staff", "refresh", "--json");
    expect(r).toMatchObject({ code: 2, stdout: "" });
    expect(r.stderr).toBe(
      "convene: the authority names no staffGroups: its staff list is the file's\n",
    );
  });
});
