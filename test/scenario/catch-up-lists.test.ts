import { taskPk, type Task } from "../../model/task";
import { taskHandlers } from "../../workflow/index";
import { cardText } from "../fakes/recording-notifier";
import { makeWorld } from "./world";

/**
 * Catch-up runs are for the period that was due: after downtime, Swindon's
 * weekly list (Mondays 09:00) that runs late lists the week it was due for
 * and says it is late; the current week's own list is not the same list twice.
 */
const weekly = (day: string): Task => ({
  id: `list.weekly:${day}`,
  type: "task",
  pk: taskPk({ taskType: "list.weekly" }),
  taskType: "list.weekly",
  dueAt: `${day}T09:00:00.000Z`,
  status: "pending",
  attempts: 0,
});

describe("catch-up runs of recurring lists", () => {
  it("list the missed week and say they are late; each week is listed for its own period", async () => {
    const world = await makeWorld({ policy: "swindon", start: "2027-01-26T10:00:00.000Z" });
    try {
      const handler = taskHandlers(world.deps).get("list.weekly")!;
      // Down from Sun 17 Jan to Tue 26 Jan: Mon 18's list and Mon 25's run now.
      await handler(weekly("2027-01-18"), { now: world.clock(), attempt: 1 });
      await handler(weekly("2027-01-25"), { now: world.clock(), attempt: 1 });
      const lists = world.notifier.sent.filter((s) => s.preview.startsWith("Weekly"));
      expect(lists.length).toBeGreaterThanOrEqual(2);
      const texts = lists.map((s) => `${s.preview} | ${cardText(s.card)}`);
      const missed = texts.filter((t) => t.includes("Mon 18 Jan 2027 to Sun 24 Jan 2027"));
      const current = texts.filter((t) => t.includes("Mon 25 Jan 2027 to Sun 31 Jan 2027"));
      expect(missed.length).toBeGreaterThan(0);
      expect(current.length).toBe(missed.length);
      for (const t of missed) expect(t).toMatch(/late: due Mon 18 Jan 2027 09:00/i);
      // Mon 25's own list ran a day late too, and says so of its own date.
      for (const t of current) expect(t).toMatch(/late: due Mon 25 Jan 2027 09:00/i);
      // On time: not marked late.
      world.setClock("2027-02-01T09:00:05.000Z");
      await handler(weekly("2027-02-01"), { now: world.clock(), attempt: 1 });
      const onTime = world.notifier.sent
        .filter((s) => s.preview.startsWith("Weekly"))
        .map((s) => `${s.preview} | ${cardText(s.card)}`)
        .filter((t) => t.includes("Mon 1 Feb 2027 to Sun 7 Feb 2027"));
      expect(onTime.length).toBeGreaterThan(0);
      for (const t of onTime) expect(t).not.toMatch(/late:/i);
    } finally {
      await world.close();
    }
  });
});
