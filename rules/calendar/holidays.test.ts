import { formatIsoDate, isWeekend } from "./day-number";
import { englandPublicHolidays } from "./holidays";

/** Published England bank holiday lists (gov.uk), including substitutes and one-offs. */
const KNOWN: Record<number, string[]> = {
  2020: ["01-01", "04-10", "04-13", "05-08", "05-25", "08-31", "12-25", "12-28"],
  2021: ["01-01", "04-02", "04-05", "05-03", "05-31", "08-30", "12-27", "12-28"],
  2022: ["01-03", "04-15", "04-18", "05-02", "06-02", "06-03", "08-29", "09-19", "12-26", "12-27"],
  2023: ["01-02", "04-07", "04-10", "05-01", "05-08", "05-29", "08-28", "12-25", "12-26"],
  2026: ["01-01", "04-03", "04-06", "05-04", "05-25", "08-31", "12-25", "12-28"],
  2027: ["01-01", "03-26", "03-29", "05-03", "05-31", "08-30", "12-27", "12-28"],
  2028: ["01-03", "04-14", "04-17", "05-01", "05-29", "08-28", "12-25", "12-26"],
};

describe("England public holidays (date-holidays GB/ENG, type public)", () => {
  it.each(Object.entries(KNOWN))("%s: exactly the published bank holidays", (year, days) => {
    // The original dates of holidays that fall at a weekend are listed too
    // (26 Dec 2020, a Saturday); only weekdays change the working-day count.
    const weekdays = englandPublicHolidays(Number(year)).filter((d) => !isWeekend(d));
    const got = [...new Set(weekdays.map(formatIsoDate))].sort();
    expect(got).toEqual(days.map((d) => `${year}-${d}`));
  });

  it("includes one-off days: 3 Jun 2022 jubilee, 19 Sep 2022 funeral, 8 May 2023 coronation", () => {
    expect(englandPublicHolidays(2022).map(formatIsoDate)).toEqual(
      expect.arrayContaining(["2022-06-03", "2022-09-19"]),
    );
    expect(englandPublicHolidays(2023).map(formatIsoDate)).toContain("2023-05-08");
  });

  it("includes substitute days: 28 Dec 2026 for Boxing Day, 27-28 Dec 2021", () => {
    expect(englandPublicHolidays(2026).map(formatIsoDate)).toContain("2026-12-28");
    expect(englandPublicHolidays(2021).map(formatIsoDate)).toEqual(
      expect.arrayContaining(["2021-12-27", "2021-12-28"]),
    );
  });

  it("leaves out observances such as Mother's Day and Easter Sunday", () => {
    const got = englandPublicHolidays(2027).map(formatIsoDate);
    expect(got).not.toContain("2027-03-07");
    expect(got).not.toContain("2027-03-28");
  });

  it("is stable across calls (cached per year)", () => {
    expect(englandPublicHolidays(2027)).toBe(englandPublicHolidays(2027));
  });
});
