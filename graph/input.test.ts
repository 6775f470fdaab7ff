import { CalendarError, type ConferenceDraft } from "../ports/calendar";
import { checkDraft, checkEmails, checkRange } from "./input";

const draft: ConferenceDraft = {
  meetingId: "meeting-1",
  transactionId: "tx-1",
  organizer: "conferences@council.example",
  subject: "ICPC – case C-1042",
  start: new Date("2027-01-07T10:00:00.000Z"),
  end: new Date("2027-01-07T12:00:00.000Z"),
  bodyText: "",
  roles: {},
  attendees: [{ email: "chair@council.example", name: "Chair" }],
};

function codeOf(work: () => void): string | undefined {
  try {
    work();
  } catch (error) {
    return error instanceof CalendarError ? error.code : "not a CalendarError";
  }
  return undefined;
}

describe("input checks at the port's edge", () => {
  it("accepts a good draft", () => {
    expect(codeOf(() => checkDraft(draft))).toBeUndefined();
  });

  it.each([
    ["an end before the start", { end: new Date("2027-01-07T09:00:00.000Z") }],
    ["no transactionId", { transactionId: "" }],
    ["an organizer that is not an address", { organizer: "conferences" }],
    ["an attendee that is not an address", { attendees: [{ email: "x", name: "X" }] }],
    ["an empty subject", { subject: "" }],
  ])("refuses %s as rejected InvalidInput", (_what, change) => {
    expect(codeOf(() => checkDraft({ ...draft, ...change }))).toBe("Calendar.InvalidInput");
  });

  it("names the field, never the value", () => {
    expect.assertions(3);
    try {
      checkDraft({ ...draft, organizer: "Tallulah Quennell-Ashby" });
    } catch (error) {
      expect(error).toBeInstanceOf(CalendarError);
      expect((error as Error).message).toContain("organizer");
      expect((error as Error).message).not.toContain("Tallulah");
    }
  });

  it("emails: valid recipients and unique ids", () => {
    const email = {
      id: "e1",
      to: { email: "p@family.example", name: "P" },
      subject: "S",
      bodyText: "",
    };
    expect(codeOf(() => checkEmails([email]))).toBeUndefined();
    expect(codeOf(() => checkEmails([email, email]))).toBe("Calendar.InvalidInput");
    expect(codeOf(() => checkEmails([{ ...email, to: { email: "nope", name: "P" } }]))).toBe(
      "Calendar.InvalidInput",
    );
  });

  it("free/busy ranges run forwards", () => {
    const t = new Date("2027-01-07T10:00:00.000Z");
    expect(codeOf(() => checkRange(t, t))).toBe("Calendar.InvalidInput");
  });
});
