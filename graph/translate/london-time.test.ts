import { fromUtcDateTime, toLondonDateTime, toUtcDateTime } from "./london-time";

describe("Europe/London wall time for Graph", () => {
  it.each([
    ["2027-01-07T10:00:00.000Z", "2027-01-07T10:00:00"], // GMT
    ["2027-06-10T09:00:00.000Z", "2027-06-10T10:00:00"], // BST
    ["2027-03-28T00:59:00.000Z", "2027-03-28T00:59:00"], // just before the clocks go forward
    ["2027-03-28T01:00:00.000Z", "2027-03-28T02:00:00"], // just after
    ["2027-10-31T00:30:00.000Z", "2027-10-31T01:30:00"], // first 01:30 (BST)
    ["2027-10-31T01:30:00.000Z", "2027-10-31T01:30:00"], // second 01:30 (GMT)
  ])("%s is %s in London", (utc, local) => {
    expect(toLondonDateTime(new Date(utc))).toEqual({ dateTime: local, timeZone: "Europe/London" });
  });

  it("writes UTC for getSchedule and reads Graph's seven-digit answers back", () => {
    expect(toUtcDateTime(new Date("2027-01-07T10:00:00.000Z"))).toEqual({
      dateTime: "2027-01-07T10:00:00",
      timeZone: "UTC",
    });
    expect(fromUtcDateTime({ dateTime: "2027-01-07T10:00:00.0000000", timeZone: "UTC" })).toEqual(
      new Date("2027-01-07T10:00:00.000Z"),
    );
    expect(fromUtcDateTime({ dateTime: "2027-01-07T10:00:00.1234567", timeZone: "UTC" })).toEqual(
      new Date("2027-01-07T10:00:00.123Z"),
    );
    expect(fromUtcDateTime({ dateTime: "2027-01-07T10:00:00", timeZone: "utc" })).toEqual(
      new Date("2027-01-07T10:00:00.000Z"),
    );
  });

  it("refuses what it was not asked for rather than guess a zone", () => {
    expect(
      fromUtcDateTime({ dateTime: "2027-01-07T10:00:00", timeZone: "Pacific Standard Time" }),
    ).toBeUndefined();
    expect(fromUtcDateTime({ dateTime: "7 Jan 2027", timeZone: "UTC" })).toBeUndefined();
  });
});
