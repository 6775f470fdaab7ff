import type { ConferenceDraft } from "../../ports/calendar";
import { toAttendeesPatch, toCancelBody, toEventCreate, toReschedulePatch } from "./event";

const draft: ConferenceDraft = {
  meetingId: "meeting-1",
  transactionId: "tx-meeting-1",
  organizer: "conferences@council.example",
  subject: "ICPC – case C-1042",
  start: new Date("2027-01-07T10:00:00.000Z"),
  end: new Date("2027-01-07T12:00:00.000Z"),
  bodyText: "Initial child protection conference.",
  roles: {},
  attendees: [
    { email: "chair@council.example", name: "Chair Person" },
    { email: "sw@council.example", name: "Social Worker" },
    { email: "CHAIR@council.example", name: "Chair Person (again)" },
  ],
  location: "Room 2, County Hall",
};

describe("toEventCreate", () => {
  it("is a Teams meeting with the transactionId, the subject as given and London times", () => {
    expect(toEventCreate(draft)).toEqual({
      subject: "ICPC – case C-1042",
      body: { contentType: "text", content: "Initial child protection conference." },
      start: { dateTime: "2027-01-07T10:00:00", timeZone: "Europe/London" },
      end: { dateTime: "2027-01-07T12:00:00", timeZone: "Europe/London" },
      location: { displayName: "Room 2, County Hall" },
      attendees: [
        {
          emailAddress: { address: "chair@council.example", name: "Chair Person" },
          type: "required",
        },
        {
          emailAddress: { address: "sw@council.example", name: "Social Worker" },
          type: "required",
        },
      ],
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      transactionId: "tx-meeting-1",
      allowNewTimeProposals: false,
      responseRequested: true,
      importance: "normal",
    });
  });

  it("leaves location out for a virtual conference", () => {
    const { location: _location, ...virtual } = draft;
    expect(toEventCreate(virtual)).not.toHaveProperty("location");
  });
});

describe("changes after creation", () => {
  it("an attendee PATCH holds attendees and nothing else (never body)", () => {
    const patch = toAttendeesPatch({
      attendees: [{ email: "a@agency.example", name: "A" }],
      roles: {},
    });
    expect(Object.keys(patch)).toEqual(["attendees"]);
  });

  it("a reschedule PATCH holds start and end only", () => {
    expect(
      toReschedulePatch(new Date("2027-06-10T09:00:00.000Z"), new Date("2027-06-10T10:30:00.000Z")),
    ).toEqual({
      start: { dateTime: "2027-06-10T10:00:00", timeZone: "Europe/London" },
      end: { dateTime: "2027-06-10T11:30:00", timeZone: "Europe/London" },
    });
  });

  it("a cancel carries the message for attendees", () => {
    expect(toCancelBody("Stood down: no longer needed.")).toEqual({
      comment: "Stood down: no longer needed.",
    });
  });
});
