import {
  EventAttendeesSchema,
  MAX_EVENT_SUBSCRIPTION_MS,
  clampSubscriptionExpiry,
  eventAttendeesUrl,
  fromEventAttendees,
  fromSubscription,
  toReply,
  toSubscriptionCreate,
} from "./replies";

const NOW = new Date("2026-12-01T09:00:00.000Z");
const MINUTE = 60_000;

describe("an attendee's response → Convene's reply", () => {
  it.each([
    ["accepted", "accepted"],
    ["tentativelyAccepted", "tentative"],
    ["declined", "declined"],
    ["none", "none"],
    ["notResponded", "none"],
    ["organizer", "none"],
    ["unknownFutureValue", "none"],
    [null, "none"],
    [undefined, "none"],
  ] as const)("%s → %s", (response, reply) => {
    expect(toReply(response)).toBe(reply);
  });
});

describe("an event's attendees → replies", () => {
  const attendee = (address: string | null, response?: string, type = "required") => ({
    type,
    emailAddress: { address, name: "Someone" },
    ...(response !== undefined
      ? { status: { response, time: "2027-01-22T11:00:00Z" } }
      : { status: null }),
  });

  it("reads each person's reply, once per address, rooms flagged, without empty addresses", () => {
    const event = EventAttendeesSchema.parse({
      "@odata.etag": 'W/"x"',
      id: "AAMk1",
      attendees: [
        attendee("dana.officer@police.example", "declined"),
        attendee("eli.gp@nhs.example", "tentativelyAccepted"),
        attendee("Dana.Officer@Police.example", "accepted"), // the same person again
        attendee("room.1@council.example", "accepted", "resource"),
        attendee(null, "accepted"),
        attendee("  ", "accepted"),
        attendee("fay.teacher@school.example"), // status null: no reply
        attendee("gus.hv@nhs.example", "none"),
      ],
    });
    expect(fromEventAttendees(event)).toEqual([
      { email: "dana.officer@police.example", reply: "declined" },
      { email: "eli.gp@nhs.example", reply: "tentative" },
      { email: "room.1@council.example", reply: "accepted", resource: true },
      { email: "fay.teacher@school.example", reply: "none" },
      { email: "gus.hv@nhs.example", reply: "none" },
    ]);
  });

  it("reads an event without attendees as nobody", () => {
    expect(fromEventAttendees(EventAttendeesSchema.parse({ id: "x" }))).toEqual([]);
    expect(fromEventAttendees(EventAttendeesSchema.parse({ attendees: null }))).toEqual([]);
  });

  it("refuses an answer whose attendees are not a list", () => {
    expect(EventAttendeesSchema.safeParse({ attendees: "all of them" }).success).toBe(false);
  });

  it("asks for the attendees only, the ids percent-encoded", () => {
    expect(eventAttendeesUrl("conferences@council.example", "AAMk/a+b=")).toBe(
      "/users/conferences%40council.example/events/AAMk%2Fa%2Bb%3D?$select=attendees",
    );
  });
});

describe("subscriptions", () => {
  it("asks for 'updated' on the organiser's events, with the clientState", () => {
    const expiresAt = new Date(NOW.getTime() + 2 * 24 * 60 * MINUTE);
    expect(
      toSubscriptionCreate(
        "conferences@council.example",
        "https://convene.council.example/api/graph/notifications",
        "s3cret-state",
        expiresAt,
        NOW,
      ),
    ).toEqual({
      changeType: "updated",
      notificationUrl: "https://convene.council.example/api/graph/notifications",
      resource: "/users/conferences@council.example/events",
      expirationDateTime: "2026-12-03T09:00:00.000Z",
      clientState: "s3cret-state",
    });
  });

  it("clamps the expiry under Graph's 7 days (10,080 minutes), with a margin for clocks", () => {
    expect(MAX_EVENT_SUBSCRIPTION_MS).toBe(10_080 * MINUTE);
    const month = new Date(NOW.getTime() + 30 * 24 * 60 * MINUTE);
    const clamped = clampSubscriptionExpiry(month, NOW);
    expect(clamped.getTime() - NOW.getTime()).toBe(10_070 * MINUTE);
    expect(clamped.getTime() - NOW.getTime()).toBeLessThan(7 * 24 * 60 * MINUTE);
    const soon = new Date(NOW.getTime() + 60 * MINUTE);
    expect(clampSubscriptionExpiry(soon, NOW)).toEqual(soon);
  });

  it("reads Graph's answer, its seven fractional digits and all", () => {
    expect(
      fromSubscription({ id: "sub-1", expirationDateTime: "2026-12-03T09:00:00.1234567Z" }),
    ).toEqual({ id: "sub-1", expiresAt: new Date("2026-12-03T09:00:00.123Z") });
    expect(fromSubscription({ id: "sub-1", expirationDateTime: "2026-12-03T09:00:00" })).toEqual({
      id: "sub-1",
      expiresAt: new Date("2026-12-03T09:00:00.000Z"),
    });
    expect(
      fromSubscription({ id: "sub-1", expirationDateTime: "2026-12-03T10:00:00+01:00" })?.expiresAt,
    ).toEqual(new Date("2026-12-03T09:00:00.000Z"));
    expect(fromSubscription({ id: "sub-1", expirationDateTime: "next Tuesday" })).toBeUndefined();
    expect(fromSubscription({ id: "sub-1", expirationDateTime: "2026-13-45T99:00:00Z" })).toBe(
      undefined,
    );
  });
});
