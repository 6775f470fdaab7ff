import { caseMappingMonthId } from "../../model";
import { listEmailId } from "../../workflow/lists/list-delivery";
import { ensureJobsPlanned } from "../../workflow/lists/plan-jobs";
import { cardActions, cardText } from "../fakes/recording-notifier";
import { aMeeting } from "../fixtures/documents";
import {
  HEALTH_MAILBOX,
  LIST_IDS,
  listCase,
  listsAuthority,
} from "../../workflow/lists/__tests__/lists-fixture";
import { patchCase } from "./journey";
import { DEMO_IDS, makeWorld, type World } from "./world";

/**
 * The councils' other procedures's remaining lists, each run by the scheduler from the daily
 * planning like every recurring job (docs/rules.md, counting time: lists at 09:00, a job on a
 * non-working day on the next working day), with the fake clock: once each,
 * at its time, to the people docs/rules.md names, with the right rows.
 */

/** The sent email of a notification id: when it went (the store's record). */
async function emailSentAt(world: World, id: string): Promise<string | undefined> {
  const n = await world.store.get("notification", id, id);
  return n?.status === "sent" ? n.result?.at : undefined;
}

describe("report.exceptions (Swindon: every Monday 09:00 to the QA TM/SM and the Director)", () => {
  it("goes each Monday (Tuesday after the May bank holiday), to the QA managers by card and the Director by CSV email", async () => {
    const world = await makeWorld({
      policy: "swindon",
      start: "2027-04-19T05:00:00.000Z",
      authority: listsAuthority("swindon"),
    });
    try {
      // An ICPC requested for a strategy discussion of Mon 5 Apr 2027 and never
      // booked: its invite list was due Mon 12 Apr (5 working days) and never
      // came; its limit (Mon 26 Apr, 15 working days) passes, and from then it
      // is out of timescale on every report until held.
      await world.store.create(
        aMeeting("m-late", "case-C-1001", undefined, { anchors: { strategy: "2027-04-05" } }),
      );
      await ensureJobsPlanned(world.deps, world.clock());
      await world.advanceTo("2027-05-18T12:00:00.000Z");

      const reports = world.notifier.sent.filter((s) => s.preview.startsWith("Exception report"));
      const days = ["2027-04-19", "2027-04-26", "2027-05-04", "2027-05-10", "2027-05-17"];
      // Sol Service (SM and QA manager) and Morgan QA: one card each a week, at 09:00 BST.
      expect(reports.map((s) => [s.at, s.to])).toEqual(
        days.flatMap((d) =>
          [DEMO_IDS.serviceManager, LIST_IDS.qaManager].map((to) => [`${d}T08:00:00.000Z`, to]),
        ),
      );
      // Before the limit: a late invite list only; from Mon 3 May (run Tue 4 May) out of timescale too.
      const first = cardText(reports[0]!.card);
      expect(first).toContain("C-1001 · ICPC, not booked yet");
      expect(first).toContain("Invite list due Mon 12 Apr 2027 17:00");
      expect(first).toContain("Out of timescale | 0");
      for (const r of reports.slice(4)) {
        const text = cardText(r.card);
        expect(text).toContain("C-1001");
        expect(text).toContain("Not booked");
      }
      expect(reports.every((r) => !/Alex|Billie/.test(cardText(r.card) + r.preview))).toBe(true);
      // The Director is not in Teams: the CSV by email, once a week, at 09:00.
      for (const d of days) {
        const id = listEmailId(`report.exceptions:${d}`, LIST_IDS.director);
        expect(await emailSentAt(world, id)).toBe(`${d}T08:00:00.000Z`);
      }
      const mail = world.graph!.state.sentMail.filter((m) =>
        m.to.includes("drew.director@demo-council.example"),
      );
      expect(mail).toHaveLength(5);
      const csv = mail[4]!.attachments[0]!.content.toString("utf8");
      expect(csv).toContain("Out of timescale,C-1001,ICPC");
      expect(world.failed).toEqual([]);
    } finally {
      await world.close();
    }
  });
});

