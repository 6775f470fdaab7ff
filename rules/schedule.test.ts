import { parseIsoDate } from "./calendar/day-number";
import { RulesInputError } from "./errors";
import { resolvePolicy } from "./policy-registry";
import { schedule } from "./schedule";

const d = parseIsoDate;
const run = (policy: string, from: string, to: string) =>
  schedule(resolvePolicy(policy), d(from), d(to)).entries.map(
    (e) => `${e.at} ${e.rule}${e.movedFrom ? ` <${e.movedFrom}` : ""}`,
  );

describe("schedule (recurring jobs)", () => {
  it("swindon over Christmas 2026: Monday jobs move off 28 Dec, the month-ahead list off 1 Jan", () => {
    expect(run("swindon", "2026-12-21", "2027-01-11")).toEqual([
      "2026-12-21T09:00:00+00:00 list.fortnight",
      "2026-12-21T09:00:00+00:00 list.weekly",
      "2026-12-21T09:00:00+00:00 report.exceptions",
      "2026-12-29T09:00:00+00:00 list.fortnight <2026-12-28",
      "2026-12-29T09:00:00+00:00 list.weekly <2026-12-28",
      "2026-12-29T09:00:00+00:00 report.exceptions <2026-12-28",
      "2027-01-04T09:00:00+00:00 list.fortnight",
      "2027-01-04T09:00:00+00:00 list.month-ahead <2027-01-01",
      "2027-01-04T09:00:00+00:00 list.weekly",
      "2027-01-04T09:00:00+00:00 report.exceptions",
      "2027-01-11T09:00:00+00:00 list.fortnight",
      "2027-01-11T09:00:00+00:00 list.weekly",
      "2027-01-11T09:00:00+00:00 report.exceptions",
    ]);
  });

  it("selects jobs by the day they run: moved out of a range, or into one", () => {
    expect(run("swindon", "2026-12-28", "2026-12-28")).toEqual([]);
    expect(run("swindon", "2027-01-01", "2027-01-03")).toEqual([]);
    expect(run("swindon", "2027-01-04", "2027-01-04")).toContain(
      "2027-01-04T09:00:00+00:00 list.month-ahead <2027-01-01",
    );
  });

  it("Easter Monday 2027 moves the Monday lists to Tuesday, in BST", () => {
    expect(run("swindon", "2027-03-29", "2027-03-30")).toEqual([
      "2027-03-30T09:00:00+01:00 list.fortnight <2027-03-29",
      "2027-03-30T09:00:00+01:00 list.weekly <2027-03-29",
      "2027-03-30T09:00:00+01:00 report.exceptions <2027-03-29",
    ]);
  });

  it("the one-off bank holiday of 19 Sep 2022 moves the Monday lists", () => {
    expect(run("swindon", "2022-09-19", "2022-09-20")).toHaveLength(3);
    expect(run("swindon", "2022-09-19", "2022-09-20")[0]).toBe(
      "2022-09-20T09:00:00+01:00 list.fortnight <2022-09-19",
    );
  });

  it("west-sussex: the register list every working day at 17:00, indicators on the first working day", () => {
    expect(run("west-sussex", "2026-12-24", "2027-01-05")).toEqual([
      "2026-12-24T17:00:00+00:00 register.notify-health",
      "2026-12-29T17:00:00+00:00 register.notify-health",
      "2026-12-30T17:00:00+00:00 register.notify-health",
      "2026-12-31T17:00:00+00:00 register.notify-health",
      "2027-01-04T09:00:00+00:00 indicator.review",
      "2027-01-04T17:00:00+00:00 register.notify-health",
      "2027-01-05T17:00:00+00:00 register.notify-health",
    ]);
  });

  it("chair-consultation: mapping list on the first working day, completion on the last", () => {
    expect(run("chair-consultation", "2027-03-01", "2027-05-31")).toEqual([
      "2027-03-01T09:00:00+00:00 cin.case-mapping.monthly",
      "2027-03-31T17:00:00+01:00 cin.case-mapping.complete",
      "2027-04-01T09:00:00+01:00 cin.case-mapping.monthly",
      "2027-04-30T17:00:00+01:00 cin.case-mapping.complete",
      // 1-2 May are a weekend and 3 May the early May bank holiday.
      "2027-05-04T09:00:00+01:00 cin.case-mapping.monthly",
      // 31 May is the spring bank holiday.
      "2027-05-28T17:00:00+01:00 cin.case-mapping.complete",
    ]);
  });

  it("month ends that fall on a weekend: 31 Jul 2027 is a Saturday", () => {
    expect(run("chair-consultation", "2027-07-29", "2027-07-31")).toEqual([
      "2027-07-30T17:00:00+01:00 cin.case-mapping.complete",
    ]);
  });

  it("england and the policies without recurring jobs have an empty schedule", () => {
    for (const id of ["england", "leicestershire", "virtual-conference"]) {
      expect(run(id, "2027-01-01", "2027-12-31")).toEqual([]);
    }
  });

  it("refuses a range that ends before it starts or is too long", () => {
    expect(() => run("swindon", "2027-01-02", "2027-01-01")).toThrow(RulesInputError);
    expect(() => run("swindon", "2000-01-01", "2099-01-01")).toThrow(RulesInputError);
  });

  it("gives the schedule's own fields", () => {
    const s = schedule(resolvePolicy("swindon"), d("2027-01-04"), d("2027-01-04"));
    expect(s).toMatchObject({ policy: "swindon", from: "2027-01-04", to: "2027-01-04" });
    expect(s.entries[0]).toMatchObject({ kind: "list", who: ["managers", "SM"] });
    expect(s.entries.find((e) => e.rule === "list.month-ahead")?.text).toMatch(
      /due Fri 1 Jan 2027, not a working day/,
    );
  });
});
