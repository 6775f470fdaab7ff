import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { aMeeting, aCase } from "../test/fixtures/documents";
import { convene } from "./__tests__/run-cli";

describe("convene stats", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-stats-"));
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env.DATA_DIR = dir;
    process.env.DEMO_POLICY = "england";
    const store = new SqliteStore({ file: join(dir, "convene.sqlite") });
    await store.create(aCase("case-1"));
    // Strategy Mon 11 Jan 2027: the 15th working day after is Mon 1 Feb.
    // Each is about child A only, but the first about both siblings (one on
    // a plan): the census counts each child who was the subject of an ICPC.
    const held = (id: string, start: string, both = false) =>
      aMeeting(id, "case-1", start, {
        status: "outcome-recorded",
        anchors: { strategy: "2027-01-11" },
        childIds: both ? ["case-1-child-a", "case-1-child-b"] : ["case-1-child-a"],
        indexChildId: "case-1-child-a",
        outcome: {
          recordedBy: "00000000-0000-4000-8000-000000000004",
          recordedAt: start,
          children: both
            ? [
                { childId: "case-1-child-a", decision: "plan", category: "emotional-abuse" },
                { childId: "case-1-child-b", decision: "no-plan" },
              ]
            : [{ childId: "case-1-child-a", decision: "no-plan" }],
        },
      });
    await store.create(held("m-on-time", "2027-01-29T10:00:00.000Z", true));
    await store.create(held("m-on-limit", "2027-02-01T10:00:00.000Z"));
    await store.create(held("m-late", "2027-02-02T10:00:00.000Z"));
    // Stood down, never held: not counted.
    await store.create(
      aMeeting("m-stood-down", "case-1", "2027-01-20T10:00:00.000Z", {
        status: "stood-down",
        anchors: { strategy: "2027-01-11" },
        standDown: {
          reason: "no-longer-needed",
          rationale: "moved away",
          approvedBy: ["00000000-0000-4000-8000-000000000003"],
          at: "2027-01-19T10:00:00.000Z",
        },
      }),
    );
    // West Sussex's QA notices: two in the range for one team, one outside it.
    const notice = (id: string, kind: "good-practice" | "dispute-resolution", at: string) => ({
      id,
      type: "qa-notice" as const,
      pk: "case-1",
      caseId: "case-1",
      kind,
      by: "00000000-0000-4000-8000-000000000003",
      at,
      socialWorkerId: "00000000-0000-4000-8000-000000000001",
      team: "Family Safeguarding 1",
      text: "words",
      recipients: [],
    });
    await store.create(notice("qa-1", "good-practice", "2027-01-15T10:00:00.000Z"));
    await store.create(notice("qa-2", "dispute-resolution", "2027-02-15T10:00:00.000Z"));
    await store.create(notice("qa-3", "good-practice", "2027-03-15T10:00:00.000Z"));
    await store.close();
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("prints the council's ICPC timeliness beside England's, as JSON", async () => {
    const { code, stdout, stderr } = await convene(
      "stats",
      "--from",
      "2027-01-01",
      "--to",
      "2027-02-28",
      "--json",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.icpc.overall).toEqual({ counted: 4, onTime: 3, percent: 75 });
    expect(out.icpc.byMonth).toEqual({
      "2027-01": { counted: 2, onTime: 2, percent: 100 },
      "2027-02": { counted: 2, onTime: 1, percent: 50 },
    });
    expect(out.icpcConferences[0]).toEqual({
      meetingId: "m-on-time",
      caseId: "case-1",
      heldOn: "2027-01-29",
      children: 2,
      onPlan: 1,
      onTime: true,
    });
    expect(out.qaNotices).toEqual([
      { team: "Family Safeguarding 1", goodPractice: 1, disputeResolution: 1 },
    ]);
    expect(out.national.icpc).toEqual([
      { year: "2022-23", percent: 78.5 },
      { year: "2024-25", percent: 81.4 },
    ]);
  });

  it("prints a table people can read", async () => {
    const { code, stdout } = await convene("stats", "--from", "2027-01-01", "--to", "2027-02-28");
    expect(code).toBe(0);
    expect(stdout).toContain(
      "Children whose ICPC was within 15 working days of the strategy discussion  75.0%",
    );
    expect(stdout).toContain("81.4% (2024-25)");
    expect(stdout).toMatch(/QA notices by team[\s\S]*Family Safeguarding 1\s+1\s+1/);
    // --to is inclusive: the whole of 1 Feb counts, not 2 Feb.
    const upToFirst = await convene(
      "stats",
      "--from",
      "2027-01-01",
      "--to",
      "2027-02-01",
      "--json",
    );
    expect(JSON.parse(upToFirst.stdout).icpc.overall).toEqual({
      counted: 3,
      onTime: 3,
      percent: 100,
    });
  });

  it("refuses bad input with one line and exit 2", async () => {
    for (const args of [
      ["--from", "2027-02-30", "--to", "2027-03-01"],
      ["--from", "2027-03-01", "--to", "2027-02-01"],
      ["--from", "2027-03-01"],
    ]) {
      const { code, stdout, stderr } = await convene("stats", ...args);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr.split("\n").filter(Boolean)).toHaveLength(1);
    }
  });
});
