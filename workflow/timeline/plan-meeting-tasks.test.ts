import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SqliteStore } from "../../store/sqlite/sqlite-store";
import { parseIsoDate, parseLocalDateTime, resolvePolicy, timeline } from "../../rules";
import { planMeetingTasks, tasksFromTimeline } from "./plan-meeting-tasks";

const CASE = "case-1";
const MEETING = "meeting-1";
const ACTOR = "6f1d3c3e-8a57-4c55-9f0e-2a1b3c4d5e6f";

// The issue-2 example: leicestershire ICPC, strategy Mon 14 Dec 2026, held Thu 7 Jan 2027 10:00.
const icpc = timeline(resolvePolicy("leicestershire"), "ICPC", {
  strategy: parseIsoDate("2026-12-14"),
  at: parseLocalDateTime("2027-01-07T10:00"),
});

describe("tasksFromTimeline", () => {
  it("makes one pending task per entry, keyed by meeting and rule, due at the entry's UTC instant", () => {
    const tasks = tasksFromTimeline({ caseId: CASE, meetingId: MEETING, timeline: icpc });
    expect(tasks).toHaveLength(icpc.entries.length);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    const police = tasks.find((t) => t.taskType === "police-checks.request");
    expect(police).toMatchObject({
      id: "meeting-1:police-checks.request",
      pk: MEETING,
      dueAt: "2026-12-23T16:00:00.000Z",
      status: "pending",
      attempts: 0,
    });
    expect(tasks.find((t) => t.taskType === "icpc.latest")?.dueAt).toBe("2027-01-07T17:00:00.000Z");
  });

  it("converts BST entries to UTC (17:00 BST is 16:00Z)", () => {
    const summer = timeline(resolvePolicy("england"), "ICPC", {
      strategy: parseIsoDate("2027-06-01"),
    });
    const [latest] = tasksFromTimeline({ caseId: CASE, meetingId: MEETING, timeline: summer });
    // 15 working days after Tue 1 Jun 2027 is Tue 22 Jun 2027.
    expect(latest).toMatchObject({ taskType: "icpc.latest", dueAt: "2027-06-22T16:00:00.000Z" });
  });
});

describe("planMeetingTasks", () => {
  let dir: string;
  let store: SqliteStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "convene-plan-"));
    store = new SqliteStore({ file: join(dir, "convene.sqlite") });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const clock = () => new Date("2026-12-14T12:00:00.000Z");

  it("stores every task once, even when planned twice, and audits the first plan", async () => {
    const input = { caseId: CASE, meetingId: MEETING, timeline: icpc, actor: ACTOR } as const;
    const first = await planMeetingTasks({ store, clock }, input);
    const again = await planMeetingTasks({ store, clock }, input);

    expect(first.created).toHaveLength(icpc.entries.length);
    expect(first.existing).toHaveLength(0);
    expect(again.created).toHaveLength(0);
    expect(again.existing.sort()).toEqual([...first.created].sort());

    const open = await store.openTasksOfMeeting(MEETING);
    expect(open.items).toHaveLength(icpc.entries.length);
    const audit = await store.auditOfCase(CASE);
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: "meeting.plan-tasks", actor: ACTOR });
  });

  it("hands the scheduler the earliest task first once it is due", async () => {
    await planMeetingTasks(
      { store, clock },
      { caseId: CASE, meetingId: MEETING, timeline: icpc, actor: "system" },
    );
    const due = await store.dueTasks(new Date("2026-12-18T17:00:00.000Z"), 10);
    expect(due.items.map((t) => t.taskType)).toEqual(["icpc.alert-manager"]);
  });
});
