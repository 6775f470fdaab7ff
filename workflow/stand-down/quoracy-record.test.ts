import { isQuorate } from "./quoracy-record";

describe("quorate as the chair records it (docs/rules.md, stand-down)", () => {
  it("needs 2 agencies present or reporting, or all of them when fewer than 2 work with the family", () => {
    expect(isQuorate(2, 2)).toBe(true);
    expect(isQuorate(1, 2)).toBe(false);
    expect(isQuorate(1, 1)).toBe(true);
    expect(isQuorate(0, 1)).toBe(false);
    expect(isQuorate(0, 0)).toBe(true);
  });
});
