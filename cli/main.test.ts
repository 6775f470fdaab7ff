import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convene } from "./__tests__/run-cli";

const EXAMPLE = [
  "timeline",
  "--policy",
  "leicestershire",
  "--meeting",
  "ICPC",
  "--strategy",
  "2026-12-14",
  "--at",
  "2027-01-07T10:00",
];

describe("convene timeline", () => {
  it("prints the issue's example as JSON", async () => {
    const { code, stdout, stderr } = await convene(...EXAMPLE, "--json");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({
      policy: "leicestershire",
      meeting: "ICPC",
      at: "2027-01-07T10:00:00+00:00",
    });
    expect(out.entries).toContainEqual(
      expect.objectContaining({
        rule: "icpc.latest",
        kind: "limit",
        at: "2027-01-07T17:00:00+00:00",
        who: ["clerk"],
        text: "ICPC must be held by Thu 7 Jan 2027",
      }),
    );
    expect(out.entries).toContainEqual(
      expect.objectContaining({ rule: "police-checks.request", at: "2026-12-23T16:00:00+00:00" }),
    );
  });

  it("prints a readable en-GB table without --json", async () => {
    const { code, stdout } = await convene(...EXAMPLE);
    expect(code).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(
      "leicestershire · ICPC · meeting Thu 7 Jan 2027 10:00 (virtual) · strategy discussion Mon 14 Dec 2026",
    );
    expect(lines[2]).toMatch(/^When\s+Rule\s+Kind\s+Who\s+What$/);
    expect(stdout).toMatch(
      /Thu 7 Jan 2027 17:00\s+icpc\.latest\s+limit\s+clerk\s+ICPC must be held by Thu 7 Jan 2027/,
    );
    expect(stdout).toMatch(/Wed 23 Dec 2026 16:00\s+police-checks\.request\s+deadline/);
  });

  it("accepts a lower-case meeting kind and --in-person", async () => {
    const { code, stdout } = await convene(
      "timeline",
      "--policy",
      "leicestershire",
      "--meeting",
      "rcpc",
      "--at",
      "2027-06-07T10:00",
      "--in-person",
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).entries).toContainEqual(
      expect.objectContaining({ rule: "sw.join-early", at: "2027-06-07T09:30:00+01:00" }),
    );
  });

  it("runs a CLA review timeline with a review number", async () => {
    const { code, stdout } = await convene(
      "timeline",
      "--policy",
      "swindon",
      "--meeting",
      "CLA",
      "--review",
      "3",
      "--previous",
      "2026-08-31",
      "--at",
      "2027-02-24T10:00",
      "--json",
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).entries).toContainEqual(
      expect.objectContaining({ rule: "cla.next.latest", at: "2027-02-26T17:00:00+00:00" }),
    );
  });

  it("applies an authority's overrides file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "convene-"));
    const file = join(dir, "overrides.json");
    writeFileSync(file, JSON.stringify({ endOfBusiness: "16:30" }));
    const { code, stdout } = await convene(...EXAMPLE, "--overrides", file, "--json");
    expect(code).toBe(0);
    expect(JSON.parse(stdout).entries).toContainEqual(
      expect.objectContaining({ rule: "icpc.request", at: "2026-12-21T16:30:00+00:00" }),
    );
  });

  const base = ["timeline", "--policy", "england", "--meeting", "ICPC"];
  it.each([
    [
      "an unknown policy",
      ["timeline", "--policy", "kent", "--meeting", "ICPC", "--at", "2027-01-07T10:00"],
      /unknown policy "kent"/,
    ],
    [
      "an unknown meeting kind",
      ["timeline", "--policy", "england", "--meeting", "LAC", "--at", "2027-01-07T10:00"],
      /unknown meeting kind "LAC"/,
    ],
    [
      "a missing policy",
      ["timeline", "--meeting", "ICPC", "--at", "2027-01-07T10:00"],
      /--policy is required/,
    ],
    [
      "a missing meeting",
      ["timeline", "--policy", "england", "--at", "2027-01-07T10:00"],
      /--meeting is required/,
    ],
    ["an impossible date 2027-02-30", [...base, "--at", "2027-02-30T10:00"], /not a real date/],
    ["an impossible month 2027-13-01", [...base, "--strategy", "2027-13-01"], /not a real date/],
    ["an impossible time T25:00", [...base, "--at", "2027-01-07T25:00"], /not a real time/],
    ["a badly formed date", [...base, "--strategy", "7/1/2027"], /YYYY-MM-DD/],
    ["a time with an offset", [...base, "--at", "2027-01-07T10:00Z"], /local time/],
    [
      "a time skipped by the clocks going forward",
      [...base, "--at", "2027-03-28T01:30"],
      /does not exist in Europe\/London/,
    ],
    ["a year out of range", [...base, "--strategy", "1999-01-01"], /supported years/],
    ["no anchor at all", base, /at least one anchor/],
    [
      "an unknown flag",
      [...base, "--at", "2027-01-07T10:00", "--colour"],
      /Unknown option '--colour'/,
    ],
    ["a stray argument", [...base, "extra"], /Unexpected argument/],
    ["a flag missing its value", [...base, "--at"], /argument missing/],
    [
      "--review 0",
      [
        "timeline",
        "--policy",
        "england",
        "--meeting",
        "CLA",
        "--review",
        "0",
        "--looked-after",
        "2027-01-04",
      ],
      /positive whole number/,
    ],
    [
      "--review two",
      [
        "timeline",
        "--policy",
        "england",
        "--meeting",
        "CLA",
        "--review",
        "two",
        "--previous",
        "2027-01-04",
      ],
      /positive whole number/,
    ],
    [
      "--review -1",
      [
        "timeline",
        "--policy",
        "england",
        "--meeting",
        "CLA",
        "--review=-1",
        "--previous",
        "2027-01-04",
      ],
      /positive whole number/,
    ],
    [
      "CLA review 1 without --looked-after",
      [
        "timeline",
        "--policy",
        "england",
        "--meeting",
        "CLA",
        "--review",
        "1",
        "--at",
        "2027-01-07T10:00",
      ],
      /looked-after/,
    ],
    [
      "CLA review 2 without --previous",
      [
        "timeline",
        "--policy",
        "england",
        "--meeting",
        "CLA",
        "--review",
        "2",
        "--looked-after",
        "2027-01-04",
      ],
      /previous review/,
    ],
    [
      "CLA --previous without --review",
      ["timeline", "--policy", "england", "--meeting", "CLA", "--previous", "2027-01-04"],
      /review number/,
    ],
    [
      "a strategy date on an RCPC",
      [
        "timeline",
        "--policy",
        "england",
        "--meeting",
        "RCPC",
        "--strategy",
        "2027-01-04",
        "--at",
        "2027-02-01T10:00",
      ],
      /strategy date is not used/,
    ],
    ["--in-person without --at", [...base, "--strategy", "2027-01-04", "--in-person"], /give --at/],
    [
      "a meeting kind the policy has no rules for",
      [
        "timeline",
        "--policy",
        "england",
        "--meeting",
        "CLA",
        "--looked-after",
        "2027-01-04",
        "--overrides",
        "NO_CLA",
      ],
      /has no rules for CLA/,
    ],
    [
      "a flag given twice",
      [...base, "--strategy", "2027-01-04", "--at", "2027-01-07T10:00", "--at", "2027-01-08T10:00"],
      /--at is given more than once/,
    ],
    [
      "an ICPC before its strategy discussion",
      [...base, "--strategy", "2027-01-07", "--at", "2027-01-05T10:00"],
      /cannot be before its strategy discussion/,
    ],
    [
      "an unreadable overrides file",
      [...base, "--strategy", "2027-01-04", "--overrides", "/nonexistent/overrides.json"],
      /cannot read overrides/,
    ],
  ])("exits 2 with one line on stderr for %s", async (_name, argv, message) => {
    const args = [...argv];
    const i = args.indexOf("NO_CLA");
    if (i >= 0) {
      const file = join(mkdtempSync(join(tmpdir(), "convene-")), "o.json");
      writeFileSync(file, JSON.stringify({ meetings: ["ICPC", "RCPC"] }));
      args[i] = file;
    }
    const { code, stdout, stderr } = await convene(...args);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.endsWith("\n")).toBe(true);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr.startsWith("convene: ")).toBe(true);
  });
});

