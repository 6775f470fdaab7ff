import { VERBS } from "../../cards/verbs";
import { buildExceptionReportCard } from "../../cards/exception-report/build";
import { exceptionReportHandler } from "../../workflow/lists/exception-report";
import { gatherExceptions } from "../../workflow/lists/exception-rows";
import { meetingListHandler } from "../../workflow/lists/meeting-lists";
import { loadTimeliness } from "../../workflow/stats/load-timeliness";
import { timelinessView } from "../../workflow/stats/timeliness-view";
import { buildTimelinessCard } from "../../cards/timeliness/build";
import { INCIDENTS_PK, type Incident, type Task } from "../../model";
import { cardText } from "../fakes/recording-notifier";
import { CASE_ID, CHILD_IDS, corrupt, inviteListData, patchCase, requestAndBook } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";
import { ensureJobsPlanned } from "../../workflow/lists/plan-jobs";
import { HEALTH_MAILBOX, listsAuthority } from "../../workflow/lists/__tests__/lists-fixture";

/**
 * Unreadable records are quarantined, not skipped: set aside with their raw
 * form, raised once to the service owners, and counted by every list made
 * from them until someone marks them handled.
 */

async function unreadableIncidents(world: World): Promise<Incident[]> {
  const all = await world.store.listAll("incident");
  expect(all.invalid).toEqual([]);
  return all.items.filter((i) => i.kind === "unreadable-record");
}

const reportTask = (at: string): Task => ({
  id: `report.exceptions:${at}`,
  type: "task",
  pk: "report.exceptions",
  taskType: "report.exceptions",
  dueAt: at,
  status: "running",
  attempts: 1,
});

