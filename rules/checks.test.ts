import { parseIsoDate } from "./calendar/day-number";
import { planLongCheck, planRepeatCheck, runChecks } from "./checks";
import { RulesInputError } from "./errors";
import { resolvePolicy } from "./policy-registry";

const d = parseIsoDate;

describe("plan.repeat.check (previous plan ended within 24 months)", () => {
  it.each([
    ["no history", [], false],
    ["ended 23 months ago", [{ start: "2024-01-10", end: "2025-02-10" }], true],
    ["ended exactly 24 months ago (inclusive)", [{ start: "2024-01-10", end: "2025-01-07" }], true],
    ["ended 24 months and a day ago", [{ start: "2024-01-10", end: "2025-01-06" }], false],
    ["ended long ago", [{ start: "2015-01-10", end: "2016-01-06" }], false],
    ["only a plan still open (the current one)", [{ start: "2026-06-01" }], false],
    [
      "two previous plans, the later recent",
      [
        { start: "2015-01-10", end: "2016-01-06" },
        { start: "2026-01-10", end: "2026-06-06" },
      ],
      true,
    ],
  ])("%s", (_name, history, flagged) => {
    expect(planRepeatCheck(history, d("2027-01-07")).flagged).toBe(flagged);
  });

  it("clamps the window at month end: 29 Feb 2028 looks back to 28 Feb 2026", () => {
    expect(
      planRepeatCheck([{ start: "2025-01-01", end: "2026-02-28" }], d("2028-02-29")).flagged,
    ).toBe(true);
    expect(
      planRepeatCheck([{ start: "2025-01-01", end: "2026-02-27" }], d("2028-02-29")).flagged,
    ).toBe(false);
  });

  it("takes the window as a parameter (leicestershire's 12 months)", () => {
    const history = [{ start: "2024-01-10", end: "2025-06-10" }];
    expect(planRepeatCheck(history, d("2027-01-07"), 24).flagged).toBe(true);
    expect(planRepeatCheck(history, d("2027-01-07"), 12)).toMatchObject({
      flagged: false,
      rule: "plan.repeat.check",
    });
  });

  it("ignores plans that end after the date asked about", () => {
    expect(
      planRepeatCheck([{ start: "2026-01-01", end: "2027-03-01" }], d("2027-01-07")).flagged,
    ).toBe(false);
  });
});

describe("plan.long.check (current plan has lasted 15 months or more)", () => {
  it.each([
    ["no plan", [], false],
    ["open 14 months", [{ start: "2025-11-08" }], false],
    ["open exactly 15 months", [{ start: "2025-10-07" }], true],
    ["open 2 years", [{ start: "2025-01-07" }], true],
    ["ended before", [{ start: "2024-01-07", end: "2026-12-01" }], false],
    ["still open on the day it ends later", [{ start: "2025-01-07", end: "2027-03-01" }], true],
    ["ended by this very conference", [{ start: "2025-10-07", end: "2027-01-07" }], true],
    ["ended the day before", [{ start: "2025-10-07", end: "2027-01-06" }], false],
  ])("%s", (_name, history, flagged) => {
    expect(planLongCheck(history, d("2027-01-07")).flagged).toBe(flagged);
  });

  it("clamps at month end: a plan from 30 Nov 2026 reaches 15 months on 29 Feb 2028", () => {
    expect(planLongCheck([{ start: "2026-11-30" }], d("2028-02-28")).flagged).toBe(false);
    expect(planLongCheck([{ start: "2026-11-30" }], d("2028-02-29")).flagged).toBe(true);
  });
});

describe("history validation", () => {
  it.each([
    [[{ start: "2026-01-10", end: "2025-01-01" }]],
    [[{ start: "2026-01-10" }, { start: "2026-05-01" }]],
    [[{ start: "2026-01-10", end: "2026-06-01" }, { start: "2026-05-01" }]],
    [[{ start: "2026-02-30" }]],
  ])("refuses %j", (history) => {
    expect(() => planRepeatCheck(history, d("2027-01-07"))).toThrow(RulesInputError);
  });
});

describe("runChecks", () => {
  const history = [{ start: "2025-01-10", end: "2026-06-10" }];
  it("runs england's repeat check for an ICPC", () => {
    expect(runChecks(resolvePolicy("england"), "ICPC", history, d("2027-01-07"))).toEqual([
      expect.objectContaining({ rule: "plan.repeat.check", flagged: true }),
    ]);
  });
  it("adds leicestershire's 12-month repeat rule", () => {
    expect(
      runChecks(resolvePolicy("leicestershire"), "ICPC", history, d("2027-01-07")).map((r) => [
        r.rule,
        r.flagged,
      ]),
    ).toEqual([
      ["plan.repeat.check", true],
      ["plan.repeat.12-months.check", true],
    ]);
  });
  it("runs the long-plan check for an RCPC, and none for a CLA review", () => {
    expect(
      runChecks(resolvePolicy("west-sussex"), "RCPC", [{ start: "2025-06-01" }], d("2027-01-07")),
    ).toEqual([expect.objectContaining({ rule: "plan.long.check", flagged: true })]);
    expect(runChecks(resolvePolicy("england"), "CLA", [], d("2027-01-07"))).toEqual([]);
  });
});
