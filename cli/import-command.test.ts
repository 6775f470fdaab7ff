import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../store/sqlite/sqlite-store";
import { convene } from "./__tests__/run-cli";
import { demoAuthority, DEMO_IDS } from "../app/demo/authority";
import { resolvePolicy } from "../rules";
import { importCases, type ImportRow } from "../workflow/cases/import-cases";
import type { WorkflowDeps } from "../workflow/kernel/deps";
import type { Store } from "../ports/store";
import { recordingLogger } from "../test/fixtures/recording-logger";
import { readCsv } from "./csv-read";
import { createCalendar } from "../graph/create-calendar";

/**
 * `convene import cases`: the go-live file. Dates are in 2025 so they are in
 * the past whenever the test runs (the command reads the real clock, as the
 * top layer may).
 */
const HEADER =
  "case_reference,child_id,child_name,dob,nhs_number,index_child,social_worker,team_manager,cp_plan_start,cp_plan_category,last_conference_date,looked_after_since,last_cla_review_number,last_cla_review_date";
const SW = "sam.social@demo-council.example";
const TM = "tayo.manager@demo-council.example";
const GOOD = [
  `GL-1,A1,Ada Example,2016-04-02,943 476 5919,yes,${SW},${TM},2025-03-03,neglect,2025-03-17,,,`,
  `GL-1,A2,"Ben ""Benny"" Example",2019-08-30,,,${SW},${TM},2025-03-03,neglect,2025-03-17,,,`,
  `GL-2,B1,Cal Example,2012-01-15,,,${SW},${TM},,,,2024-11-04,2,2025-05-06`,
  `GL-3,C1,Dee Example,2020-06-01,,,${SW},${TM},,,,2025-06-02,,`,
  `GL-4,D1,Eve Example,2018-02-11,,,${DEMO_IDS.socialWorker},${DEMO_IDS.teamManager},,,,,,`,
];

let dir: string;
let env: NodeJS.ProcessEnv;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "convene-import-"));
  env = { ...process.env };
  process.env.DATA_DIR = dir;
  process.env.DEMO_POLICY = "swindon";
  delete process.env.AUTHORITY_FILE;
  delete process.env.MicrosoftAppId;
  delete process.env.COSMOS_ENDPOINT;
});
afterEach(() => {
  process.env = env;
  rmSync(dir, { recursive: true, force: true });
});

const file = (lines: string[]) => {
  const path = join(dir, "caseload.csv");
  writeFileSync(path, [HEADER, ...lines].join("\r\n") + "\r\n");
  return path;
};
async function storeState() {
  const store = new SqliteStore({ file: join(dir, "convene.sqlite") });
  try {
    const cases = (await store.listAll("case")).items;
    const meetings = (await store.listAll("meeting")).items;
    return { cases, meetings };
  } finally {
    await store.close();
  }
}

it("a file whose 7th line has an impossible date exits 2, names line 7 and writes nothing", async () => {
  const lines = [...GOOD, `GL-5,E1,Fay Example,2017-02-30,,,${SW},${TM},,,,,,`];
  const path = file(lines);
  const run = await convene("import", "cases", path);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr).toMatch(/^line 7: children\[0\]\.dob: The date of birth must be a real date/m);
  expect((await storeState()).cases).toEqual([]);
});

it("lists every bad row with its line and why, and writes nothing", async () => {
  const path = file([
    GOOD[0]!,
    `GL-1,A2,Ben Example,2019-08-30,9434765918,,${SW},${TM},,,,,,`,
    `GL-9,,No Id,2019-08-30,,,${SW},${TM},,,,,,`,
    `GL-8,Z1,Zed Example,2019-08-30,,,nobody@example.org,${TM},,,,,,`,
  ]);
  const run = await convene("import", "cases", path, "--json");
  expect(run.code).toBe(2);
  const report = JSON.parse(run.stdout) as { errors: { line: number; error: string }[] };
  expect(report.errors.map((e) => e.line)).toEqual([3, 4, 5]);
  expect(report.errors[0]!.error).toMatch(/nhsNumber: That is not a valid NHS number/);
  expect(report.errors[1]!.error).toBe("missing child_id");
  expect(report.errors[2]!.error).toBe("socialWorker: That person is not on the staff list");
  expect(run.stderr.split("\n").filter((l) => l.startsWith("line "))).toHaveLength(3);
  expect((await storeState()).cases).toEqual([]);
});