describe("west-sussex's register.notify-health (17:00 daily) and indicator.review (monthly)", () => {
  it("emails the health mailbox every working day at 17:00, and each CPA their indicators on the 1st working day", async () => {
    const world = await makeWorld({
      policy: "west-sussex",
      start: "2027-01-04T05:00:00.000Z",
      authority: listsAuthority("west-sussex"),
    });
    try {
      // C-1001's children on a plan since 15 Sep 2025 (15 months on 15 Dec 2026).
      await patchCase(world, "case-C-1001", (c) => ({
        ...c,
        children: c.children.map((ch) => ({ ...ch, planHistory: [{ start: "2025-09-15" }] })),
      }));
      await ensureJobsPlanned(world.deps, world.clock());
      // Tue 12 Jan 11:00: C-1002's child added to the register at its ICPC.
      await world.advanceTo("2027-01-12T11:00:00.000Z");
      await world.store.create({
        id: "reg-1",
        type: "register-entry",
        pk: "case-C-1002",
        caseId: "case-C-1002",
        childId: "case-C-1002-child-1",
        change: "added",
        at: "2027-01-12T11:00:00.000Z",
        recordedBy: DEMO_IDS.chair,
      });
      await world.advanceTo("2027-02-02T12:00:00.000Z");

      // One email to the health mailbox per working day, at 17:00, never at a weekend.
      const health = world.graph!.state.sentMail.filter((m) => m.to.includes(HEALTH_MAILBOX));
      const workingDays: string[] = [];
      for (let d = new Date("2027-01-04T00:00:00Z"); d <= new Date("2027-02-01T00:00:00Z");) {
        if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6)
          workingDays.push(d.toISOString().slice(0, 10));
        d = new Date(d.getTime() + 86_400_000);
      }
      expect(health).toHaveLength(workingDays.length);
      for (const day of workingDays) {
        const id = listEmailId(`register.notify-health:${day}`, HEALTH_MAILBOX);
        expect(await emailSentAt(world, id)).toBe(`${day}T17:00:00.000Z`);
      }
      const withChange = health.filter((m) =>
        m.attachments[0]!.content.toString("utf8").includes("Charlie Sample"),
      );
      expect(withChange).toHaveLength(1);
      const csv = withChange[0]!.attachments[0]!.content.toString("utf8");
      expect(csv).toContain(
        "Added: child protection plan started,2027-01-12,Charlie Sample,2014-02-20,C-1002",
      );
      // The subject carries the date and the count, never a name.
      const subject = (withChange[0]!.message as { subject: string }).subject;
      expect(subject).toBe("CP register changes, Tue 12 Jan 2027: 1");
      // Nobody in Teams hears of register changes.
      expect(world.notifier.sent.some((s) => /register/i.test(s.preview))).toBe(false);

      // indicator.review: Mon 4 Jan and Mon 1 Feb 2027 at 09:00.
      const reviews = world.notifier.sent.filter((s) => s.preview.startsWith("Indicator review"));
      const got = reviews.map((s) => [s.at, s.to]).sort();
      const expected = ["2027-01-04", "2027-02-01"]
        .flatMap((d) =>
          [DEMO_IDS.chair, LIST_IDS.chair2, DEMO_IDS.serviceManager, LIST_IDS.qaManager].map(
            (to) => [`${d}T09:00:00.000Z`, to],
          ),
        )
        .sort();
      expect(got).toEqual(expected);
      const chrisFeb = reviews.find(
        (s) => s.to === DEMO_IDS.chair && s.at.startsWith("2027-02-01"),
      )!;
      expect(cardText(chrisFeb.card)).toContain("C-1001");
      expect(cardText(chrisFeb.card)).toContain("16 months");
      expect(cardText(chrisFeb.card)).not.toMatch(/Alex|Billie|Dana Chair/);
      const dana = reviews.find((s) => s.to === LIST_IDS.chair2)!;
      expect(cardText(dana.card)).toContain("Nothing to review this month");
      expect(cardText(dana.card)).not.toContain("C-1001");
      const qa = reviews.find((s) => s.to === LIST_IDS.qaManager)!;
      expect(cardText(qa.card)).toMatch(/Chris Chair[\s\S]*Dana Chair/);
      expect(world.failed).toEqual([]);
    } finally {
      await world.close();
    }
  });
});

