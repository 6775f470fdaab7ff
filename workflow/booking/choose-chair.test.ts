import { demoAuthority, DEMO_IDS } from "../../app/demo/authority";
import { demoCases } from "../../app/demo/cases";
import type { Meeting } from "../../model";
import { Authority } from "../kernel/authority";
import { bookingSlots } from "./booking-slots";
import { chairCandidates, chooseChair } from "./choose-chair";
import { resolvePolicy } from "../../rules";

const OTHER = "66666666-6666-4666-8666-666666666666";
const THIRD = "77777777-7777-4777-8777-777777777777";
const base = demoAuthority("west-sussex");
const authority = Authority.parse({
  ...base,
  staff: [
    ...base.staff,
    {
      entraObjectId: OTHER,
      name: "Olu Other",
      email: "olu@demo-council.example",
      roles: ["chair"],
    },
    {
      entraObjectId: THIRD,
      name: "Tia Third",
      email: "tia@demo-council.example",
      roles: ["chair"],
    },
  ],
});
const kase = demoCases(authority, new Date("2027-01-04T09:00:00Z"))[0]!;
const meeting = {
  id: "m",
  caseId: kase.id,
  status: "requested",
  declinedChairs: [],
} as unknown as Meeting;

describe("choosing a chair (West Sussex)", () => {
  it("puts the case's chair first, then the others by caseload, never one who declined", () => {
    const upcoming = new Map([
      [OTHER, 5],
      [THIRD, 1],
    ]);
    expect(chairCandidates(authority, kase, meeting, upcoming).map((c) => c.entraObjectId)).toEqual(
      [DEMO_IDS.chair, THIRD, OTHER],
    );
    const declined = { ...meeting, declinedChairs: [DEMO_IDS.chair, THIRD] } as Meeting;
    expect(
      chairCandidates(authority, kase, declined, upcoming).map((c) => c.entraObjectId),
    ).toEqual([OTHER]);
  });

  it("books with the chair the slots were offered for", () => {
    const offered = { ...meeting, offer: { chairId: OTHER } } as unknown as Meeting;
    expect(chooseChair(authority, kase, offered).entraObjectId).toBe(OTHER);
    expect(chooseChair(authority, kase, meeting).entraObjectId).toBe(DEMO_IDS.chair);
  });
});

describe("booking slots skip a chair's unavailable slots", () => {
  it("offers nothing inside a week of leave", () => {
    const calendar = resolvePolicy("west-sussex").calendar;
    const leave = {
      start: new Date("2027-01-11T00:00:00Z"),
      end: new Date("2027-01-16T00:00:00Z"),
      status: "leave",
    };
    const slots = bookingSlots({
      calendar,
      now: new Date("2027-01-07T09:00:00Z"),
      limit: new Date("2027-01-22T17:00:00Z"),
      slotMinutes: [600, 840],
      meetingMinutes: 90,
      busy: [leave],
    });
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.filter((s) => s.start < leave.end && s.end > leave.start)).toEqual([]);
  });
});
