import { SUBMISSIONS } from "../workflow";
import { ALL_VERBS, VERBS, isVerb } from "./verbs";

describe("verbs", () => {
  it("are unique and each has a submission schema", () => {
    expect(new Set(ALL_VERBS).size).toBe(ALL_VERBS.length);
    expect(Object.keys(SUBMISSIONS).sort()).toEqual([...ALL_VERBS].sort());
    expect(isVerb(VERBS.declineBooking)).toBe(true);
    expect(isVerb("booking.nonsense")).toBe(false);
  });
});