describe("cin.case-mapping (chair-consultation): the monthly list, allocation and completion", () => {
  it("goes to the QA admin manager on the 1st working day, is allocated, marked done, and what is not done is escalated on the last working day", async () => {
    const authority = listsAuthority("chair-consultation");
    const world = await makeWorld({
      policy: "chair-consultation",
      start: "2027-01-29T05:00:00.000Z",
      authority,
    });
    try {
      await patchCase(world, "case-C-1001", (c) => ({ ...c, cin: { openedAt: "2025-06-01" } }));
      await patchCase(world, "case-C-1002", (c) => ({
        ...c,
        cin: { openedAt: "2025-11-03" },
        mappings: [{ on: "2026-10-01", chairId: DEMO_IDS.chair, kind: "new" }],
      }));
      await world.store.create(listCase(authority, "C-1003", { cin: { openedAt: "2026-06-01" } }));
      await ensureJobsPlanned(world.deps, world.clock());
      await world.advanceTo("2027-02-01T10:00:00.000Z");

      const lists = world.notifier.sent.filter((s) => s.preview.startsWith("Case mapping"));
      expect(lists.map((s) => [s.at, s.to])).toEqual([
        ["2027-02-01T09:00:00.000Z", LIST_IDS.qaAdmin],
      ]);
      expect(lists[0]!.preview).toBe(
        "Case mapping: February 2027: 2 case(s): 1 review(s), 1 new to allocate",
      );
      const text = cardText(lists[0]!.card);
      expect(text).toContain("C-1001");
      expect(text).toContain("C-1002");
      expect(text).not.toContain("C-1003"); // open 8 months

      const save = cardActions(lists[0]!.card).find((a) => a.verb === "case-mapping.allocate")!;
      const rowOf = (caseId: string) =>
        Object.entries(save.data)
          .find(([, v]) => v === caseId)![0]
          .split(".")[1];
      const allocation = {
        ...save.data,
        [`allocations.${rowOf("case-C-1001")}.chairId`]: DEMO_IDS.chair,
        [`allocations.${rowOf("case-C-1002")}.chairId`]: LIST_IDS.chair2,
      };
      const month = caseMappingMonthId("2027-02");
      const before = await world.store.get("case-mapping-month", month, month);

      // A chair cannot allocate (forged), nor a malformed card, nor a non-chair: nothing changes.
      const forged = await world.act(DEMO_IDS.chair, "case-mapping.allocate", allocation);
      expect(cardText((forged as { card: unknown }).card as never)).toMatch(
        /only the QA admin manager/,
      );
      const malformed = await world.act(LIST_IDS.qaAdmin, "case-mapping.allocate", {
        ...allocation,
        month: "February",
      });
      expect(cardText((malformed as { card: unknown }).card as never)).toMatch(/not a month/);
      const notChair = await world.act(LIST_IDS.qaAdmin, "case-mapping.allocate", {
        ...allocation,
        [`allocations.${rowOf("case-C-1001")}.chairId`]: DEMO_IDS.teamManager,
      });
      expect(cardText((notChair as { card: unknown }).card as never)).toMatch(/Only a CP chair/);
      expect((await world.store.get("case-mapping-month", month, month))!.etag).toBe(before!.etag);
      const refused = (await world.store.auditOfCase("system")).items.filter(
        (a) => a.action === "action.refused",
      );
      expect(refused.map((a) => a.actor)).toEqual([DEMO_IDS.chair]);

      // The QA admin manager allocates; each chair is told their cases by card.
      const sentBefore = world.notifier.sent.length;
      const saved = await world.act(LIST_IDS.qaAdmin, "case-mapping.allocate", allocation);
      expect(saved.kind).toBe("card");
      const told = world.notifier.sent.slice(sentBefore);
      expect(told.map((s) => [s.to, s.preview]).sort()).toEqual(
        [
          [DEMO_IDS.chair, "Your case mapping: February 2027: 1 case(s)"],
          [LIST_IDS.chair2, "Your case mapping: February 2027: 1 case(s)"],
        ].sort(),
      );
      expect(cardText(told.find((s) => s.to === LIST_IDS.chair2)!.card)).toContain("C-1002");
      expect(
        (await world.store.auditOfCase("case-C-1001")).items.filter(
          (a) => a.action === "case-mapping.allocate",
        ),
      ).toHaveLength(1);

      // Chris records C-1001 mapped; Dana may not record it for him.
      await world.advanceTo("2027-02-10T10:00:00.000Z");
      const wrong = await world.say(LIST_IDS.chair2, "mapped C-1001");
      expect(wrong.kind).toBe("card");
      const done = await world.say(DEMO_IDS.chair, "mapped C-1001");
      expect(done).toEqual({
        kind: "message",
        text: "Recorded: the case mapping of C-1001 (new mapping).",
      });
      const c1001 = await world.store.get("case", "case-C-1001", "case-C-1001");
      expect(c1001!.mappings).toEqual([{ on: "2027-02-10", chairId: DEMO_IDS.chair, kind: "new" }]);

      // Fri 26 Feb 17:00, the last working day: Dana's case is not done.
      await world.advanceTo("2027-02-27T12:00:00.000Z");
      const late = world.notifier.sent.filter((s) =>
        s.preview.startsWith("Case mappings not done"),
      );
      expect(late.map((s) => [s.at, s.to]).sort()).toEqual(
        [
          ["2027-02-26T17:00:00.000Z", LIST_IDS.chair2],
          ["2027-02-26T17:00:00.000Z", LIST_IDS.qaAdmin],
        ].sort(),
      );
      for (const s of late) {
        expect(cardText(s.card)).toContain("C-1002");
        expect(cardText(s.card)).not.toContain("C-1001");
      }
      expect(world.failed).toEqual([]);
    } finally {
      await world.close();
    }
  });
});
