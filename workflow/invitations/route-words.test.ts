import type { Invitee } from "../../model";
import { routeWords } from "./letters";

const person = (extra: Partial<Invitee>): Invitee => ({
  id: "inv-1",
  name: "Someone",
  role: "Role",
  relation: "family",
  policeCheck: { needed: false },
  rsvp: "pending",
  ...extra,
});
const START = "2027-04-20T13:00:00.000Z";
const letter = (sent?: "posted" | "handed-over", forStart = START): Invitee["letter"] => ({
  madeAt: "2027-01-29T12:00:00.000Z",
  forStart,
  ...(sent !== undefined
    ? { sent: { how: sent, at: "2027-01-30T10:00:00.000Z", by: "sw-object-id" } }
    : {}),
});

describe("how a person on the list was invited, in words (the chair's brief)", () => {
  it("a professional by the Outlook invitation; one with no email has no route, said plainly", () => {
    expect(routeWords(person({ relation: "professional", email: "gp@nhs.example" }))).toBe(
      "Outlook invitation",
    );
    expect(routeWords(person({ relation: "professional" }))).toBe("No email address: not invited");
  });

  it("a family member or representative by their own email, else by letter and its state", () => {
    expect(routeWords(person({ email: "fran@home.example" }), START)).toBe("Own email");
    expect(routeWords(person({ relation: "legal-representative", email: "hal@law.example" }))).toBe(
      "Own email",
    );
    expect(routeWords(person({}), START)).toBe("Letter, not yet made");
    expect(routeWords(person({ letter: letter() }), START)).toBe("Letter, not yet sent");
    expect(routeWords(person({ letter: letter("posted") }), START)).toBe("Letter, posted");
    expect(routeWords(person({ letter: letter("handed-over") }), START)).toBe(
      "Letter, handed over",
    );
  });

  it("a letter for an earlier date does not count once the meeting moved", () => {
    const moved = person({ letter: letter("posted", "2027-04-13T13:00:00.000Z") });
    expect(routeWords(moved, START)).toBe("Letter, not yet made");
  });
});
