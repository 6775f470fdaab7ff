import fc from "fast-check";
import { RulesInputError } from "../errors";
import {
  addMonthsClamped,
  dayFromYmd,
  formatIsoDate,
  parseIsoDate,
  weekday,
  ymdFromDay,
} from "./day-number";

describe("day numbers", () => {
  it("agree with Date.UTC for every day from 1999 to 2101", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromYmd(1999, 1, 1), max: dayFromYmd(2101, 12, 31) }),
        (day) => {
          const date = new Date(day * 86_400_000);
          expect(ymdFromDay(day)).toEqual({
            year: date.getUTCFullYear(),
            month: date.getUTCMonth() + 1,
            day: date.getUTCDate(),
          });
          expect(weekday(day)).toBe(date.getUTCDay());
          expect(dayFromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate())).toBe(
            day,
          );
        },
      ),
    );
  });

  it.each([
    ["2027-01-07", 4],
    ["2028-02-29", 2],
    ["2000-01-01", 6],
  ])("%s is weekday %i", (iso, w) => {
    expect(weekday(parseIsoDate(iso))).toBe(w);
    expect(formatIsoDate(parseIsoDate(iso))).toBe(iso);
  });

  it.each([
    "2027-02-30",
    "2027-13-01",
    "2027-00-10",
    "2027-04-31",
    "2027-02-29",
    "2100-02-29",
    "27-01-07",
    "2027-1-7",
    "x",
  ])("rejects %s", (text) => {
    expect(() => parseIsoDate(text)).toThrow(RulesInputError);
  });

  it("accepts 29 Feb in leap years, including 2000", () => {
    expect(formatIsoDate(parseIsoDate("2000-02-29"))).toBe("2000-02-29");
    expect(formatIsoDate(parseIsoDate("2028-02-29"))).toBe("2028-02-29");
  });

  it("rejects years outside the supported range", () => {
    expect(() => parseIsoDate("1999-12-31")).toThrow(/supported years/);
    expect(() => parseIsoDate("2100-01-01")).toThrow(/supported years/);
  });
});

describe("addMonthsClamped (docs/rules.md, counting time, within N months)", () => {
  it.each([
    ["2026-08-31", 6, "2027-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2027-11-30", 3, "2028-02-29"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2027-01-31", 1, "2027-02-28"],
    ["2027-03-31", 3, "2027-06-30"],
    ["2027-10-15", 3, "2028-01-15"],
    ["2027-03-31", -1, "2027-02-28"],
    ["2028-02-29", -24, "2026-02-28"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(formatIsoDate(addMonthsClamped(parseIsoDate(from), months))).toBe(expected);
  });
});
