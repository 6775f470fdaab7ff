import { TZDate } from "@date-fns/tz";
import fc from "fast-check";
import { dayFromYmd, parseIsoDate } from "./day-number";
import { formatHumanDate, formatHumanInstant } from "./en-gb";
import {
  formatLondonIso,
  londonInstant,
  londonInstantOrUndefined,
  londonLocal,
  londonOffsetMinutes,
} from "./london-time";

const utc = (s: string) => Date.parse(s);

describe("Europe/London offsets", () => {
  it.each([
    ["2027-03-28T00:59:59Z", 0],
    ["2027-03-28T01:00:00Z", 60],
    ["2027-10-31T00:59:59Z", 60],
    ["2027-10-31T01:00:00Z", 0],
    ["2026-10-25T00:30:00Z", 60],
    ["2026-10-25T01:30:00Z", 0],
    ["2027-01-07T17:00:00Z", 0],
    ["2027-06-07T16:00:00Z", 60],
  ])("%s is +%i minutes", (instant, offset) => {
    expect(londonOffsetMinutes(utc(instant))).toBe(offset);
  });

  it("formats instants with the offset of that instant", () => {
    expect(formatLondonIso(utc("2027-01-07T17:00:00Z"))).toBe("2027-01-07T17:00:00+00:00");
    expect(formatLondonIso(utc("2027-06-07T16:00:00Z"))).toBe("2027-06-07T17:00:00+01:00");
    expect(formatLondonIso(utc("2027-10-31T00:30:00Z"))).toBe("2027-10-31T01:30:00+01:00");
    expect(formatLondonIso(utc("2027-10-31T01:30:00Z"))).toBe("2027-10-31T01:30:00+00:00");
  });

  it("rejects the skipped hour when clocks go forward", () => {
    expect(londonInstantOrUndefined(parseIsoDate("2027-03-28"), 90)).toBeUndefined();
    expect(() => londonInstant(parseIsoDate("2027-03-28"), 60)).toThrow(/does not exist/);
    expect(londonInstant(parseIsoDate("2027-03-28"), 120)).toBe(utc("2027-03-28T01:00:00Z"));
  });

  it("takes the earlier (BST) instant for the repeated hour when clocks go back", () => {
    expect(londonInstant(parseIsoDate("2027-10-31"), 90)).toBe(utc("2027-10-31T00:30:00Z"));
  });

  it("formats people's dates in en-GB", () => {
    expect(formatHumanDate(parseIsoDate("2027-01-07"))).toBe("Thu 7 Jan 2027");
    expect(formatHumanInstant(utc("2027-06-07T16:00:00Z"))).toBe("Mon 7 Jun 2027 17:00");
  });
});

describe("Europe/London against @date-fns/tz (IANA)", () => {
  const anyInstant = fc.integer({
    min: utc("2000-01-01T00:00:00Z"),
    max: utc("2099-12-31T23:59:00Z"),
  });

  it("offsets match for random instants", () => {
    fc.assert(
      fc.property(anyInstant, (ms) => {
        const tz = new TZDate(ms, "Europe/London");
        expect(londonOffsetMinutes(ms)).toBe(-tz.getTimezoneOffset());
      }),
      { numRuns: 5000 },
    );
  });

  it("offsets match near every change of the clocks", () => {
    const near = fc
      .tuple(
        fc.integer({ min: 2000, max: 2099 }),
        fc.constantFrom(3, 10),
        fc.integer({ min: -180, max: 180 }),
      )
      .map(([year, month, minutes]) => {
        const lastDay = dayFromYmd(year, month, 31);
        const sunday = lastDay - ((lastDay + 4) % 7);
        return sunday * 86_400_000 + 3_600_000 + minutes * 60_000;
      });
    fc.assert(
      fc.property(near, (ms) => {
        expect(londonOffsetMinutes(ms)).toBe(-new TZDate(ms, "Europe/London").getTimezoneOffset());
      }),
      { numRuns: 2000 },
    );
  });

  it("`at` strings carry the Europe/London offset and wall time of the instant", () => {
    fc.assert(
      fc.property(anyInstant, (raw) => {
        const ms = raw - (raw % 60_000);
        const tz = new TZDate(ms, "Europe/London");
        const offset = -tz.getTimezoneOffset();
        const pad = (n: number) => String(n).padStart(2, "0");
        const expected =
          `${tz.getFullYear()}-${pad(tz.getMonth() + 1)}-${pad(tz.getDate())}T${pad(tz.getHours())}:${pad(tz.getMinutes())}:00` +
          (offset === 60 ? "+01:00" : "+00:00");
        expect(formatLondonIso(ms)).toBe(expected);
        const local = londonLocal(ms);
        expect(local.minuteOfDay).toBe(tz.getHours() * 60 + tz.getMinutes());
      }),
      { numRuns: 3000 },
    );
  });

  it("local wall times map to the instant @date-fns/tz gives", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: dayFromYmd(2000, 1, 1), max: dayFromYmd(2099, 12, 31) }),
        fc.integer({ min: 0, max: 1439 }),
        (day, minute) => {
          const instant = londonInstantOrUndefined(day, minute);
          const date = new Date(day * 86_400_000);
          const tz = new TZDate(
            date.getUTCFullYear(),
            date.getUTCMonth(),
            date.getUTCDate(),
            Math.floor(minute / 60),
            minute % 60,
            "Europe/London",
          );
          if (instant === undefined) {
            // The skipped hour: @date-fns/tz moves it forward an hour.
            expect(tz.getHours() * 60 + tz.getMinutes()).toBe(minute + 60);
          } else if (instant !== tz.getTime()) {
            // The repeated hour in October: we document the earlier (BST)
            // instant; @date-fns/tz may pick the later one.
            expect(instant).toBe(tz.getTime() - 3_600_000);
            expect(londonOffsetMinutes(instant)).toBe(60);
            expect(londonOffsetMinutes(tz.getTime())).toBe(0);
          }
        },
      ),
      { numRuns: 5000 },
    );
  });
});