describe("convene schedule", () => {
  it("prints recurring jobs as JSON", async () => {
    const { code, stdout, stderr } = await convene(
      "schedule",
      "--policy",
      "swindon",
      "--from",
      "2027-01-01",
      "--to",
      "2027-01-04",
      "--json",
    );
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const out = JSON.parse(stdout);
    expect(out).toMatchObject({ policy: "swindon", from: "2027-01-01", to: "2027-01-04" });
    expect(out.entries.map((e: { rule: string }) => e.rule)).toEqual([
      "list.fortnight",
      "list.month-ahead",
      "list.weekly",
      "report.exceptions",
    ]);
    expect(out.entries[1]).toMatchObject({
      at: "2027-01-04T09:00:00+00:00",
      movedFrom: "2027-01-01",
    });
  });

  it("prints a readable table, or says there is nothing", async () => {
    const some = await convene(
      "schedule",
      "--policy",
      "west-sussex",
      "--from",
      "2027-01-04",
      "--to",
      "2027-01-04",
    );
    expect(some.code).toBe(0);
    expect(some.stdout).toMatch(/^west-sussex · recurring jobs Mon 4 Jan 2027 to Mon 4 Jan 2027/);
    expect(some.stdout).toMatch(/Mon 4 Jan 2027 17:00\s+register\.notify-health\s+list\s+health/);
    const none = await convene(
      "schedule",
      "--policy",
      "england",
      "--from",
      "2027-01-04",
      "--to",
      "2027-01-10",
    );
    expect(none.stdout).toMatch(/No recurring jobs in this range/);
  });

  it.each([
    [
      "an unknown policy",
      ["--policy", "kent", "--from", "2027-01-01", "--to", "2027-01-02"],
      /unknown policy/,
    ],
    [
      "an impossible date",
      ["--policy", "swindon", "--from", "2027-02-30", "--to", "2027-03-02"],
      /not a real date/,
    ],
    ["a missing --from", ["--policy", "swindon", "--to", "2027-03-02"], /--from is required/],
    ["a missing --to", ["--policy", "swindon", "--from", "2027-03-02"], /--to is required/],
    [
      "a range ending before it starts",
      ["--policy", "swindon", "--from", "2027-03-02", "--to", "2027-03-01"],
      /before it starts/,
    ],
    [
      "a timeline flag",
      ["--policy", "swindon", "--from", "2027-03-02", "--to", "2027-03-03", "--meeting", "ICPC"],
      /Unknown option/,
    ],
  ])("exits 2 for %s", async (_name, argv, message) => {
    const { code, stdout, stderr } = await convene("schedule", ...argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});

describe("convene", () => {
  it("prints usage for --help", async () => {
    const { code, stdout } = await convene("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/convene timeline --policy P --meeting ICPC\|RCPC\|CLA/);
    expect(stdout).toMatch(/convene schedule --policy P --from DATE --to DATE/);
  });

  it.each([[[]], [["frobnicate"]]])("exits 2 for %j", async (argv) => {
    const { code, stdout, stderr } = await convene(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