it("--dry-run says what would change and writes nothing", async () => {
  const run = await convene("import", "cases", file(GOOD), "--dry-run", "--json");
  expect(run.code).toBe(0);
  expect(JSON.parse(run.stdout)).toEqual({ created: 4, updated: 0, unchanged: 0, errors: [] });
  expect(await storeState()).toEqual({ cases: [], meetings: [] });
});

it("loads cases, requests the RCPC and opens CLA reviews; a second run changes nothing", async () => {
  const path = file(GOOD);
  const first = await convene("import", "cases", path, "--json");
  expect(first.code).toBe(0);
  expect(JSON.parse(first.stdout)).toEqual({ created: 4, updated: 0, unchanged: 0, errors: [] });
  const after = await storeState();
  expect(after.cases.map((c) => [c.reference, c.children.length]).sort()).toEqual([
    ["GL-1", 2],
    ["GL-2", 1],
    ["GL-3", 1],
    ["GL-4", 1],
  ]);
  const gl1 = after.cases.find((c) => c.reference === "GL-1")!;
  expect(gl1.children[1]!.name).toBe('Ben "Benny" Example');
  expect(gl1.children[0]!.planHistory).toEqual([{ start: "2025-03-03", category: "neglect" }]);
  expect(
    after.meetings.map((m) => [m.caseId, m.kind, m.status, m.anchors, m.reviewNumber]).sort(),
  ).toEqual([
    ["case-GL-1", "RCPC", "requested", { previous: "2025-03-17" }, undefined],
    ["case-GL-2", "CLA", "requested", { previous: "2025-05-06" }, 3],
    ["case-GL-3", "CLA", "requested", { lookedAfter: "2025-06-02" }, 1],
  ]);
  const second = await convene("import", "cases", path, "--json");
  expect(JSON.parse(second.stdout)).toEqual({ created: 0, updated: 0, unchanged: 4, errors: [] });
  const again = await storeState();
  expect(again.meetings).toHaveLength(3);
  expect(again.cases.map((c) => c.etag).sort()).toEqual(after.cases.map((c) => c.etag).sort());
});

it("--help explains the columns", async () => {
  const run = await convene("import", "--help");
  expect(run.code).toBe(0);
  for (const col of [
    "case_reference",
    "nhs_number",
    "expected_dob",
    "last_conference_date",
    "next_conference_date",
    "next_conference_time",
    "outlook_event_id",
    "looked_after_since",
  ])
    expect(run.stdout).toContain(col);
  expect((await convene("import", "cases")).code).toBe(2);
});

it("a run that crashes part-way is completed by a rerun", async () => {
  const authority = demoAuthority("swindon");
  const rows: ImportRow[] = readCsv([HEADER, ...GOOD].join("\n"))
    .slice(1)
    .map((r) => {
      const names = HEADER.split(",");
      const row: ImportRow = { line: r.line };
      names.forEach((n, i) => ((row as Record<string, unknown>)[n] = r.fields[i]));
      return row;
    });
  const file = join(dir, "crash.sqlite");
  const real = new SqliteStore({ file });
  let writes = 0;
  // Dies on the 9th write (part-way through the second case's documents).
  const dying: Store = new Proxy(real, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver) as unknown;
      if (typeof v !== "function") return v;
      if (prop === "create" || prop === "replace" || prop === "appendAudit")
        return async (...args: unknown[]) => {
          if (++writes === 9) throw new Error("process died");
          return (v as (...a: unknown[]) => unknown).apply(target, args);
        };
      return (v as (...a: unknown[]) => unknown).bind(target);
    },
  });
  const deps = (store: Store): WorkflowDeps => ({
    store,
    calendar: {} as never,
    replies: {} as never,
    notifier: {} as never,
    clock: () => new Date("2025-09-01T10:00:00.000Z"),
    authority,
    policy: resolvePolicy("swindon"),
    logger: recordingLogger(),
    kick: () => undefined,
  });
  await expect(importCases(deps(dying), rows, { dryRun: false })).rejects.toThrow("process died");
  const rerun = await importCases(deps(real), rows, { dryRun: false });
  expect(rerun.errors).toEqual([]);
  expect(rerun.created + rerun.updated).toBeGreaterThan(0);
  const third = await importCases(deps(real), rows, { dryRun: false });
  expect(third).toEqual({ created: 0, updated: 0, unchanged: 4, errors: [] });
  expect((await real.listAll("case")).items).toHaveLength(4);
  expect((await real.listAll("meeting")).items).toHaveLength(3);
  // One audit entry per case change, even across the crash.
  const audit = (await real.auditOfCase("case-GL-1")).items.filter(
    (a) => a.action === "case.create",
  );
  expect(audit).toHaveLength(1);
  await real.close();
});

