import { aMeeting } from "../fixtures/documents";
import { ensureJobsPlanned } from "../../workflow/lists/plan-jobs";
import { cardText } from "../fakes/recording-notifier";
import { requestAndBook } from "./journey";
import { DEMO_IDS, makeWorld } from "./world";

/**
 * Outlook replies and the quoracy forecast: the council's timeliness, as a bar chart, in swindon's
 * month-ahead list (Swindon rule 21: the 1st of each month, to all managers and
 * SMs), planned by the daily jobs task like every recurring job.
 */
describe("the month-ahead list's timeliness figures", () => {
  it("go to every manager on the 1st, once, with the council's figure beside England's", async () => {
    const world = await makeWorld({
      policy: "swindon",
      start: "2027-01-20T12:00:00.000Z",
      calendar: "outbox",
    });
    try {
      // Strategy Mon 11 Jan 2027: the 15th working day after is Mon 1 Feb.
      const held = (id: string, start: string) =>
        aMeeting(id, "case-C-1001", start, {
          status: "outcome-recorded",
          anchors: { strategy: "2027-01-11" },
        });
      await world.store.create(held("m-on-time", "2027-01-21T10:00:00.000Z"));
      await world.store.create(held("m-late", "2027-01-29T10:00:00.000Z"));
      await world.store.create(held("m-later", "2027-01-28T10:00:00.000Z"));
      // One late: strategy 4 Jan, held 29 Jan (the 19th working day).
      const late = await world.store.get("meeting", "m-late", "case-C-1001");
      await world.store.replace({ ...late!, anchors: { strategy: "2027-01-04" } }, late!.etag!);
      await ensureJobsPlanned(world.deps, world.clock());
      await world.advanceTo("2027-02-02T12:00:00.000Z");
      const lists = world.notifier.sent.filter((s) => s.preview.startsWith("Month ahead"));
      expect(lists.map((s) => s.to).sort()).toEqual(
        [DEMO_IDS.teamManager, DEMO_IDS.serviceManager].sort(),
      );
      // Monday 1 Feb 2027 is a working day: the list goes that morning.
      expect(new Set(lists.map((s) => s.at.slice(0, 10)))).toEqual(new Set(["2027-02-01"]));
      const text = cardText(lists[0]!.card);
      expect(text).toContain("66.7%");
      expect(text).toContain("81.4%");
      expect(world.failed).toEqual([]);
    } finally {
      await world.close();
    }
  });

  it("the weekly list (Swindon rule 18, Mondays, to the SMs) lists the week's meetings by case reference", async () => {
    const world = await makeWorld({ policy: "swindon", start: "2027-01-11T09:00:00.000Z" });
    try {
      await ensureJobsPlanned(world.deps, world.clock());
      await requestAndBook(world, {
        strategy: "2027-01-11",
        requestAt: "2027-01-11T14:00:00.000Z",
        bookAt: "2027-01-12T09:30:00.000Z",
        slotStart: "2027-01-29T10:00:00.000Z",
      });
      await world.advanceTo("2027-01-25T12:00:00.000Z");
      const weekly = world.notifier.sent.filter((s) => s.preview.startsWith("Weekly list"));
      // Mon 18 Jan (nothing that week) and Mon 25 Jan (the ICPC on Fri 29 Jan), to the SM only.
      expect(weekly.map((s) => [s.at.slice(0, 10), s.to])).toEqual([
        ["2027-01-18", DEMO_IDS.serviceManager],
        ["2027-01-25", DEMO_IDS.serviceManager],
      ]);
      expect(weekly[1]!.preview).toContain("1 meeting(s)");
      const text = cardText(weekly[1]!.card);
      expect(text).toContain("C-1001");
      expect(text).not.toMatch(/Alex|Billie/);
      expect(world.failed).toEqual([]);
    } finally {
      await world.close();
    }
  });
});
