import type { Meeting } from "../../model";
import { DEMO_IDS } from "../../app/demo/authority";
import { aMeeting, anInviteList, aReportStatus } from "../../test/fixtures/documents";
import { jobDeps, listCase } from "./__tests__/lists-fixture";
import { gatherExceptions } from "./exception-rows";

// Swindon, run Mon 11 Jan 2027 09:00: the week is Mon 4 Jan 09:00 to now.
const NOW = "2027-01-11T09:00:00.000Z";
const listDone = (at: string) => ({
  "invite-list.complete": { at, by: DEMO_IDS.socialWorker },
});

describe("report.exceptions data (Swindon rules 3, 10, 23)", () => {
  let deps: ReturnType<typeof jobDeps>;
  beforeEach(async () => {
    deps = jobDeps("swindon", NOW);
    for (const ref of ["C-1", "C-2", "C-3", "C-4", "C-5", "C-6", "C-7"])
      await deps.store.create(listCase(deps.authority, ref));
  });
  afterEach(() => deps.close());

  const add = (m: Meeting) => deps.store.create(m);
  // Strategy Wed 30 Dec 2026: invite-list.due 5 working days after (1 Jan a
  // holiday) is Thu 7 Jan 17:00; icpc.latest (15 working days) Thu 21 Jan.
  const icpc = (id: string, ref: string, start: string | undefined, extra: Partial<Meeting> = {}) =>
    aMeeting(id, `case-${ref}`, start, { anchors: { strategy: "2026-12-30" }, ...extra });

  it("lists each exception with what the report needs, by case reference", async () => {
    // Invite list still not in.
    await add(icpc("m-missing", "C-1", "2027-01-20T10:00:00.000Z"));
    // In late during the week (Fri 8 Jan 11:20).
    await add(
      icpc("m-in-late", "C-2", "2027-01-20T14:00:00.000Z", {
        milestones: listDone("2027-01-08T11:20:00.000Z"),
      }),
    );
    // In on time: not an exception.
    await add(
      icpc("m-on-time", "C-3", "2027-01-19T10:00:00.000Z", {
        milestones: listDone("2027-01-06T12:00:00.000Z"),
      }),
    );
    // Strategy Mon 14 Dec 2026: icpc.latest Thu 7 Jan (25, 28 Dec holidays);
    // booked Wed 13 Jan with the Service Manager's approval.
    await add(
      aMeeting("m-out", "case-C-4", "2027-01-13T10:00:00.000Z", {
        anchors: { strategy: "2026-12-14" },
        milestones: listDone("2026-12-18T10:00:00.000Z"),
        outOfTimescale: {
          approvedBy: DEMO_IDS.serviceManager,
          approvedAt: "2027-01-05T12:00:00.000Z",
          reason: "Chair and police unavailable before the limit",
        },
      }),
    );
    // Held last week, its list in late long ago: nothing to report.
    await add(
      aMeeting("m-held", "case-C-4", "2027-01-05T10:00:00.000Z", {
        status: "outcome-recorded",
        anchors: { strategy: "2026-12-14" },
        milestones: listDone("2026-12-22T10:00:00.000Z"),
      }),
    );
    // Stood down Thu 7 Jan as not quorate, rebooked for Tue 19 Jan.
    await add(
      icpc("m-stood", "C-5", undefined, {
        status: "stood-down",
        standDown: {
          reason: "not-quorate",
          rationale: "Police and health declined",
          approvedBy: [DEMO_IDS.serviceManager],
          at: "2027-01-07T15:40:00.000Z",
        },
        rebookedAs: "m-rebooked",
      }),
    );
    await add(
      icpc("m-rebooked", "C-5", "2027-01-19T13:00:00.000Z", {
        rebookedFrom: "m-stood",
        milestones: listDone("2027-01-07T10:00:00.000Z"),
      }),
    );
    // RCPC Mon 11 Jan 14:00: reports.rcpc 5 days before (Wed 6 Jan 17:00);
    // the SW's report and the police's are not in.
    await add(
      aMeeting("m-rcpc", "case-C-6", "2027-01-11T14:00:00.000Z", {
        kind: "RCPC",
        anchors: { previous: "2026-10-15" },
        milestones: listDone("2026-12-20T10:00:00.000Z"),
      }),
    );
    const list = anInviteList("m-rcpc", "case-C-6");
    list.invitees.push({ ...list.invitees[1]!, id: "inv-3", name: "PC One", agency: "Police" });
    await deps.store.create(list);
    await deps.store.create({
      ...aReportStatus("m-rcpc", "case-C-6"),
      agencies: { nhs: true, police: false },
    });
    // Requested, never booked, its limit (Thu 7 Jan) passed.
    await add(
      aMeeting("m-unbooked", "case-C-7", undefined, {
        anchors: { strategy: "2026-12-14" },
        milestones: listDone("2026-12-18T10:00:00.000Z"),
      }),
    );

    const view = await gatherExceptions(deps, new Date(NOW));
    expect(view.asOf).toBe(NOW);
    expect(view.lateInviteLists).toEqual([
      {
        caseId: "case-C-1",
        caseReference: "C-1",
        meetingId: "m-missing",
        kind: "ICPC",
        start: "2027-01-20T10:00:00.000Z",
        ruleId: "invite-list.due",
        dueAt: "2027-01-07T17:00:00.000Z",
      },
      expect.objectContaining({
        meetingId: "m-in-late",
        dueAt: "2027-01-07T17:00:00.000Z",
        doneAt: "2027-01-08T11:20:00.000Z",
      }),
    ]);
    expect(
      view.lateReports.map((r) => [r.meetingId, r.author, r.ruleId, r.dueAt, r.doneAt]),
    ).toEqual([
      ["m-rcpc", "Social worker", "reports.rcpc", "2027-01-06T17:00:00.000Z", undefined],
      ["m-rcpc", "Police", "reports.rcpc", "2027-01-06T17:00:00.000Z", undefined],
    ]);
    expect(view.stoodDown).toEqual([
      expect.objectContaining({
        caseReference: "C-5",
        meetingId: "m-stood",
        reason: "not-quorate",
        rationale: "Police and health declined",
        approvedBy: ["Sol Service"],
        rebookedStart: "2027-01-19T13:00:00.000Z",
      }),
    ]);
    expect(view.outOfTimescale).toEqual([
      // By date: the unbooked one by its limit, the booked one by its start.
      {
        caseId: "case-C-7",
        caseReference: "C-7",
        meetingId: "m-unbooked",
        kind: "ICPC",
        limitRule: "icpc.latest",
        limitAt: "2027-01-07T17:00:00.000Z",
      },
      expect.objectContaining({
        meetingId: "m-out",
        limitRule: "icpc.latest",
        limitAt: "2027-01-07T17:00:00.000Z",
        approvedBy: "Sol Service",
        reason: "Chair and police unavailable before the limit",
      }),
    ]);
    // No child's name anywhere in the report's data.
    expect(JSON.stringify(view)).not.toMatch(/Child of/);
  });

  it("keeps an out-of-timescale meeting on every report until it is held, and a late list until it is in", async () => {
    await add(
      aMeeting("m-out", "case-C-4", "2027-01-13T10:00:00.000Z", {
        anchors: { strategy: "2026-12-14" },
      }),
    );
    const later = await gatherExceptions(deps, new Date("2027-01-12T09:00:00.000Z"));
    expect(later.outOfTimescale.map((r) => r.meetingId)).toEqual(["m-out"]);
    expect(later.lateInviteLists.map((r) => r.meetingId)).toEqual(["m-out"]);
    const m = (await deps.store.get("meeting", "m-out", "case-C-4"))!;
    await deps.store.replace({ ...m, status: "held" }, m.etag!);
    const after = await gatherExceptions(deps, new Date("2027-01-18T09:00:00.000Z"));
    expect(after.outOfTimescale).toEqual([]);
    expect(after.lateInviteLists).toEqual([]);
  });

  it("an earlier stand-down stays until rebooked, unless no longer needed", async () => {
    const stood = (id: string, reason: "unforeseen" | "no-longer-needed") =>
      icpc(id, "C-5", undefined, {
        status: "stood-down",
        standDown: {
          reason,
          rationale: "Chair ill, no cover",
          approvedBy: [DEMO_IDS.serviceManager],
          at: "2026-12-21T10:00:00.000Z",
        },
      });
    await add(stood("m-waiting", "unforeseen"));
    await add(stood("m-ended", "no-longer-needed"));
    const view = await gatherExceptions(deps, new Date(NOW));
    expect(view.stoodDown.map((r) => r.meetingId)).toEqual(["m-waiting"]);
  });
});
