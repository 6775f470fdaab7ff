import { recordsOf } from "../../../ports/records";
import { exportSubject, findSubject } from "../../../workflow/data-protection/subject";
import { C1001, replayQuarter, type Quarter } from "./story";

/**
 * A subject access request at the end of a quarter of work: the export of
 * one child of a sibling group lists every meeting, decision and message
 * about them, and nothing that identifies their sibling.
 */
describe("subject export after a quarter of Swindon's work", () => {
  let q: Quarter;
  beforeAll(async () => {
    q = await replayQuarter("swindon");
  }, 240_000);
  afterAll(async () => {
    await q.world.close();
  });

  it("lists every meeting, decision and notification about the child, and nothing of the sibling", async () => {
    const store = recordsOf(q.world.store);
    const kase = q.caseOf(C1001);
    const [child, sibling] = kase.children;
    if (child === undefined || sibling === undefined) throw new Error("C-1001 is a sibling group");
    const subject = await findSubject(store, {
      reference: kase.reference,
      name: child.name,
      dob: child.dob ?? "",
    });
    const out = await exportSubject(store, subject, q.world.clock());

    const meetings = (await store.meetingsOfCase(C1001)).items;
    expect(meetings.length).toBeGreaterThan(0);
    expect(out.meetings.map((m) => m.id).sort()).toEqual(meetings.map((m) => m.id).sort());
    const decided = meetings.filter((m) => m.outcome !== undefined).map((m) => m.id);
    expect(decided.length).toBeGreaterThan(0);
    expect(out.decisions.map((d) => d.meetingId).sort()).toEqual(decided.sort());

    const meetingIds = new Set(meetings.map((m) => m.id));
    const about = (await store.everyOfType("notification")).items.filter(
      (n) => n.caseId === C1001 || (n.meetingId !== undefined && meetingIds.has(n.meetingId)),
    );
    expect(about.length).toBeGreaterThan(0);
    expect(out.notifications.map((n) => n.id).sort()).toEqual(about.map((n) => n.id).sort());
    expect(out.audit.length).toBeGreaterThan(0);

    const text = JSON.stringify(out);
    expect(text).toContain(child.name);
    for (const s of [sibling.name, sibling.id, sibling.dob ?? sibling.name])
      expect(text).not.toContain(s);
    // Nothing of the other cases either.
    for (const other of q.world.cases.filter((c) => c.id !== C1001))
      for (const c of other.children) expect(text).not.toContain(c.name);
  });
});
