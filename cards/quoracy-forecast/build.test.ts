import { requestConferenceChildNames } from "../request-conference/sample";
import { briefChildNames } from "../brief/sample";
import {
  cardBytes,
  executeActions,
  expectWellFormedCard,
  inputIds,
  MAX_CARD_BYTES,
  visibleText,
} from "../__tests__/card-checks";
import { VERBS } from "../verbs";
import { buildQuoracyForecastCard, quoracyCountText, tally } from "./build";
import { quoracyForecastSample, quoracyMaxSample, quoracyWithdrawnSample } from "./sample";
import type { QuoracyRsvp } from "./view-model";

const CHILDREN = [...requestConferenceChildNames, ...briefChildNames];
const ids = { caseId: "case-0412", meetingId: "meeting-0412-1" };

/** The choices of the nudge's agency picker. */
function nudgeChoices(card: Record<string, unknown>): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (typeof n === "object" && n !== null) {
      const o = n as Record<string, unknown>;
      if (o.id === "agencyKey" && Array.isArray(o.choices))
        for (const c of o.choices as { value: string }[]) out.push(c.value);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe("quoracy forecast card", () => {
  it("at risk: the headline, each agency's state, and the three actions with their ids", () => {
    const card = buildQuoracyForecastCard(quoracyForecastSample);
    expectWellFormedCard(card, CHILDREN);
    const text = visibleText(card);
    expect(text).toContain("At risk of being inquorate: 1 of the 2 agencies needed is expected");
    expect(text).toContain("2 declined · 1 no reply · 2 tentative · 4 reports missing");
    expect(text).toContain("CP-2026-0412");
    expect(text).toContain("ICPC, Thu 7 Jan 2027 10:00");
    for (const s of ["Declined", "No reply", "Tentative", "Missing", "Received"])
      expect(text).toContain(s);
    expect(card.fallbackText).toBe(
      "At risk of being inquorate: ICPC for case CP-2026-0412, Thu 7 Jan 2027 10:00 (1 of 2 agencies expected)",
    );
    expect(executeActions(card)).toEqual([
      { title: "Send the nudge", verb: VERBS.quoracyNudge, data: { ...ids, cardVersion: "2" } },
      {
        title: "Send to the social worker",
        verb: VERBS.quoracyAskSocialWorker,
        data: { ...ids, cardVersion: "2" },
      },
      {
        title: "Send for approval",
        verb: VERBS.quoracyProposeStandDown,
        data: { ...ids, cardVersion: "2", reason: "not-quorate" },
      },
    ]);
    expect(text).toContain("the safeguarding manager");
  });

  it("offers to nudge only the agencies not expected (the GP's report is in), most worrying first", () => {
    const card = buildQuoracyForecastCard(quoracyForecastSample);
    expect(nudgeChoices(card)).toEqual(["health-visiting", "police", "school", "housing"]);
    expect(visibleText(card)).toContain("Northfield Primary School (no reply, no report)");
    expect(inputIds(card).sort()).toEqual(["agencyKey", "note", "standDownRationale"]);
  });

  it("withdrawn: now quorate, the agencies' state, no actions", () => {
    const card = buildQuoracyForecastCard(quoracyWithdrawnSample);
    expectWellFormedCard(card, CHILDREN);
    const text = visibleText(card);
    expect(text).toContain("Now quorate: the warning is withdrawn");
    expect(text).toContain("2 of the 2 agencies needed are expected");
    expect(text).toContain("Accepted");
    expect(card.actions ?? []).toEqual([]);
    expect(inputIds(card)).toEqual([]);
    expect(card.fallbackText).toBe(
      "Now quorate: ICPC for case CP-2026-0412, Thu 7 Jan 2027 10:00; the warning is withdrawn",
    );
  });

  it("counts an agency that accepted or whose report is in (docs/rules.md, stand-down), not a tentative one", () => {
    const one = (rsvp: QuoracyRsvp, reportReceived: boolean) =>
      visibleText(
        buildQuoracyForecastCard({
          ...quoracyForecastSample,
          agencies: [{ key: "police", name: "Police", rsvp, reportReceived }],
          needed: 1,
        }),
      );
    expect(one("accepted", false)).toContain("1 of the 1 agency needed is expected");
    expect(one("declined", true)).toContain("1 of the 1 agency needed is expected");
    expect(one("tentative", false)).toContain("none of the 1 agency needed is expected yet");
    expect(one("none", false)).toContain("none of the 1 agency needed is expected yet");
    expect(quoracyCountText(0, 2)).toBe("none of the 2 agencies needed is expected yet");
    expect(quoracyCountText(1, 1)).toBe("1 of the 1 agency needed is expected");
    expect(quoracyCountText(3, 2)).toBe("3 of the 2 agencies needed are expected");
    expect(tally([])).toBe("No agency other than children's social care is invited");
    expect(tally([{ key: "p", name: "Police", rsvp: "accepted", reportReceived: true }])).toBe(
      "Every agency has accepted and sent its report",
    );
  });

  it("with no agency left to nudge, or none invited, offers no nudge", () => {
    const card = buildQuoracyForecastCard({
      ...quoracyForecastSample,
      agencies: [],
      standDownApprover: undefined,
    });
    expectWellFormedCard(card);
    expect(visibleText(card)).toContain(
      "No agencies other than children's social care are invited",
    );
    expect(executeActions(card).map((a) => a.verb)).toEqual([
      VERBS.quoracyAskSocialWorker,
      VERBS.quoracyProposeStandDown,
    ]);
    expect(visibleText(card)).toContain("the manager your policy names");
  });

  it("refuses a malformed agency key or a nonsense number needed", () => {
    const bad = { key: "police,health", name: "x", rsvp: "none", reportReceived: false } as const;
    expect(() => buildQuoracyForecastCard({ ...quoracyForecastSample, agencies: [bad] })).toThrow(
      RangeError,
    );
    expect(() => buildQuoracyForecastCard({ ...quoracyForecastSample, needed: 1.5 })).toThrow(
      RangeError,
    );
    const police = quoracyForecastSample.agencies[0]!;
    expect(() =>
      buildQuoracyForecastCard({ ...quoracyForecastSample, agencies: [police, police] }),
    ).toThrow(/unique/);
  });

  it("12 agencies with an error on every field stay under 40 KB", () => {
    const card = buildQuoracyForecastCard({
      ...quoracyMaxSample,
      errors: {
        agencyKey: "Choose an agency to nudge",
        note: "Keep this under 500 characters",
        standDownRationale: "Give the rationale for standing the meeting down",
        caseId: "The card has no case id",
      },
      values: { note: "x".repeat(600), standDownRationale: "y".repeat(1000) },
    });
    expectWellFormedCard(card, CHILDREN);
    expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    expect(nudgeChoices(card)).toHaveLength(12);
    expect(visibleText(card)).toContain("The card has no case id");
  });
});
