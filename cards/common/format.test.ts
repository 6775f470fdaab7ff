import {
  formatDate,
  formatInstant,
  formatInstantDate,
  formatLateness,
  formatRange,
  londonDate,
} from "./format";

describe("card dates (en-GB, Europe/London)", () => {
  it("formats instants as the timeline does, in GMT and BST", () => {
    expect(formatInstant("2027-01-07T17:00:00.000Z")).toBe("Thu 7 Jan 2027 17:00");
    expect(formatInstant("2027-06-07T16:00:00.000Z")).toBe("Mon 7 Jun 2027 17:00");
    expect(formatInstantDate("2027-03-28T23:30:00.000Z")).toBe("Mon 29 Mar 2027");
    expect(londonDate("2027-03-28T23:30:00.000Z")).toBe("2027-03-29");
    expect(formatDate("2027-04-07")).toBe("Wed 7 Apr 2027");
    expect(formatDate("1899-01-01")).toBe("1899-01-01");
  });

  it("formats a slot as one range", () => {
    expect(formatRange("2027-01-05T10:00:00.000Z", "2027-01-05T12:00:00.000Z")).toBe(
      "Tue 5 Jan 2027 10:00–12:00",
    );
  });

  it("says how late, or how long is left", () => {
    const due = "2026-12-21T17:00:00.000Z";
    expect(formatLateness(due, "2026-12-22T09:00:00.000Z")).toBe("16 hours late");
    expect(formatLateness(due, "2026-12-23T18:30:00.000Z")).toBe("2 days 1 hour late");
    expect(formatLateness(due, "2026-12-21T09:00:00.000Z")).toBe("due in 8 hours");
    expect(formatLateness(due, "2026-12-21T16:59:30.000Z")).toBe("due in 1 minute");
    expect(formatLateness(due, due)).toBe("due now");
  });

  it("refuses something that is not an instant", () => {
    expect(() => formatInstant("next Tuesday")).toThrow(RangeError);
  });
});