describe("a review already booked in Outlook (the server's calendar: here the demo's outbox)", () => {
  const LINK_HEADER = `${HEADER},next_conference_date,next_conference_time,outlook_event_id`;
  const linkFile = (lines: string[]) => {
    const path = join(dir, "booked.csv");
    writeFileSync(path, [LINK_HEADER, ...lines].join("\n") + "\n");
    return path;
  };
  /** An event made before go-live in the calendar the command will read. */
  async function eventBefore(startIso: string): Promise<string> {
    const calendar = createCalendar(
      { kind: "outbox", dir: join(dir, "outbox"), organizer: "conferences@demo-council.example" },
      { logger: recordingLogger(), clock: () => new Date("2025-09-01T10:00:00.000Z") },
    );
    const made = await calendar.createConference({
      meetingId: "before-go-live",
      transactionId: "before-go-live",
      organizer: "conferences@demo-council.example",
      subject: "RCPC – case GL-1",
      start: new Date(startIso),
      end: new Date(Date.parse(startIso) + 90 * 60_000),
      bodyText: "Review child protection conference.",
      attendees: [],
      roles: {},
    });
    return made.eventId;
  }
  const rows = (eventId: string, time = "10:00") => [
    `${GOOD[0]!},2025-09-15,${time},${eventId}`,
    `${GOOD[1]!},2025-09-15,${time},${eventId}`,
  ];

  beforeEach(() => {
    process.env.GRAPH_OUTBOX = "true";
    process.env.OUTBOX_DIR = join(dir, "outbox");
  });

  it("links the event (15 Sep 10:00 UK time is 09:00 UTC) and a second run changes nothing", async () => {
    const eventId = await eventBefore("2025-09-15T09:00:00.000Z");
    const path = linkFile(rows(eventId));
    const first = await convene("import", "cases", path, "--json");
    expect([first.code, first.stderr]).toEqual([0, ""]);
    expect(JSON.parse(first.stdout)).toEqual({ created: 1, updated: 0, unchanged: 0, errors: [] });
    const { meetings } = await storeState();
    expect(meetings.map((m) => [m.kind, m.status, m.outlookEventId, m.start])).toEqual([
      ["RCPC", "booked", eventId, "2025-09-15T09:00:00.000Z"],
    ]);
    const second = await convene("import", "cases", path, "--json");
    expect(JSON.parse(second.stdout)).toEqual({ created: 0, updated: 0, unchanged: 1, errors: [] });
    expect((await storeState()).meetings[0]!.etag).toBe(meetings[0]!.etag);
  });

  it("refuses a row whose event starts at another time: exit 2, the line and why, nothing written", async () => {
    const eventId = await eventBefore("2025-09-15T09:00:00.000Z");
    const run = await convene("import", "cases", linkFile(rows(eventId, "14:00")));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "line 2: next_conference_date, next_conference_time: the Outlook event starts Mon 15 Sep 2025 10:00, not Mon 15 Sep 2025 14:00",
    );
    expect(await storeState()).toEqual({ cases: [], meetings: [] });
  });

  it("refuses an event id the calendar does not have", async () => {
    const run = await convene("import", "cases", linkFile(rows("outbox-event-nothing-here")));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^line 2: outlook_event_id: there is no such event/m);
    expect(await storeState()).toEqual({ cases: [], meetings: [] });
  });

  it("says in one line when the server's Outlook settings are missing", async () => {
    delete process.env.GRAPH_OUTBOX;
    delete process.env.DEMO_MODE;
    const run = await convene("import", "cases", linkFile(rows("any-event")));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^convene: outlook_event_id needs the server's Outlook settings: /);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(await storeState()).toEqual({ cases: [], meetings: [] });
  });
});
