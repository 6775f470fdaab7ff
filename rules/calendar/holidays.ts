import Holidays from "date-holidays";
import { dayFromYmd, type DayNumber } from "./day-number";

/**
 * Public holidays in England (docs/rules.md, counting time): `date-holidays`, country GB,
 * region ENG, entries of type `public` only. That includes substitute days
 * (28 Dec 2026 for Boxing Day) and one-off days (3 Jun 2022, 19 Sep 2022,
 * 8 May 2023), and excludes observances such as Mother's Day.
 *
 * date-holidays costs about 6 ms a year, so each year is computed once, on
 * first use, and cached for the life of the process.
 */
let engine: Holidays | undefined;
const byYear = new Map<number, readonly DayNumber[]>();

export function englandPublicHolidays(year: number): readonly DayNumber[] {
  let days = byYear.get(year);
  if (days === undefined) {
    engine ??= new Holidays("GB", "ENG");
    days = engine
      .getHolidays(year)
      .filter((h) => h.type === "public")
      // `date` is the local date "YYYY-MM-DD hh:mm:ss"; `start` is a UTC
      // instant and would be off by a day in other time zones.
      .map((h) =>
        dayFromYmd(
          Number(h.date.slice(0, 4)),
          Number(h.date.slice(5, 7)),
          Number(h.date.slice(8, 10)),
        ),
      );
    byYear.set(year, days);
  }
  return days;
}
