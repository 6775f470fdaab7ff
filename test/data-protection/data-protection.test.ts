import type { AuditEntry, Case, Task } from "../../model";
import { SCHEMA_VERSIONS, taskPk } from "../../model";
import type { CalendarPort, Email } from "../../ports";
import { Scheduler } from "../../scheduler/scheduler";
import { demoAuthority } from "../../app/demo/authority";
import { resolvePolicy } from "../../rules";
import type { WorkflowDeps } from "../../workflow/kernel/deps";
import type { RetentionPeriods } from "../../workflow/kernel/retention-periods";
import { applyRetention } from "../../workflow/data-protection/retention";
import {
  RETENTION_TASK,
  ensureRetentionPlanned,
  retentionTask,
  runRetention,
} from "../../workflow/data-protection/feature";
import { eraseSubject, exportSubject, findSubject } from "../../workflow/data-protection/subject";
import { verifyAudit } from "../../workflow/data-protection/verify";
import { pseudonym } from "../../model/audit-pseudonym";
import { recordingLogger } from "../fixtures/recording-logger";
import { aMeeting, aNotification, aTask } from "../fixtures/documents";
import { cosmosKind, sqliteKind, type RawStore, type StoreKind } from "./stores";

const SW = "00000000-0000-4000-8000-000000000001";
const person = (n: number, role: string) => ({
  entraObjectId: `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
  email: `${role}${n}@council.example`,
  name: `Test ${role} ${n}`,
});

const twoChildren = (id: string, reference: string, closedAt?: string): Case => ({
  id,
  type: "case",
  pk: id,
  reference,
  policy: "england",
  children: [
    { id: `${id}-kid-1`, name: "Robin Quill", dob: "2016-05-01", nhsNumber: "9434765919" },
    { id: `${id}-kid-2`, name: "Sky Quill", dob: "2019-09-12", nhsNumber: "9434765870" },
  ],
  indexChildId: `${id}-kid-1`,
  socialWorker: person(1, "sw"),
  teamManager: person(2, "tm"),
  serviceManager: person(3, "sm"),
  createdAt: "2026-01-05T09:00:00.000Z",
  ...(closedAt !== undefined ? { closedAt } : {}),
});

const oneChild = (id: string, reference: string, closedAt?: string): Case => ({
  ...twoChildren(id, reference, closedAt),
  children: [{ id: `${id}-kid-1`, name: "Jo Marsh", dob: "2015-02-20", nhsNumber: "4010232137" }],
});

const entry = (
  caseId: string | undefined,
  action: string,
  at: string,
  detail?: AuditEntry["detail"],
  targetId?: string,
): AuditEntry => ({
  id: `${action}-${at}-${Math.random().toString(36).slice(2, 8)}`,
  type: "audit-entry",
  pk: caseId ?? "system",
  ...(caseId !== undefined ? { caseId } : {}),
  actor: SW,
  action,
  target: { type: "meeting", id: targetId ?? `${caseId ?? "none"}.icpc` },
  at,
  ...(detail !== undefined ? { detail } : {}),
});

function depsFor(
  store: RawStore["store"],
  clock: () => Date,
  operationsMailbox?: string,
  retention?: RetentionPeriods,
) {
  const sent: Email[] = [];
  const calendar = {
    async sendEmails(_from: string, emails: Email[]) {
      sent.push(...emails);
      return emails.map((e) => ({ id: e.id, outcome: "done" as const }));
    },
  } as unknown as CalendarPort;
  const authority = {
    ...demoAuthority("england"),
    ...(operationsMailbox !== undefined ? { operationsMailbox } : {}),
    ...(retention !== undefined ? { retention } : {}),
  };
  const logger = recordingLogger();
  const deps: WorkflowDeps = {
    store,
    calendar,
    replies: calendar as unknown as WorkflowDeps["replies"],
    notifier: {} as WorkflowDeps["notifier"],
    clock,
    authority,
    policy: resolvePolicy("england"),
    logger,
    kick: () => undefined,
  };
  return { deps, sent, logger };
}

/** Everything a retention run could delete, dated so that a period's edge is tested exactly. */
async function seed(store: RawStore["store"]): Promise<void> {
  await store.create(oneChild("case-closed", "C-9001", "2027-01-10"));
  await store.create(
    aMeeting("case-closed.icpc", "case-closed", "2026-11-02T10:00:00.000Z", {
      status: "outcome-recorded",
    }),
  );
  await store.create(oneChild("case-closed-later", "C-9002", "2027-01-11"));
  await store.create(twoChildren("case-open", "C-9003"));
  await store.create(aMeeting("case-open.icpc", "case-open", "2027-03-01T10:00:00.000Z"));
  // Tasks: settled on the edge, settled a millisecond inside, still open.
  await store.create(
    aTask("t-edge", "2027-12-02T02:30:00.000Z", {
      status: "done",
      meetingId: "case-open.icpc",
      caseId: "case-open",
    }),
  );
  await store.create(
    aTask("t-inside", "2027-12-02T02:30:00.001Z", {
      status: "done",
      meetingId: "case-open.icpc",
      caseId: "case-open",
    }),
  );
  await store.create(
    aTask("t-open", "2027-01-01T00:00:00.000Z", {
      status: "pending",
      meetingId: "case-open.icpc",
      caseId: "case-open",
    }),
  );
  await store.create(
    aTask("t-closed-case", "2026-11-01T00:00:00.000Z", {
      status: "done",
      meetingId: "case-closed.icpc",
      caseId: "case-closed",
    }),
  );
  const job = { taskType: "list.weekly" };
  await store.create({
    id: "list.weekly:2027-01-04",
    type: "task",
    pk: taskPk(job),
    ...job,
    dueAt: "2027-01-04T08:00:00.000Z",
    status: "done",
    attempts: 1,
  } satisfies Task);
  await store.create({
    ...aNotification("n-old"),
    status: "sent",
    createdAt: "2027-06-01T00:00:00.000Z",
  });
  await store.create({ ...aNotification("n-pending"), createdAt: "2027-06-01T00:00:00.000Z" });
  await store.create({
    id: "in-1",
    type: "inbound-notification",
    pk: "in-1",
    subscriptionId: "s",
    receivedAt: "2027-12-25T02:30:00.000Z",
  });
  await store.appendAudit(entry("case-open", "meeting.book", "2027-03-01T09:00:00.000Z"));
  await store.appendAudit(entry("case-closed", "meeting.book", "2026-10-01T09:00:00.000Z"));
}

describe.each<[string, () => StoreKind]>([
  ["sqlite", sqliteKind],
  ["cosmos", cosmosKind],
])("data protection on %s", (_name, make) => {
  const kind = make();
  let raw: RawStore;
  beforeAll(() => kind.setUp());
  afterAll(() => kind.tearDown());
  beforeEach(async () => {
    raw = await kind.open();
  });
  afterEach(async () => {
    await raw.close();
  });

  const ids = async () =>
    new Set(
      (await raw.store.everyRecord())
        .filter((r) => r.container !== "audit" && r.container !== "keys")
        .map((r) => r.id),
    );

  it("with no retention configured, a year of daily runs deletes nothing", async () => {
    await seed(raw.store);
    const before = await ids();
    let now = new Date("2027-01-01T00:00:00.000Z");
    const clock = () => new Date(now.getTime());
    const { deps } = depsFor(raw.store, clock, undefined, undefined);
    await ensureRetentionPlanned(deps, clock());
    const first = deps.policy.calendar.toLocal(now.getTime()).day;
    for (let day = 0; day < 366; day++) {
      // Each run stored the next: the chain itself carries the year.
      const planned = retentionTask(deps, first + day);
      const task = await raw.store.get("task", planned.id, planned.pk);
      expect(task?.id).toBe(planned.id);
      now = new Date(Date.parse(planned.dueAt) + 60_000);
      await runRetention(deps, task as Task, { now: clock(), attempt: 1 });
    }
    const after = await ids();
    for (const id of before) expect(after.has(id)).toBe(true);
    const runs = (await raw.store.auditChain("system")).items.filter(
      (e) => e.action === "retention.run",
    );
    expect(runs).toHaveLength(366);
    expect(runs.every((e) => e.detail?.deleted === 0 && e.detail?.configured === false)).toBe(true);
    expect((await verifyAudit(raw.store)).ok).toBe(true);
  }, 180_000);

  it("the scheduler runs the stored daily task, which logs the chain heads and emails them to the operations mailbox", async () => {
    await raw.store.create(oneChild("case-h", "C-4001"));
    await raw.store.appendAudit(entry("case-h", "meeting.book", "2026-12-20T09:00:00.000Z"));
    let now = new Date("2027-01-01T00:00:00.000Z");
    const clock = () => new Date(now.getTime());
    const { deps, sent, logger } = depsFor(raw.store, clock, "ops@demo-council.example");
    const scheduler = new Scheduler({
      store: raw.store,
      clock,
      owner: "test",
      leaseMs: 60_000,
      intervalMs: 1000,
      maxAttempts: 3,
      backoff: () => 60_000,
      handlers: new Map([
        [RETENTION_TASK, (t: Task, c: { now: Date; attempt: number }) => runRetention(deps, t, c)],
      ]),
      logger,
      onFailed: async (task, error) => {
        throw new Error(`${task.id} failed: ${error}`);
      },
      random: () => 0.5,
    });
    await ensureRetentionPlanned(deps, clock());
    for (const day of ["2027-01-01", "2027-01-02"]) {
      now = new Date(`${day}T03:00:00.000Z`);
      expect((await scheduler.runOnce()).claimed).toBe(1);
    }
    expect(sent.map((e) => e.to.email)).toEqual([
      "ops@demo-council.example",
      "ops@demo-council.example",
    ]);
    const attached = JSON.parse(String(sent[1]?.attachments?.[0]?.content));
    const logged = logger.lines.filter((l) => l.obj.event === "audit.heads");
    expect(logged).toHaveLength(2);
    expect(logged[1]?.obj.heads).toEqual(attached.heads);
    // The heads name partitions by pseudonym, never a case.
    expect(JSON.stringify(attached)).not.toMatch(/case-/);
    expect((await verifyAudit(raw.store, [attached])).ok).toBe(true);
  });

  it("a record the store set aside as unreadable goes once its quarantine period has passed, counted from when it was set aside", async () => {
    const meeting = aMeeting("m-bad", "case-q", "2027-01-20T10:00:00.000Z");
    await raw.store.create(meeting);
    await raw.rawReplace("cases", { ...meeting, v: SCHEMA_VERSIONS.meeting, kind: "CIN" });
    const bad = (await raw.store.meetingsOfCase("case-q")).invalid;
    expect(bad.map((r) => r.id)).toEqual(["m-bad"]);
    expect(await raw.store.quarantine(bad[0]!, new Date("2027-02-01T09:00:00.000Z"))).toBe(
      "quarantined",
    );
    const early = await applyRetention(
      raw.store,
      { quarantined: { days: 30 } },
      new Date("2027-02-20T02:30:00.000Z"),
      "run-q1",
    );
    expect([early.quarantinedFound, early.deleted.quarantined]).toEqual([1, 0]);
    expect((await ids()).has("m-bad")).toBe(true);
    const late = await applyRetention(
      raw.store,
      { quarantined: { days: 30 } },
      new Date("2027-03-04T02:30:00.000Z"),
      "run-q2",
    );
    expect(late.deleted.quarantined).toBe(1);
    expect((await ids()).has("m-bad")).toBe(false);
    expect(await raw.store.quarantined()).toEqual([]);
  });

  it("with periods set, exactly the expired records go and the audit says which", async () => {
    await seed(raw.store);
    const now = new Date("2028-01-01T02:30:00.000Z");
    const report = await applyRetention(
      raw.store,
      {
        closedCases: { days: 356 },
        tasks: { days: 30 },
        notifications: { months: 6 },
        inboundNotifications: { days: 7 },
      },
      now,
      "run-1",
    );
    const left = await ids();
    // closedAt 2027-01-10 + 356 days = 2028-01-01: gone; 2027-01-11: one day to go.
    expect(left.has("case-closed")).toBe(false);
    expect(left.has("case-closed.icpc")).toBe(false);
    expect(left.has("t-closed-case")).toBe(false);
    expect(left.has("case-closed-later")).toBe(true);
    expect(left.has("case-open")).toBe(true);
    expect(left.has("t-edge")).toBe(false);
    expect(left.has("t-inside")).toBe(true);
    expect(left.has("t-open")).toBe(true);
    expect(left.has("list.weekly:2027-01-04")).toBe(false);
    expect(left.has("n-old")).toBe(false);
    expect(left.has("n-pending")).toBe(true);
    expect(left.has("in-1")).toBe(false);
    expect(report.deleted).toEqual({
      closedCases: 1,
      caseRecords: 2,
      tasks: 2,
      notifications: 1,
      inboundNotifications: 1,
      quarantined: 0,
      auditPartitions: 0,
    });
    const run = (await raw.store.auditChain("system")).items.find(
      (e) => e.action === "retention.run",
    );
    expect(run?.detail).toMatchObject({ configured: true, deleted: 7 });
    expect(String(run?.detail?.ids).split(",").sort()).toEqual([
      "in-1",
      "list.weekly:2027-01-04",
      "n-old",
    ]);
    const closed = (await raw.store.auditOfCase("case-closed")).items.find(
      (e) => e.action === "retention.delete",
    );
    expect(String(closed?.detail?.ids).split(",").sort()).toEqual([
      "case-closed",
      "case-closed.icpc",
      "t-closed-case",
    ]);
    const open = (await raw.store.auditOfCase("case-open")).items.find(
      (e) => e.action === "retention.delete",
    );
    expect(open?.detail).toMatchObject({ count: 1, ids: "t-edge" });
    // In storage the trail names neither case: pseudonyms only.
    expect(
      (await raw.allText()).filter(
        (t) => t.includes("case-closed") && t.includes("retention.delete"),
      ),
    ).toEqual([]);
    expect((await verifyAudit(raw.store)).ok).toBe(true);
  });

  it("erases a child, and a whole one-child case: their details are nowhere, and the trail still verifies", async () => {
    await raw.store.create(twoChildren("case-sib", "C-2001"));
    await raw.store.create(oneChild("case-solo", "C-2002"));
    for (const c of ["case-sib", "case-solo"]) {
      await raw.store.create(
        aMeeting(`${c}.icpc`, c, "2027-02-01T10:00:00.000Z", {
          status: "outcome-recorded",
          outcome: {
            recordedBy: SW,
            recordedAt: "2027-02-01T12:00:00.000Z",
            children: [{ childId: `${c}-kid-1`, decision: "plan", category: "neglect" }],
          },
        }),
      );
      await raw.store.create({
        id: `${c}.icpc:${c}-kid-1`,
        type: "register-entry",
        pk: c,
        caseId: c,
        childId: `${c}-kid-1`,
        change: "added",
        meetingId: `${c}.icpc`,
        at: "2027-02-01T12:00:00.000Z",
        recordedBy: SW,
      });
      await raw.store.appendAudit(
        entry(
          c,
          "register.change",
          "2027-02-01T12:00:00.000Z",
          { childId: `${c}-kid-1`, meetingId: `${c}.icpc` },
          `${c}.icpc:${c}-kid-1`,
        ),
      );
      await raw.store.create(
        aTask(`${c}.icpc:plan.sign-off`, "2027-02-02T10:00:00.000Z", {
          meetingId: `${c}.icpc`,
          caseId: c,
        }),
      );
      await raw.store.create({
        ...aNotification(`${c}.icpc:decisions:${SW}`),
        caseId: c,
        meetingId: `${c}.icpc`,
      });
    }
    await raw.store.create({
      id: `case-sib.icpc:case-sib-kid-2`,
      type: "register-entry",
      pk: "case-sib",
      caseId: "case-sib",
      childId: "case-sib-kid-2",
      change: "added",
      meetingId: "case-sib.icpc",
      at: "2027-02-01T12:00:00.000Z",
      recordedBy: SW,
    });
    // A monthly list that names the one-child case.
    await raw.store.create({
      id: "case-mapping:2027-02",
      type: "case-mapping-month",
      pk: "case-mapping:2027-02",
      month: "2027-02",
      completeBy: "2027-02-26T17:00:00.000Z",
      reviewWithinMonths: 6,
      createdAt: "2027-02-01T09:00:00.000Z",
      rows: [
        {
          caseId: "case-solo",
          caseReference: "C-2002",
          openSince: "2026-01-01",
          monthsOpen: 13,
          task: "new",
        },
        {
          caseId: "case-sib",
          caseReference: "C-2001",
          openSince: "2026-01-01",
          monthsOpen: 13,
          task: "new",
        },
      ],
    });

    const at = new Date("2027-06-01T10:00:00.000Z");
    const robin = await findSubject(raw.store, { reference: "C-2001", nhsNumber: "9434765919" });
    const a = await eraseSubject(raw.store, robin, {
      reason: "subject-request",
      approver: "00000000-0000-4000-8000-000000000003",
      at,
    });
    expect(a).toMatchObject({ caseErased: false, remaining: [] });
    const jo = await findSubject(raw.store, {
      reference: "c-2002",
      name: " jo  MARSH",
      dob: "2015-02-20",
    });
    const b = await eraseSubject(raw.store, jo, {
      reason: "court-order",
      approver: "00000000-0000-4000-8000-000000000003",
      at,
    });
    expect(b).toMatchObject({ caseErased: true, remaining: [] });

    const text = (await raw.allText()).join("\n").toLowerCase();
    for (const gone of [
      "Robin Quill",
      "2016-05-01",
      "9434765919",
      "case-sib-kid-1",
      "Jo Marsh",
      "2015-02-20",
      "4010232137",
      "case-solo",
      "C-2002",
    ])
      expect({ gone, found: text.includes(gone.toLowerCase()) }).toEqual({ gone, found: false });
    // The sibling and her case are untouched.
    for (const kept of ["Sky Quill", "9434765870", "case-sib-kid-2", "C-2001"])
      expect(text).toContain(kept.toLowerCase());
    const sib = await raw.store.get("case", "case-sib", "case-sib");
    expect(sib?.children.map((c) => c.id)).toEqual(["case-sib-kid-2"]);
    expect(sib?.indexChildId).toBe("case-sib-kid-2");
    // The trail keeps that erasures happened, and why, and verifies.
    const erasures = (await raw.store.auditChain("system")).items.filter(
      (e) => e.action === "subject.erase",
    );
    expect(erasures.map((e) => e.detail?.reason)).toEqual(["subject-request", "court-order"]);
    expect((await verifyAudit(raw.store)).ok).toBe(true);
  });

  it("audit verify finds an edited entry, a deleted one and a cut-off tail", async () => {
    for (const c of ["case-e", "case-d", "case-t"]) {
      await raw.store.create(oneChild(c, c.toUpperCase()));
      for (let i = 1; i <= 4; i++)
        await raw.store.appendAudit(entry(c, `step.${i}`, `2027-01-0${i}T09:00:00.000Z`, { n: i }));
    }
    // The daily run records every chain's head (seq 4) in the system trail.
    await applyRetention(raw.store, undefined, new Date("2027-01-05T02:30:00.000Z"), "run-heads");
    expect((await verifyAudit(raw.store)).ok).toBe(true);

    const byAction = async (c: string) => {
      const key = await raw.store.get("subject-key", `key:${c}`, `key:${c}`);
      const pk = pseudonym(key?.key ?? "", c);
      return { pk, rows: await raw.auditRows(pk) };
    };
    const edited = await byAction("case-e");
    await raw.rawReplace("audit", { ...edited.rows[1], detail: { n: 20 } });
    const deleted = await byAction("case-d");
    await raw.rawDelete("audit", deleted.pk, String(deleted.rows[2]?.id));
    const cut = await byAction("case-t");
    await raw.rawDelete("audit", cut.pk, String(cut.rows[3]?.id));

    const report = await verifyAudit(raw.store);
    expect(report.ok).toBe(false);
    const kinds = report.problems.map((p) => `${p.kind}:${p.pk}:${p.seq}`).sort();
    expect(kinds).toEqual(
      [`deleted:${deleted.pk}:3`, `edited:${edited.pk}:2`, `truncated:${cut.pk}:4`].sort(),
    );
  });

  it("exports one child of a sibling group with nothing of the sibling", async () => {
    await raw.store.create(twoChildren("case-x", "C-3001"));
    await raw.store.create(aMeeting("case-x.icpc", "case-x", "2027-02-01T10:00:00.000Z"));
    await raw.store.create({
      id: "case-x.icpc:case-x-kid-2",
      type: "register-entry",
      pk: "case-x",
      caseId: "case-x",
      childId: "case-x-kid-2",
      change: "added",
      at: "2027-02-01T12:00:00.000Z",
      recordedBy: SW,
    });
    await raw.store.appendAudit(
      entry("case-x", "register.change", "2027-02-01T12:00:00.000Z", { childId: "case-x-kid-2" }),
    );
    await raw.store.appendAudit(entry("case-x", "meeting.book", "2027-01-20T12:00:00.000Z"));
    const robin = await findSubject(raw.store, { reference: "C-3001", nhsNumber: "9434765919" });
    const out = await exportSubject(raw.store, robin, new Date("2027-06-01T10:00:00.000Z"));
    const text = JSON.stringify(out);
    for (const s of ["Sky Quill", "2019-09-12", "9434765870", "case-x-kid-2"])
      expect(text).not.toContain(s);
    expect(out.meetings.map((m) => m.id)).toEqual(["case-x.icpc"]);
    expect(out.audit.map((e) => e.action)).toEqual(["meeting.book"]);
    // Read back with the case's own id, not its pseudonym.
    expect(out.audit[0]?.target.id).toBe("case-x.icpc");
  });
});
