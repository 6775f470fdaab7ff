import { resolvePolicy } from "../../rules";
import { workingDaysOfMonth } from "./rota-days";
import { dutyCounts, fairRota } from "./rota-fair";
import { checkSwap } from "./rota-swap";

const cal = resolvePolicy("west-sussex").calendar;
const CHAIRS = ["a", "b", "c", "d"];
const spread = (m: Map<string, number>) => Math.max(...m.values()) - Math.min(...m.values());

describe("duty rota (West Sussex: a fair share, one duty chair each working day)", () => {
  it("has a duty chair on each working day of the month, bank holidays excluded", () => {
    // May 2027: bank holidays Mon 3 and Mon 31 May: 19 working days.
    const days = workingDaysOfMonth(cal, "2027-05");
    expect(days).toHaveLength(19);
    expect(days).not.toContain("2027-05-03");
    expect(days).not.toContain("2027-05-31");
    const r = fairRota({ days, chairs: CHAIRS, unavailable: () => false });
    if (!r.ok) throw new Error("refused");
    expect(r.days.map((d) => d.date)).toEqual(days);
    expect(spread(dutyCounts(r.days, CHAIRS))).toBeLessThanOrEqual(1);
  });

  it("never puts a chair on duty on a day they are away, and stays fair", () => {
    const days = workingDaysOfMonth(cal, "2027-02");
    const away = new Set(["2027-02-01", "2027-02-02", "2027-02-03", "2027-02-04", "2027-02-05"]);
    const r = fairRota({ days, chairs: CHAIRS, unavailable: (c, d) => c === "b" && away.has(d) });
    if (!r.ok) throw new Error("refused");
    expect(r.days.filter((d) => d.chairId === "b" && away.has(d.date))).toEqual([]);
    expect(spread(dutyCounts(r.days, CHAIRS))).toBeLessThanOrEqual(1);
  });

  it("counts differ by at most one among the chairs available, for any month and any offset", () => {
    for (const month of ["2027-01", "2027-04", "2027-08", "2027-12"]) {
      for (let offset = 0; offset < 4; offset++) {
        const r = fairRota({
          days: workingDaysOfMonth(cal, month),
          chairs: CHAIRS,
          unavailable: () => false,
          offset,
        });
        if (!r.ok) throw new Error("refused");
        expect(spread(dutyCounts(r.days, CHAIRS))).toBeLessThanOrEqual(1);
      }
    }
  });

  it("refuses a rota with a day no chair can cover, naming the day", () => {
    const days = workingDaysOfMonth(cal, "2027-02");
    const r = fairRota({ days, chairs: CHAIRS, unavailable: (_c, d) => d === "2027-02-10" });
    expect(r).toEqual({ ok: false, uncovered: ["2027-02-10"] });
  });
});

describe("swapping two duty days", () => {
  const rota = {
    month: "2027-02",
    days: [
      { date: "2027-02-01", chairId: "a" },
      { date: "2027-02-02", chairId: "b" },
      { date: "2027-02-03", chairId: "c" },
    ],
  };
  const base = {
    rota,
    isChair: (id: string) => CHAIRS.includes(id),
    unavailable: () => false,
  };

  it("swaps the two days and nothing else", () => {
    const r = checkSwap({
      ...base,
      first: { date: "2027-02-01", chairId: "a" },
      second: { date: "2027-02-02", chairId: "b" },
    });
    expect(r).toEqual({
      ok: true,
      days: [
        { date: "2027-02-01", chairId: "b" },
        { date: "2027-02-02", chairId: "a" },
        { date: "2027-02-03", chairId: "c" },
      ],
    });
  });

  it.each([
    [
      "the other chair is away on the day they would take",
      { unavailable: (c: string, d: string) => c === "b" && d === "2027-02-01" },
      { first: { date: "2027-02-01", chairId: "a" }, second: { date: "2027-02-02", chairId: "b" } },
      /other chair is unavailable on 2027-02-01/,
    ],
    [
      "the requester is away on the day they would take",
      { unavailable: (c: string, d: string) => c === "a" && d === "2027-02-02" },
      { first: { date: "2027-02-01", chairId: "a" }, second: { date: "2027-02-02", chairId: "b" } },
      /requesting chair is unavailable on 2027-02-02/,
    ],
    [
      "the other person is not a chair",
      {},
      { first: { date: "2027-02-01", chairId: "a" }, second: { date: "2027-02-02", chairId: "x" } },
      /without a duty chair/,
    ],
    [
      "a day is not on the rota (a weekend)",
      {},
      { first: { date: "2027-02-01", chairId: "a" }, second: { date: "2027-02-06", chairId: "b" } },
      /not a working day on the 2027-02 rota/,
    ],
    [
      "the rota changed since",
      {},
      { first: { date: "2027-02-01", chairId: "a" }, second: { date: "2027-02-02", chairId: "c" } },
      /no longer that chair's duty day/,
    ],
    [
      "the same chair twice",
      {},
      { first: { date: "2027-02-01", chairId: "a" }, second: { date: "2027-02-03", chairId: "a" } },
      /two different chairs/,
    ],
  ])("is refused when %s", (_what, extra, days, message) => {
    const r = checkSwap({ ...base, ...extra, ...days });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(message);
  });
});