describe("a corrupted ICPC limit escalation (a task)", () => {
  it("is quarantined and raised once, not skipped every sweep", async () => {
    const world = await makeWorld({ policy: "swindon", start: "2027-01-11T09:00:00.000Z" });
    try {
      // Requested, not booked: the ICPC limit escalation is waiting.
      await world.act(DEMO_IDS.socialWorker, VERBS.requestConference, {
        caseId: CASE_ID,
        meetingKind: "ICPC",
        childIds: CHILD_IDS,
        indexChildId: `${CASE_ID}-child-1`,
        strategyDate: "2027-01-11",
      });
      await world.runDue();
      const meetingId = `${CASE_ID}.icpc.2027-01-11`;
      const latest = (await world.store.openTasksOfMeeting(meetingId)).items.find(
        (t) => t.taskType === "icpc.latest",
      );
      expect(latest).toBeDefined();
      corrupt(world, latest!.id, "$.attempts", "three");

      // Past its due time: the sweeps meet it again and again.
      world.setClock(new Date(Date.parse(latest!.dueAt) + 60_000).toISOString());
      await world.runDue();
      await world.runDue();

      const incidents = await unreadableIncidents(world);
      expect(incidents).toEqual([
        expect.objectContaining({
          status: "open",
          recordType: "task",
          recordId: latest!.id,
          reason: expect.stringContaining("attempts"),
        }),
      ]);
      const quarantined = await world.store.quarantined();
      expect(quarantined.map((q) => [q.recordType, q.id])).toEqual([["task", latest!.id]]);
      // No longer due: the scheduler no longer meets it.
      const due = await world.store.dueTasks(world.clock(), 100);
      expect(due.invalid).toEqual([]);
      // The service owners were told (their card, once).
      const owner = world.deps.authority.serviceOwners[0]!.entraObjectId;
      const toOwner = world.notifier.sent.filter(
        (c) => c.to === owner && cardText(c.card).includes("A stored record could not be read"),
      );
      expect(toOwner).toHaveLength(1);
      // Logged by ids only.
      const lines = world.logger.lines.filter((l) => l.msg === "unreadable record quarantined");
      expect(lines).toEqual([
        expect.objectContaining({
          obj: expect.objectContaining({
            docId: latest!.id,
            docType: "task",
            outcome: "quarantined",
          }),
        }),
      ]);
      expect(JSON.stringify(lines)).not.toMatch(/Child|child-1"/);
    } finally {
      await world.close();
    }
  });
});

describe("a corrupted meeting and a corrupted case", () => {
  let world: World;
  let meetingId: string;
  beforeEach(async () => {
    world = await makeWorld({ policy: "swindon", start: "2027-01-11T09:00:00.000Z" });
    meetingId = await requestAndBook(world, {
      strategy: "2027-01-11",
      requestAt: "2027-01-11T14:00:00.000Z",
      bookAt: "2027-01-12T09:30:00.000Z",
      slotStart: "2027-01-29T10:00:00.000Z",
    });
  });
  afterEach(async () => {
    await world.close();
  });

  it("are quarantined, and the exception report says how many records could not be read until handled", async () => {
    const monday = "2027-01-25T09:00:00.000Z";
    world.setClock(monday);
    const before = await gatherExceptions(world.deps, new Date(monday));
    expect(before.unreadable).toBe(0);
    // The list is still not in: one late invite list, before anything is corrupted.
    expect(before.lateInviteLists.map((r) => r.meetingId)).toEqual([meetingId]);

    corrupt(world, meetingId, "$.kind", "CIN");
    await exceptionReportHandler(world.deps)(reportTask(monday), {
      now: new Date(monday),
      attempt: 1,
    });
    const report = world.notifier.sent.filter((c) => c.preview.startsWith("Exception report"));
    expect(report.length).toBeGreaterThan(0);
    for (const c of report) {
      expect(c.preview).toContain("1 record could not be read");
      expect(cardText(c.card)).toContain("1 record could not be read");
    }
    // The weekly list and the timeliness figures say so too.
    await meetingListHandler(world.deps, "list.weekly")(
      {
        ...reportTask(monday),
        id: `list.weekly:${monday}`,
        pk: "list.weekly",
        taskType: "list.weekly",
      },
      { now: new Date(monday), attempt: 1 },
    );
    const weekly = world.notifier.sent.filter((c) => c.preview.startsWith("Weekly list"));
    expect(weekly.length).toBeGreaterThan(0);
    for (const c of weekly) {
      expect(c.preview).toContain("1 record could not be read");
      expect(cardText(c.card)).toContain("1 record could not be read");
    }
    const figures = await loadTimeliness(world.deps, {
      from: new Date("2027-01-01T00:00:00.000Z"),
      to: new Date("2027-02-28T00:00:00.000Z"),
    });
    expect(figures.unreadable).toBe(1);
    expect(cardText(buildTimelinessCard(timelinessView(figures, world.deps)))).toContain(
      "1 record could not be read",
    );

    const incidents = await unreadableIncidents(world);
    expect(incidents.map((i) => [i.recordType, i.recordId, i.caseId])).toEqual([
      ["meeting", meetingId, CASE_ID],
    ]);
    expect((await world.store.quarantined()).map((q) => q.id)).toEqual([meetingId]);
    // A point read of it fails loudly; it is never taken for "no such meeting".
    await expect(world.store.get("meeting", meetingId, CASE_ID)).rejects.toMatchObject({
      code: "InvalidDocument",
    });

    // A card about it is answered plainly, not "not in Convene"; nothing is raised twice.
    const answer = await world.act(
      DEMO_IDS.socialWorker,
      VERBS.submitInviteList,
      inviteListData(meetingId),
    );
    expect(answer.kind === "card" ? cardText(answer.card) : answer.text).toContain(
      "could not read this record",
    );
    expect(await unreadableIncidents(world)).toHaveLength(1);

    // Setting it aside is in the case's audit trail, by the system.
    const trail = (await world.store.auditOfCase(CASE_ID)).items;
    expect(trail.filter((a) => a.action === "record.quarantined")).toEqual([
      expect.objectContaining({ actor: "system", target: { type: "meeting", id: meetingId } }),
    ]);

    // A week on, set aside, it is still counted; a corrupted case joins it.
    corrupt(world, CASE_ID, "$.reference", 42);
    const week2 = await gatherExceptions(world.deps, new Date("2027-02-01T09:00:00.000Z"));
    expect(week2.unreadable).toBe(2);
    const card = cardText(
      buildExceptionReportCard({ ...week2, title: "Exception report", periodText: "this week" }),
    );
    expect(card).toContain("2 records could not be read");
    expect((await world.store.quarantined()).map((q) => q.recordType).sort()).toEqual([
      "case",
      "meeting",
    ]);
    expect(await unreadableIncidents(world)).toHaveLength(2);
    expect(world.logger.lines.filter((l) => l.msg === "could not audit a quarantine")).toEqual([]);

    // A service owner marks the meeting's incident handled: the count follows.
    const owner = world.deps.authority.serviceOwners[0]!.entraObjectId;
    const meetingIncident = (await unreadableIncidents(world)).find(
      (i) => i.recordId === meetingId,
    )!;
    await world.act(owner, VERBS.failureHandled, { incidentId: meetingIncident.id });
    expect((await world.store.get("incident", meetingIncident.id, INCIDENTS_PK))?.status).toBe(
      "handled",
    );
    const week3 = await gatherExceptions(world.deps, new Date("2027-02-01T09:00:00.000Z"));
    expect(week3.unreadable).toBe(1);
  });
});

describe("the health mailboxes' register changes and the case mapping list with a record unreadable", () => {
  it("the health email says a record could not be read: a short list is never taken for a whole one", async () => {
    const world = await makeWorld({
      policy: "west-sussex",
      start: "2027-01-12T09:00:00.000Z",
      authority: listsAuthority("west-sussex"),
    });
    try {
      for (const id of ["reg-1", "reg-2"]) {
        await world.store.create({
          id,
          type: "register-entry",
          pk: "case-C-1002",
          caseId: "case-C-1002",
          childId: "case-C-1002-child-1",
          change: "added",
          at: "2027-01-12T11:00:00.000Z",
          recordedBy: DEMO_IDS.chair,
        });
      }
      corrupt(world, "reg-2", "$.change", "maybe");
      await ensureJobsPlanned(world.deps, world.clock());
      await world.advanceTo("2027-01-12T17:30:00.000Z");
      const mail = world.graph!.state.sentMail.filter((m) => m.to.includes(HEALTH_MAILBOX));
      expect(mail).toHaveLength(1);
      const body = JSON.stringify(mail[0]!.message);
      expect(body).toContain("1 record could not be read, so this list may be incomplete");
      // The one it could read is there; the unreadable one is set aside and raised.
      expect(mail[0]!.attachments[0]!.content.toString("utf8")).toContain("Charlie Sample");
      expect((await unreadableIncidents(world)).map((i) => i.recordId)).toEqual(["reg-2"]);
    } finally {
      await world.close();
    }
  });

  it("the case mapping list says a case could not be read rather than list fewer cases in silence", async () => {
    const authority = listsAuthority("chair-consultation");
    const world = await makeWorld({
      policy: "chair-consultation",
      start: "2027-01-29T05:00:00.000Z",
      authority,
    });
    try {
      await patchCase(world, "case-C-1001", (c) => ({ ...c, cin: { openedAt: "2025-06-01" } }));
      await patchCase(world, "case-C-1002", (c) => ({ ...c, cin: { openedAt: "2025-06-01" } }));
      corrupt(world, "case-C-1002", "$.children", "none");
      await ensureJobsPlanned(world.deps, world.clock());
      await world.advanceTo("2027-02-01T10:00:00.000Z");
      const lists = world.notifier.sent.filter((s) => s.preview.startsWith("Case mapping"));
      expect(lists).toHaveLength(1);
      const text = cardText(lists[0]!.card);
      expect(text).toContain("C-1001");
      expect(text).toContain(
        "1 record could not be read: this list may be incomplete. The service owners have been told.",
      );
    } finally {
      await world.close();
    }
  });
});
