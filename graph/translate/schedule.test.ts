import { fromGetSchedule, toGetSchedule } from "./schedule";

describe("getSchedule", () => {
  it("asks in UTC", () => {
    expect(
      toGetSchedule(
        ["chair@council.example"],
        new Date("2027-01-04T00:00:00Z"),
        new Date("2027-01-09T00:00:00Z"),
      ),
    ).toEqual({
      schedules: ["chair@council.example"],
      startTime: { dateTime: "2027-01-04T00:00:00", timeZone: "UTC" },
      endTime: { dateTime: "2027-01-09T00:00:00", timeZone: "UTC" },
      availabilityViewInterval: 30,
    });
  });

  it("keeps busy, tentative, oof and workingElsewhere, sorted; drops free; leaves unreadable mailboxes out", () => {
    const map = fromGetSchedule([
      {
        scheduleId: "chair@council.example",
        scheduleItems: [
          {
            status: "Tentative",
            start: { dateTime: "2027-01-05T14:00:00.0000000", timeZone: "UTC" },
            end: { dateTime: "2027-01-05T15:00:00.0000000", timeZone: "UTC" },
          },
          {
            status: "busy",
            start: { dateTime: "2027-01-05T09:00:00.0000000", timeZone: "UTC" },
            end: { dateTime: "2027-01-05T10:00:00.0000000", timeZone: "UTC" },
          },
          {
            status: "free",
            start: { dateTime: "2027-01-05T11:00:00.0000000", timeZone: "UTC" },
            end: { dateTime: "2027-01-05T12:00:00.0000000", timeZone: "UTC" },
          },
          {
            status: "Oof",
            start: { dateTime: "2027-01-06T00:00:00.0000000", timeZone: "UTC" },
            end: { dateTime: "2027-01-07T00:00:00.0000000", timeZone: "UTC" },
          },
          {
            status: "WorkingElsewhere",
            start: { dateTime: "2027-01-08T09:00:00.0000000", timeZone: "UTC" },
            end: { dateTime: "2027-01-08T17:00:00.0000000", timeZone: "UTC" },
          },
        ],
      },
      { scheduleId: "gone@council.example", error: { responseCode: "ErrorMailRecipientNotFound" } },
      { scheduleId: "free@council.example", scheduleItems: [] },
    ]);
    expect([...map.keys()]).toEqual(["chair@council.example", "free@council.example"]);
    expect(map.get("chair@council.example")?.map((s) => s.status)).toEqual([
      "busy",
      "tentative",
      "oof",
      "workingElsewhere",
    ]);
    expect(map.get("chair@council.example")?.[0]).toEqual({
      start: new Date("2027-01-05T09:00:00.000Z"),
      end: new Date("2027-01-05T10:00:00.000Z"),
      status: "busy",
    });
    expect(map.get("free@council.example")).toEqual([]);
  });
});
