import fc from "fast-check";
import { RulesInputError } from "../errors";
import { dayFromYmd, formatIsoDate, isWeekend, parseIsoDate, type DayNumber } from "./day-number";
import { englandPublicHolidays } from "./holidays";
import { WorkingDayCalendar, workingDayCalendar } from "./working-day-calendar";

const d = (iso: string) => parseIsoDate(iso);
const iso = formatIsoDate;

/** The slow, obviously right reference: look at each day in turn. */
function referenceIsWorking(day: DayNumber, closures: ReadonlySet<DayNumber> = new Set()): boolean {
  if (isWeekend(day) || closures.has(day)) return false;
  const year = Number(iso(day).slice(0, 4));
  return !englandPublicHolidays(year).includes(day);
}

const calendar = workingDayCalendar();
// Far enough inside the table (1999-2100) for 400 working days either way.
const anyDay = fc.integer({ min: dayFromYmd(2002, 1, 1), max: dayFromYmd(2098, 6, 30) });
const anyN = fc.integer({ min: 1, max: 400 });

describe("WorkingDayCalendar: table cases", () => {
  it.each([
    // [from, n, after, before]
    ["2026-12-14", 15, "2027-01-07", "2026-11-23"],
    ["2026-12-24", 1, "2026-12-29", "2026-12-23"],
    ["2026-12-25", 1, "2026-12-29", "2026-12-24"],
    ["2026-12-26", 1, "2026-12-29", "2026-12-24"],
    ["2022-09-16", 1, "2022-09-20", "2022-09-15"],
    ["2023-05-05", 1, "2023-05-09", "2023-05-04"],
    ["2027-03-25", 1, "2027-03-30", "2027-03-24"],
    ["2027-03-30", 2, "2027-04-01", "2027-03-24"],
    ["2028-02-28", 1, "2028-02-29", "2028-02-25"],
  ])("from %s, %i working day(s): after %s, before %s", (from, n, after, before) => {
    expect(iso(calendar.workingDaysAfter(d(from), n))).toBe(after);
    expect(iso(calendar.workingDaysBefore(d(from), n))).toBe(before);
  });

  it.each([
    ["2026-12-25", "2026-12-24", "2026-12-29"],
    ["2026-12-28", "2026-12-24", "2026-12-29"],
    ["2027-01-01", "2026-12-31", "2027-01-04"],
    ["2023-05-08", "2023-05-05", "2023-05-09"],
    ["2027-01-07", "2027-01-07", "2027-01-07"],
  ])("%s rolls back to %s and forward to %s", (day, back, forward) => {
    expect(iso(calendar.workingDayOnOrBefore(d(day)))).toBe(back);
    expect(iso(calendar.workingDayOnOrAfter(d(day)))).toBe(forward);
  });

  it("counts configured closure days as non-working", () => {
    const closed = new WorkingDayCalendar([d("2026-12-24"), d("2026-12-29")]);
    expect(closed.isWorkingDay(d("2026-12-24"))).toBe(false);
    expect(iso(closed.workingDaysAfter(d("2026-12-23"), 1))).toBe("2026-12-30");
    expect(iso(closed.workingDaysBefore(d("2026-12-30"), 1))).toBe("2026-12-23");
    expect(calendar.isWorkingDay(d("2026-12-24"))).toBe(true);
  });

  it("shares one calendar per set of closure days", () => {
    expect(workingDayCalendar([d("2026-12-24")])).toBe(
      workingDayCalendar([d("2026-12-24"), d("2026-12-24")]),
    );
    expect(workingDayCalendar([])).not.toBe(workingDayCalendar([d("2026-12-24")]));
  });

  it("grows its table across years on demand, both ways", () => {
    const fresh = new WorkingDayCalendar();
    expect(iso(fresh.workingDaysAfter(d("2050-06-01"), 1))).toBe("2050-06-02");
    expect(iso(fresh.workingDaysBefore(d("2003-01-02"), 2))).toBe("2002-12-30");
    expect(iso(fresh.workingDaysAfter(d("2003-01-02"), 5000))).toBe(
      iso(calendar.workingDaysAfter(d("2003-01-02"), 5000)),
    );
  });

  it("still finds working days when an authority closes for months", () => {
    const closures: DayNumber[] = [];
    for (let day = d("2030-01-01"); day <= d("2031-06-30"); day++) closures.push(day);
    const closed = new WorkingDayCalendar(closures);
    expect(iso(closed.workingDaysAfter(d("2029-12-31"), 1))).toBe("2031-07-01");
  });

  it("refuses to count beyond its year range", () => {
    expect(() => calendar.workingDaysAfter(d("2099-12-01"), 400)).toThrow(RulesInputError);
  });
});

describe("WorkingDayCalendar: properties", () => {
  it("agrees with a day-by-day reference on whether a day is working", () => {
    fc.assert(
      fc.property(anyDay, (day) => calendar.isWorkingDay(day) === referenceIsWorking(day)),
      {
        numRuns: 2000,
      },
    );
  });

  it("N working days after D is a working day with exactly N-1 working days strictly between", () => {
    fc.assert(
      fc.property(anyDay, anyN, (day, n) => {
        const result = calendar.workingDaysAfter(day, n);
        expect(result).toBeGreaterThan(day);
        expect(referenceIsWorking(result)).toBe(true);
        let between = 0;
        for (let x = day + 1; x < result; x++) if (referenceIsWorking(x)) between++;
        expect(between).toBe(n - 1);
      }),
      { numRuns: 300 },
    );
  });

  it("N working days before D is a working day with exactly N-1 working days strictly between", () => {
    fc.assert(
      fc.property(anyDay, anyN, (day, n) => {
        const result = calendar.workingDaysBefore(day, n);
        expect(result).toBeLessThan(day);
        expect(referenceIsWorking(result)).toBe(true);
        let between = 0;
        for (let x = result + 1; x < day; x++) if (referenceIsWorking(x)) between++;
        expect(between).toBe(n - 1);
      }),
      { numRuns: 300 },
    );
  });

  it("after and before are inverse on working days", () => {
    fc.assert(
      fc.property(anyDay, anyN, (day, n) => {
        const start = calendar.workingDayOnOrAfter(day);
        expect(calendar.workingDaysBefore(calendar.workingDaysAfter(start, n), n)).toBe(start);
      }),
    );
  });

  it("rolling back gives the latest working day on or before the date", () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const back = calendar.workingDayOnOrBefore(day);
        expect(back).toBeLessThanOrEqual(day);
        expect(referenceIsWorking(back)).toBe(true);
        for (let x = back + 1; x <= day; x++) expect(referenceIsWorking(x)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("honours random closure days", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(anyDay, { maxLength: 30 }),
        anyDay,
        fc.integer({ min: 1, max: 60 }),
        (closed, day, n) => {
          const cal = new WorkingDayCalendar(closed);
          const set = new Set(closed);
          const result = cal.workingDaysAfter(day, n);
          expect(referenceIsWorking(result, set)).toBe(true);
          let between = 0;
          for (let x = day + 1; x < result; x++) if (referenceIsWorking(x, set)) between++;
          expect(between).toBe(n - 1);
        },
      ),
      { numRuns: 50 },
    );
  });
});
