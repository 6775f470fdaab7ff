import fc from "fast-check";
import { dayFromYmd, parseIsoDate } from "./calendar/day-number";
import { RulesInputError } from "./errors";
import { parseLocalDateTime } from "./local-date-time";
import { POLICY_IDS, resolvePolicy } from "./policy-registry";
import { timeline } from "./timeline";

const d = parseIsoDate;
const at = (s: string) => parseLocalDateTime(s);
const leics = resolvePolicy("leicestershire");

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof RulesInputError) return error.code;
    throw error;
  }
  return undefined;
}

describe("timeline", () => {
  it("matches the issue's example exactly, including the documented fields", () => {
    const t = timeline(leics, "ICPC", { strategy: d("2026-12-14"), at: at("2027-01-07T10:00") });
    expect(t.policy).toBe("leicestershire");
    expect(t.meeting).toBe("ICPC");
    expect(t.at).toBe("2027-01-07T10:00:00+00:00");
    expect(t.entries.find((e) => e.rule === "icpc.latest")).toMatchObject({
      rule: "icpc.latest",
      kind: "limit",
      at: "2027-01-07T17:00:00+00:00",
      who: ["clerk"],
      text: "ICPC must be held by Thu 7 Jan 2027",
    });
    expect(t.entries.find((e) => e.rule === "police-checks.request")?.at).toBe(
      "2026-12-23T16:00:00+00:00",
    );
  });

  it("sorts by instant, then rule id, and lists each rule once", () => {
    const t = timeline(leics, "ICPC", { strategy: d("2026-12-14"), at: at("2027-01-07T10:00") });
    const instants = t.entries.map((e) => Date.parse(e.at));
    expect([...instants].sort((a, b) => a - b)).toEqual(instants);
    // report.chair-clerk and report.family share an instant: id order.
    const i = t.entries.findIndex((e) => e.rule === "report.chair-clerk");
    expect(t.entries[i + 1]?.rule).toBe("report.family");
    expect(new Set(t.entries.map((e) => e.rule)).size).toBe(t.entries.length);
  });

  it("leaves out meeting-anchored rules without `at`", () => {
    const t = timeline(leics, "ICPC", { strategy: d("2026-12-14") });
    expect(t.at).toBeUndefined();
    expect(t.entries.map((e) => e.rule).sort()).toEqual(
      [
        "icpc.alert-manager",
        "icpc.latest",
        "icpc.request",
        "police-checks.request",
        "police-checks.request.best",
      ].sort(),
    );
  });

  it("leaves out strategy-anchored rules without a strategy date", () => {
    const t = timeline(leics, "ICPC", { at: at("2027-01-07T10:00") });
    expect(t.entries.map((e) => e.rule)).not.toContain("icpc.latest");
    // police-checks.request (ICPC) counts from the strategy, so its best-practice target goes too.
    expect(t.entries.map((e) => e.rule)).not.toContain("police-checks.request.best");
  });

  it("uses a different definition of the same rule id per meeting kind", () => {
    const rcpc = timeline(leics, "RCPC", { at: at("2027-01-07T10:00") });
    // 7 working days before 7 Jan 2027: back over 1 Jan, 28 Dec and 25 Dec.
    expect(rcpc.entries.find((e) => e.rule === "police-checks.request")?.at).toBe(
      "2026-12-24T16:00:00+00:00",
    );
    expect(rcpc.entries.find((e) => e.rule === "police-checks.request.best")?.at).toBe(
      "2026-12-23T16:00:00+00:00",
    );
  });

  it("counts exact hours across the end of BST (24 hours before 00:30 on 1 Nov 2027)", () => {
    // 23 hours earlier on the wall clock: the day the clocks went back was long.
    const t = timeline(leics, "RCPC", { at: at("2027-11-01T00:30") });
    expect(t.entries.find((e) => e.rule === "report.family")?.at).toBe("2027-10-31T01:30:00+01:00");
  });

  it("counts exact hours across the start of BST (24 hours before 00:30 on 29 Mar 2027)", () => {
    const t = timeline(leics, "RCPC", { at: at("2027-03-29T00:30") });
    // 00:30 BST is 23:30 UTC on the 28th; 24 hours earlier is 23:30 GMT on
    // the 27th: 25 hours earlier on the wall clock, because the day was short.
    expect(t.entries.find((e) => e.rule === "report.family")?.at).toBe("2027-03-27T23:30:00+00:00");
  });

  it("asks the SW to join 15 minutes early for a virtual meeting, 30 in person", () => {
    const virtual = timeline(leics, "ICPC", { at: at("2027-06-07T10:00") });
    const inPerson = timeline(leics, "ICPC", { at: at("2027-06-07T10:00"), inPerson: true });
    expect(virtual.entries.find((e) => e.rule === "sw.join-early")?.at).toBe(
      "2027-06-07T09:45:00+01:00",
    );
    expect(inPerson.entries.find((e) => e.rule === "sw.join-early")?.at).toBe(
      "2027-06-07T09:30:00+01:00",
    );
  });

  it("names what an escalation watches and who a missed deadline goes to", () => {
    const swindon = resolvePolicy("swindon");
    const icpc = timeline(swindon, "ICPC", { strategy: d("2027-01-11") });
    expect(icpc.entries.find((e) => e.rule === "invite-list.escalate")?.watches).toBe(
      "invite-list.due",
    );
    const rcpc = timeline(swindon, "RCPC", { at: at("2027-02-10T10:00") });
    expect(rcpc.entries.find((e) => e.rule === "invite.rcpc")?.escalateTo).toEqual(["TM", "SM"]);
  });

  it("gives every entry a source and en-GB text with its date", () => {
    for (const id of POLICY_IDS) {
      const t = timeline(resolvePolicy(id), "ICPC", {
        strategy: d("2027-01-11"),
        at: at("2027-02-10T10:00"),
      });
      for (const e of t.entries) {
        expect(e.source.length).toBeGreaterThan(0);
        expect(e.text).not.toMatch(/[{}]/);
      }
    }
  });

  describe("CLA review numbers", () => {
    const england = resolvePolicy("england");
    it("shows cla.first.latest for review 1, inferred from looked-after alone", () => {
      const t = timeline(england, "CLA", { lookedAfter: d("2027-01-04") });
      expect(t.entries.map((e) => e.rule)).toEqual(["cla.first.latest"]);
      expect(t.anchors.review).toBe(1);
    });
    it("shows cla.second.latest for review 2 and cla.next.latest after", () => {
      expect(
        timeline(england, "CLA", { previous: d("2027-01-04"), review: 2 }).entries.map(
          (e) => e.rule,
        ),
      ).toEqual(["cla.second.latest"]);
      expect(
        timeline(england, "CLA", { previous: d("2027-01-04"), review: 7 }).entries.map(
          (e) => e.rule,
        ),
      ).toEqual(["cla.next.latest"]);
    });
    it.each([
      ["previous without a review number", { previous: d("2027-01-04") }, "bad-review"],
      ["review 1 without looked-after", { review: 1, at: at("2027-02-01T10:00") }, "bad-review"],
      ["review 2 without previous", { review: 2, lookedAfter: d("2027-01-04") }, "bad-review"],
      ["review 0", { review: 0, lookedAfter: d("2027-01-04") }, "bad-review"],
      ["review 1.5", { review: 1.5, lookedAfter: d("2027-01-04") }, "bad-review"],
      [
        "review 1 with a previous date",
        { review: 1, lookedAfter: d("2027-01-04"), previous: d("2027-01-04") },
        "unused-anchor",
      ],
      ["only at, which no england CLA rule uses", { at: at("2027-02-01T10:00") }, "no-anchor"],
    ])("refuses %s", (_name, anchors, expected) => {
      expect(code(() => timeline(england, "CLA", anchors))).toBe(expected);
    });
  });

  it.each([
    ["no anchor at all", "ICPC", {}, "no-anchor"],
    [
      "a strategy date on an RCPC",
      "RCPC",
      { strategy: d("2027-01-04"), at: at("2027-02-01T10:00") },
      "unused-anchor",
    ],
    ["a previous date on an ICPC", "ICPC", { previous: d("2027-01-04") }, "unused-anchor"],
    ["a review number on an ICPC", "ICPC", { review: 2, strategy: d("2027-01-04") }, "bad-review"],
    [
      "an ICPC before its strategy discussion",
      "ICPC",
      { strategy: d("2027-01-07"), at: at("2027-01-05T10:00") },
      "meeting-before-anchor",
    ],
    [
      "an RCPC on the day of the previous conference",
      "RCPC",
      { previous: d("2027-01-07"), at: at("2027-01-07T14:00") },
      "meeting-before-anchor",
    ],
    [
      "a first CLA review before the child became looked after",
      "CLA",
      { lookedAfter: d("2027-01-07"), review: 1, at: at("2027-01-04T10:00") },
      "meeting-before-anchor",
    ],
  ] as const)("refuses %s", (_name, meeting, anchors, expected) => {
    expect(code(() => timeline(leics, meeting, anchors))).toBe(expected);
  });

  it("refuses a meeting kind the policy has no rules for", () => {
    const noCla = resolvePolicy("england", { meetings: ["ICPC", "RCPC"] });
    expect(code(() => timeline(noCla, "CLA", { lookedAfter: d("2027-01-04") }))).toBe(
      "no-rules-for-meeting",
    );
  });

  it("is deterministic: the same input gives the same output", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POLICY_IDS),
        fc.integer({ min: dayFromYmd(2001, 1, 1), max: dayFromYmd(2098, 1, 1) }),
        (id, day) => {
          const p = resolvePolicy(id);
          const a = timeline(p, "ICPC", { strategy: day, at: { day: day + 20, minuteOfDay: 600 } });
          const b = timeline(p, "ICPC", { strategy: day, at: { day: day + 20, minuteOfDay: 600 } });
          expect(a).toEqual(b);
        },
      ),
      { numRuns: 50 },
    );
  });
});
