import { forecastQuoracy } from "./quoracy";

describe("forecastQuoracy (docs/rules.md, stand-down)", () => {
  const a = (
    key: string,
    reply: "accepted" | "tentative" | "declined" | "none",
    reportReceived = false,
  ) => ({
    key,
    reply,
    reportReceived,
  });

  it("is quorate with two agencies expected, by acceptance or by report", () => {
    expect(forecastQuoracy([a("police", "accepted"), a("health", "declined", true)]).quorate).toBe(
      true,
    );
  });

  it("is at risk when police and health decline and only school accepts", () => {
    const f = forecastQuoracy([
      a("police", "declined"),
      a("health", "declined"),
      a("school", "accepted"),
    ]);
    expect(f).toEqual(expect.objectContaining({ quorate: false, expected: 1, needed: 2 }));
    expect(f.atRisk.map((x) => x.key)).toEqual(["health", "police"]);
  });

  it("does not count tentative replies, and puts declines before silence before doubt", () => {
    const f = forecastQuoracy([
      a("school", "tentative"),
      a("police", "none"),
      a("health", "declined"),
      a("gp", "accepted"),
    ]);
    expect(f.quorate).toBe(false);
    expect(f.atRisk.map((x) => x.reply)).toEqual(["declined", "none", "tentative"]);
  });

  it("needs only the one agency that works with the family, when there is one", () => {
    expect(forecastQuoracy([a("health", "accepted")])).toEqual(
      expect.objectContaining({ quorate: true, needed: 1 }),
    );
    expect(forecastQuoracy([a("health", "none")]).quorate).toBe(false);
    expect(forecastQuoracy([]).quorate).toBe(true);
  });
});
