import { demoAuthority } from "../../app/demo/authority";
import { Authority } from "./authority";

// docs/rules.md, policies `chair-consultation` (chair-consultation 4a-b): "Mapped in the last 6 months
// (configurable)": the council's `caseMappingReviewMonths`, 1 to 24, default 6.
describe("Authority caseMappingReviewMonths", () => {
  const demo = demoAuthority("chair-consultation");
  const { caseMappingReviewMonths: _omitted, ...withoutIt } = demo;

  it("defaults to 6 months and accepts a whole number from 1 to 24", () => {
    expect(Authority.parse(withoutIt).caseMappingReviewMonths).toBe(6);
    expect(Authority.parse({ ...demo, caseMappingReviewMonths: 1 }).caseMappingReviewMonths).toBe(
      1,
    );
    expect(Authority.parse({ ...demo, caseMappingReviewMonths: 24 }).caseMappingReviewMonths).toBe(
      24,
    );
  });

  it.each([0, 25, 2.5, -6, "6"])("refuses %p with a clear message", (value) => {
    const result = Authority.safeParse({ ...demo, caseMappingReviewMonths: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({
        path: ["caseMappingReviewMonths"],
        message: "caseMappingReviewMonths is a whole number of months from 1 to 24",
      }),
    ]);
    expect(() => Authority.parse({ ...demo, caseMappingReviewMonths: value })).toThrow(
      "caseMappingReviewMonths is a whole number of months from 1 to 24",
    );
  });
});
