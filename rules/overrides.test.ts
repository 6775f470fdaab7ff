import { parseIsoDate } from "./calendar/day-number";
import { RulesInputError } from "./errors";
import { parseLocalDateTime } from "./local-date-time";
import type { PolicyOverrides } from "./overrides";
import { resolvePolicy } from "./policy-registry";
import { schedule } from "./schedule";
import { timeline } from "./timeline";

const d = parseIsoDate;
const at = (s: string) => parseLocalDateTime(s);
const entry = (t: ReturnType<typeof timeline>, rule: string) =>
  t.entries.find((e) => e.rule === rule)?.at;

describe("authority overrides (data, no code)", () => {
  const anchors = { strategy: d("2026-12-14"), at: at("2027-01-07T10:00") };

  it("end of business moves deadlines and targets but not limits or explicit times", () => {
    const base = timeline(resolvePolicy("leicestershire"), "ICPC", anchors);
    const t = timeline(
      resolvePolicy("leicestershire", { endOfBusiness: "16:30" }),
      "ICPC",
      anchors,
    );
    expect(entry(base, "icpc.request")).toBe("2026-12-21T17:00:00+00:00");
    expect(entry(t, "icpc.request")).toBe("2026-12-21T16:30:00+00:00");
    expect(entry(t, "icpc.latest")).toBe("2027-01-07T17:00:00+00:00");
    expect(entry(t, "police-checks.request")).toBe("2026-12-23T16:00:00+00:00");
  });

  it("limit display time and send time are separate settings", () => {
    const t = timeline(
      resolvePolicy("swindon", { limitTime: "23:59", sendTime: "08:30" }),
      "ICPC",
      anchors,
    );
    expect(entry(t, "icpc.latest")).toBe("2027-01-07T23:59:00+00:00");
    expect(entry(t, "invite-list.reminder")).toBe("2026-12-21T08:30:00+00:00");
  });

  it("closure days are not working days", () => {
    const t = timeline(
      resolvePolicy("leicestershire", { closureDays: ["2026-12-24", "2026-12-29"] }),
      "ICPC",
      anchors,
    );
    // 15 working days now also skip 24 and 29 Dec.
    expect(entry(t, "icpc.latest")).toBe("2027-01-11T17:00:00+00:00");
    // The default policy is untouched.
    expect(entry(timeline(resolvePolicy("leicestershire"), "ICPC", anchors), "icpc.latest")).toBe(
      "2027-01-07T17:00:00+00:00",
    );
  });

  it("a rule's offset, time and who can be changed", () => {
    const p = resolvePolicy("swindon", {
      rules: {
        "invite-list.due": {
          offset: { count: "working-days", n: 4, direction: "after" },
          time: "12:00",
          who: ["SW"],
        },
      },
    });
    const t = timeline(p, "ICPC", anchors);
    expect(t.entries.find((e) => e.rule === "invite-list.due")).toMatchObject({
      at: "2026-12-18T12:00:00+00:00",
      who: ["SW"],
    });
  });

  it("a rule can be disabled; a rule anchored on it goes too", () => {
    const p = resolvePolicy("leicestershire", { disable: ["police-checks.request"] });
    const rules = timeline(p, "ICPC", anchors).entries.map((e) => e.rule);
    expect(rules).not.toContain("police-checks.request");
    expect(rules).not.toContain("police-checks.request.best");
  });

  it("recurring jobs follow the send time", () => {
    const s = schedule(
      resolvePolicy("swindon", { sendTime: "08:00" }),
      d("2027-01-04"),
      d("2027-01-04"),
    );
    expect(s.entries.every((e) => e.at === "2027-01-04T08:00:00+00:00")).toBe(true);
  });

  it.each([
    [{ endOfBusiness: "5pm" }],
    [{ endOfBusiness: "24:00" }],
    [{ closureDays: ["2026-02-30"] }],
    [{ disable: ["no.such.rule"] }],
    [{ rules: { "icpc.latest": { offset: { count: "fortnights", n: 1 } } } }],
    [{ unknownSetting: true }],
  ])("refuses bad overrides %j", (overrides) => {
    expect(() => resolvePolicy("swindon", overrides as never)).toThrow(RulesInputError);
  });

  it.each([
    ["disable", { disable: ["icpc.latest"] }],
    ["move", { rules: { "rcpc.next.latest": { time: "23:00" } } }],
    [
      "lengthen",
      {
        rules: {
          "cla.first.latest": { offset: { count: "working-days", n: 30, direction: "after" } },
        },
      },
    ],
  ] satisfies [string, PolicyOverrides][])(
    "refuses to %s a statutory limit",
    (_verb, overrides) => {
      expect(() => resolvePolicy("swindon", overrides)).toThrow(/statutory limit/);
    },
  );

  it("refuses an unknown policy", () => {
    expect(() => resolvePolicy("kent")).toThrow(/unknown policy "kent"/);
  });
});
