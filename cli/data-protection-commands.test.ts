import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { applyRetention } from "../workflow/data-protection/retention";
import { aMeeting } from "../test/fixtures/documents";
import { convene } from "./__tests__/run-cli";

const SM = "55555555-5555-4555-8555-555555555555";
const CLERK_EMAIL_OR_ID = "11111111-1111-4111-8111-111111111111";

describe("convene subject and convene audit", () => {
  const dir = mkdtempSync(join(tmpdir(), "convene-dp-cli-"));
  const file = join(dir, "convene.sqlite");
  const saved = { ...process.env };

  beforeAll(async () => {
    process.env = { ...saved, DATA_DIR: dir, DEMO_POLICY: "england" };
    delete process.env.COSMOS_ENDPOINT;
    delete process.env.AUTHORITY_FILE;
    const store = new SqliteStore({ file });
    const person = (n: number) => ({
      entraObjectId: `00000000-0000-4000-8000-00000000000${n}`,
      email: `p${n}@council.example`,
      name: `Staff ${n}`,
    });
    await store.create({
      id: "case-7",
      type: "case",
      pk: "case-7",
      reference: "C-7001",
      policy: "england",
      children: [
        { id: "case-7-kid-1", name: "Robin Quill", dob: "2016-05-01", nhsNumber: "9434765919" },
        { id: "case-7-kid-2", name: "Sky Quill", dob: "2019-09-12" },
      ],
      indexChildId: "case-7-kid-1",
      socialWorker: person(1),
      teamManager: person(2),
      serviceManager: person(3),
      createdAt: "2027-01-04T09:00:00.000Z",
    });
    await store.create(aMeeting("case-7.icpc", "case-7", "2027-02-01T10:00:00.000Z"));
    await store.appendAudit({
      id: "a-1",
      type: "audit-entry",
      pk: "case-7",
      caseId: "case-7",
      actor: person(1).entraObjectId,
      action: "meeting.book",
      target: { type: "meeting", id: "case-7.icpc" },
      at: "2027-01-20T10:00:00.000Z",
    });
    await applyRetention(store, undefined, new Date("2027-01-21T02:30:00.000Z"), "run-1");
    await store.close();
  });
  afterAll(() => {
    process.env = saved;
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers --help for each command", async () => {
    for (const cmd of ["subject", "audit"]) {
      const { code, stdout } = await convene(cmd, "--help");
      expect(code).toBe(0);
      expect(stdout).toContain(`convene ${cmd}`);
    }
    expect((await convene("--help")).stdout).toContain("convene audit verify");
  });

  it("exports a child by NHS number, as JSON on stdout or to a file", async () => {
    const { code, stdout, stderr } = await convene(
      "subject",
      "export",
      "--case",
      "C-7001",
      "--child",
      "943 476 5919",
    );
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.subject).toMatchObject({ childId: "case-7-kid-1", name: "Robin Quill" });
    expect(out.meetings.map((m: { id: string }) => m.id)).toEqual(["case-7.icpc"]);
    expect(stdout).not.toContain("Sky Quill");
    const target = join(dir, "export.json");
    const toFile = await convene(
      "subject",
      "export",
      "--case",
      "C-7001",
      "--child",
      "Robin Quill",
      "--dob",
      "2016-05-01",
      "--out",
      target,
      "--json",
    );
    expect(toFile.code).toBe(0);
    expect(JSON.parse(toFile.stdout)).toMatchObject({ file: target, meetings: 1 });
    expect(JSON.parse(readFileSync(target, "utf8")).subject.childId).toBe("case-7-kid-1");
  });

  it("refuses bad input with one line and exit 2, changing nothing", async () => {
    for (const args of [
      ["subject"],
      ["subject", "export", "--case", "C-7001"],
      ["subject", "export", "--case", "C-7001", "--child", "9434765918"],
      ["subject", "export", "--case", "C-7001", "--child", "Robin Quill"],
      ["subject", "export", "--case", "C-9999", "--child", "9434765919"],
      ["subject", "export", "--case", "C-7001", "--child", "Nobody", "--dob", "2016-05-01"],
      ["subject", "erase", "--case", "C-7001", "--child", "9434765919", "--approver", SM],
      [
        "subject",
        "erase",
        "--case",
        "C-7001",
        "--child",
        "9434765919",
        "--reason",
        "because",
        "--approver",
        SM,
      ],
      ["subject", "erase", "--case", "C-7001", "--child", "9434765919", "--reason", "court-order"],
      [
        "subject",
        "erase",
        "--case",
        "C-7001",
        "--child",
        "9434765919",
        "--reason",
        "court-order",
        "--approver",
        CLERK_EMAIL_OR_ID,
      ],
      ["audit", "verify", "--heads", join(dir, "missing.json")],
      ["audit", "check"],
    ]) {
      const { code, stdout, stderr } = await convene(...args);
      expect({ args, code }).toEqual({ args, code: 2 });
      expect(stdout).toBe("");
      expect(stderr.split("\n").filter(Boolean)).toHaveLength(1);
    }
    const still = await convene("subject", "export", "--case", "C-7001", "--child", "9434765919");
    expect(still.code).toBe(0);
  });

  it("erases with a reason and an approver; audit verify passes, then catches a planted edit", async () => {
    const erased = await convene(
      "subject",
      "erase",
      "--case",
      "C-7001",
      "--child",
      "9434765919",
      "--reason",
      "subject-request",
      "--approver",
      SM,
      "--json",
    );
    expect(erased.stderr).toBe("");
    expect(erased.code).toBe(0);
    expect(JSON.parse(erased.stdout)).toMatchObject({ ok: true, caseErased: false, remaining: [] });

    const verified = await convene("audit", "verify", "--json");
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, problems: [] });
    expect((await convene("audit", "verify")).stdout).toMatch(/^Audit trail intact/);

    // Keep the heads as the operations mailbox would, then tamper with the trail.
    const db = new Database(file);
    const system = db
      .prepare<[], { body: string }>(
        "SELECT body FROM docs WHERE coll = 'audit' AND pk = 'system' ORDER BY json_extract(body, '$.seq') DESC LIMIT 1",
      )
      .get();
    const last = JSON.parse(system?.body ?? "{}");
    const headsFile = join(dir, "heads.json");
    writeFileSync(
      headsFile,
      JSON.stringify({
        recordedAt: "2027-06-01T02:30:00.000Z",
        heads: [{ pk: "system", seq: last.seq, hash: last.hash }],
      }),
    );
    db.prepare("DELETE FROM docs WHERE coll = 'audit' AND pk = 'system' AND id = ?").run(last.id);
    db.close();
    const caught = await convene("audit", "verify", "--heads", headsFile);
    expect(caught.code).toBe(1);
    expect(caught.stdout).toMatch(/NOT intact/);
    expect(caught.stdout).toMatch(/truncated: system ended at entry/);
  });
});
