import type { Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Meeting } from "../../model";
import type { Store } from "../../ports/store";
import { resolvePolicy } from "../../rules";
import { CosmosStore } from "../../store/cosmos/cosmos-store";
import { migrateStore, type MigrationReport } from "../../store/migrations/migrate";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import { gatherExceptions } from "../../workflow/lists/exception-rows";
import { gatherIndicators } from "../../workflow/lists/indicator-rows";
import { gatherRegisterChanges } from "../../workflow/lists/notify-health";
import { startCosmosServer, stopCosmosServer } from "../cosmos-server";
import { recordingLogger } from "../fixtures/recording-logger";
import { legacyQuarter, loadIntoCosmos, loadIntoSqlite } from "../fixtures/legacy/load";
import { QUARTER } from "../scenario/quarter/story";
import { quarterAuthority } from "../scenario/quarter/staff";

/**
 * A store of main's documents (no schema version; one decision for the
 * case) opened by this version: it migrates at start, the quarter's lists
 * show the same meetings as main showed, a second start migrates nothing,
 * and two instances starting together migrate each document once. Against
 * both adapters: SQLite, and Cosmos through the in-process test server.
 */
const fixture = legacyQuarter();
const MEETINGS = fixture.rows.filter((r) => r.type === "meeting").length;
const START = () => ({
  clock: () => new Date("2027-06-01T07:00:00.000Z"),
  logger: recordingLogger(),
});
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

interface Backend {
  /** A new store holding the fixture, and a way to open more instances on it. */
  fresh(): Promise<{ open(): Promise<Store> }>;
}

let server: Server | undefined;
let endpoint = "";
const key = "dGVzdC1rZXk=";
let root = "";
let n = 0;

beforeAll(async () => {
  ({ server, endpoint } = await startCosmosServer());
  root = mkdtempSync(join(tmpdir(), "convene-legacy-"));
});
afterAll(async () => {
  await stopCosmosServer(server);
  rmSync(root, { recursive: true, force: true });
});

const BACKENDS: [string, Backend][] = [
  [
    "sqlite",
    {
      async fresh() {
        n += 1;
        const file = join(root, `legacy-${n}.sqlite`);
        loadIntoSqlite(fixture, file);
        return { open: async () => new SqliteStore({ file }) };
      },
    },
  ],
  [
    "cosmos",
    {
      async fresh() {
        n += 1;
        const databaseId = `legacy-${n}`;
        const first = await CosmosStore.open({ endpoint, key, databaseId });
        await first.close();
        await loadIntoCosmos(fixture, { endpoint, key, databaseId });
        return { open: () => CosmosStore.open({ endpoint, key, databaseId }) };
      },
    },
  ],
];

describe.each(BACKENDS)("a store of main's documents, %s", (_name, backend) => {
  const opened: Store[] = [];
  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
  });
  const open = async (b: { open(): Promise<Store> }) => {
    const s = await b.open();
    opened.push(s);
    return s;
  };

  it("refuses main's meetings until migrated, never reading them half", async () => {
    const b = await backend.fresh();
    const store = await open(b);
    const listing = await store.listAll("meeting");
    expect(listing.items).toEqual([]);
    expect(listing.invalid).toHaveLength(MEETINGS);
    expect(listing.invalid[0]?.error).toMatch(/version 1, not yet migrated to 2/);
  });

  it("migrates at start; the quarter's lists show the same meetings as main's did", async () => {
    const b = await backend.fresh();
    const store = await open(b);
    const report = await migrateStore(store, START());
    expect(report).toEqual({ migrated: MEETINGS, migratedElsewhere: 0, failed: [] });

    const authority = quarterAuthority(fixture.policy);
    const deps = {
      store,
      authority,
      policy: resolvePolicy(fixture.policy, authority.overrides),
      logger: recordingLogger(),
      clock: START().clock,
      kick: () => undefined,
    };
    const meetings = await store.listAll("meeting");
    expect(meetings.invalid).toEqual([]);
    for (const [from, ids] of Object.entries(fixture.expected.weeks)) {
      const to = new Date(Date.parse(from) + 7 * 86_400_000);
      const week = await store.meetingsInRange(new Date(from), to);
      expect(week.items.map((m) => m.id)).toEqual(ids);
      const { unreadable, ...exceptions } = await gatherExceptions(deps, new Date(from));
      expect(unreadable).toBe(0);
      expect(json(exceptions)).toEqual(fixture.expected.exceptions[from]);
    }
    for (const [caseId, ids] of Object.entries(fixture.expected.cases))
      expect((await store.meetingsOfCase(caseId)).items.map((m) => m.id)).toEqual(ids);
    const june = deps.policy.calendar.toLocal(Date.parse("2027-06-01T12:00:00.000Z")).day;
    expect(json(await gatherIndicators(deps, june))).toEqual(fixture.expected.indicators);
    const health: Record<string, unknown> = {};
    for (
      let t = Date.parse("2027-03-01T17:00:00.000Z");
      t < Date.parse(QUARTER.end);
      t += 86_400_000
    ) {
      const { rows } = await gatherRegisterChanges(deps, new Date(t));
      if (rows.length > 0) health[new Date(t).toISOString()] = rows;
    }
    expect(json(health)).toEqual(fixture.expected.health);

    // The case's one decision is now the same decision for each child, marked as migrated.
    const icpc = meetings.items.find((m) => m.id === "case-C-1001.icpc.2027-03-15") as Meeting;
    expect(icpc.v).toBe(2);
    expect(icpc.childIds).toEqual(["case-C-1001-child-1", "case-C-1001-child-2"]);
    expect(icpc.outcome?.children).toEqual([
      { childId: "case-C-1001-child-1", decision: "plan", category: "neglect", migrated: true },
      { childId: "case-C-1001-child-2", decision: "plan", category: "neglect", migrated: true },
    ]);
    const noPlan = meetings.items.find((m) => m.id === "case-C-1002.icpc.2027-03-01.rebooked");
    expect(noPlan?.outcome?.children.every((c) => c.decision === "no-plan" && c.migrated)).toBe(
      true,
    );
    // Each migration audited once, under its case.
    const audit = (await store.auditOfCase("case-C-1001")).items.filter(
      (e) => e.action === "store.migrate",
    );
    expect(audit.map((e) => e.target.id).sort()).toEqual(
      fixture.expected.cases["case-C-1001"]?.slice().sort(),
    );
  });

  it("migrates nothing on a second start", async () => {
    const b = await backend.fresh();
    expect((await migrateStore(await open(b), START())).migrated).toBe(MEETINGS);
    const again = await migrateStore(await open(b), START());
    expect(again).toEqual({ migrated: 0, migratedElsewhere: 0, failed: [] });
  });

  it("two instances starting together migrate each document once", async () => {
    const b = await backend.fresh();
    const [one, two] = [await open(b), await open(b)];
    const reports: MigrationReport[] = await Promise.all([
      migrateStore(one, START()),
      migrateStore(two, START()),
    ]);
    const migrated = reports.map((r) => r.migrated);
    expect(migrated[0]! + migrated[1]!).toBe(MEETINGS);
    expect(reports.flatMap((r) => r.failed)).toEqual([]);
    const entries = [];
    for (const caseId of Object.keys(fixture.expected.cases))
      entries.push(
        ...(await one.auditOfCase(caseId)).items.filter((e) => e.action === "store.migrate"),
      );
    expect(entries).toHaveLength(MEETINGS);
    expect(new Set(entries.map((e) => e.target.id)).size).toBe(MEETINGS);
    expect((await one.listAll("meeting")).items).toHaveLength(MEETINGS);
  });
});
