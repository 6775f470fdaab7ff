import {
  cardBytes,
  defaultSubmission,
  executeActions,
  expectWellFormedCard,
  inputIds,
  visibleText,
} from "../__tests__/card-checks";
import { briefChildNames } from "../brief/sample";
import { parseSubmission } from "../common/errors";
import { LIST_CARD_BUDGET } from "../common/list";
import { requestConferenceChildNames } from "../request-conference/sample";
import { VERBS } from "../verbs";
import { buildCaseMappingCard, layoutCaseMappingCard } from "./build";
import {
  CASE_MAPPING_CHAIRS,
  caseMappingChairSample,
  caseMappingMaxSample,
  caseMappingSample,
} from "./sample";
import { CaseMappingAllocateSubmission, MAX_CASE_MAPPING_ROWS } from "./submission";

const CHILDREN = [...requestConferenceChildNames, ...briefChildNames];
const [GRACE, DANIEL, PRIYA] = CASE_MAPPING_CHAIRS.map((c) => c.id) as [string, string, string];

type Node = Record<string, unknown>;
function choiceSets(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) value.forEach((v) => choiceSets(v, out));
  else if (typeof value === "object" && value !== null) {
    if ((value as Node).type === "Input.ChoiceSet") out.push(value as Node);
    Object.values(value).forEach((v) => choiceSets(v, out));
  }
  return out;
}

describe("case mapping card (cin.case-mapping.monthly)", () => {
  it("offers a chair per case, those to allocate first, the chair already given preselected", () => {
    const card = buildCaseMappingCard(caseMappingSample);
    expectWellFormedCard(card, CHILDREN);
    expect(inputIds(card)).toEqual([0, 1, 2, 3, 4].map((i) => `allocations.${i}.chairId`));
    const sets = choiceSets(card);
    expect(sets.map((s) => s.label)).toEqual([
      "Chair for CIN-2025-0087",
      "Chair for CIN-2025-0112",
      "Chair for CIN-2025-0140",
      "Chair for CIN-2024-0061",
      "Chair for CIN-2025-0099",
    ]);
    expect(sets.map((s) => s.value)).toEqual(["", "", "", GRACE, DANIEL]);
    expect((sets[0]!.choices as { title: string }[]).map((c) => c.title)).toEqual([
      "Grace Okafor",
      "Daniel Hughes",
      "Priya Nair",
      "Tom Whitfield",
    ]);
    const [save] = executeActions(card);
    expect(save).toEqual({
      title: "Save allocations",
      verb: VERBS.caseMappingAllocate,
      data: {
        month: "2027-01",
        cardVersion: "1",
        "allocations.0.caseId": "case-cin-087",
        "allocations.1.caseId": "case-cin-112",
        "allocations.2.caseId": "case-cin-140",
        "allocations.3.caseId": "case-cin-061",
        "allocations.4.caseId": "case-cin-099",
      },
    });
    const text = visibleText(card);
    for (const s of [
      "5 cases: 2 reviews, 3 new mappings; 2 allocated, 3 to allocate",
      "to complete by Fri 29 Jan 2027 17:00",
      "Mapped in the last 6 months: the chair reviews that mapping",
      "Cases per chair this month",
      "Grace Okafor\n1 case",
      "Priya Nair\n0 cases",
      "CIN-2025-0087 · open 18 months (since 16 Jun 2025) · South Locality",
      "New case mapping (never mapped)",
      "Review the case mapping of 3 Aug 2026",
      "New case mapping (last mapped 19 Feb 2026, over 6 months ago)",
    ])
      expect(text).toContain(s);
    expect(card.fallbackText).toBe(
      "Case mapping: January 2027: 5 cases: 2 reviews, 3 new mappings; 2 allocated, 3 to allocate",
    );
  });

  it("as rendered (two preselected), and with a chair picked, is what the verb accepts", () => {
    const card = buildCaseMappingCard(caseMappingSample);
    const data = {
      ...defaultSubmission(card, VERBS.caseMappingAllocate),
      "allocations.0.chairId": PRIYA,
    };
    const parsed = parseSubmission(CaseMappingAllocateSubmission, data);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.allocations).toEqual([
      { caseId: "case-cin-087", chairId: PRIYA },
      { caseId: "case-cin-061", chairId: GRACE },
      { caseId: "case-cin-099", chairId: DANIEL },
    ]);
  });

  it("comes back with the errors next to the row and what was picked kept", () => {
    const data = {
      ...defaultSubmission(buildCaseMappingCard(caseMappingSample), VERBS.caseMappingAllocate),
      "allocations.1.chairId": "nonsense",
      "allocations.2.chairId": PRIYA,
    };
    const parsed = parseSubmission(CaseMappingAllocateSubmission, data);
    if (parsed.ok) throw new Error("expected errors");
    const again = buildCaseMappingCard({
      ...caseMappingSample,
      errors: parsed.errors,
      values: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, String(v)])),
    });
    expectWellFormedCard(again);
    const text = visibleText(again);
    expect(text).toContain("Please check the field marked below.");
    expect(text).toContain("Choose a chair from the list");
    expect(choiceSets(again).map((s) => s.value)).toEqual(["", "nonsense", PRIYA, GRACE, DANIEL]);
  });

  it("a chair's own list is read only: what to do with each case and who has it", () => {
    const card = buildCaseMappingCard(caseMappingChairSample);
    expectWellFormedCard(card, CHILDREN);
    expect(inputIds(card)).toEqual([]);
    expect(executeActions(card)).toEqual([]);
    const text = visibleText(card);
    expect(text).toContain("2 cases: 2 reviews, 0 new mappings; 1 done");
    expect(text).toContain("Chair: Grace Okafor · done");
    expect(text).not.toContain("Cases per chair");
  });

  it("a read-only list marks a case no chair has yet", () => {
    const card = buildCaseMappingCard({
      ...caseMappingChairSample,
      cases: [caseMappingSample.cases[0]!],
    });
    expect(visibleText(card)).toContain("Not allocated to a chair yet");
  });

  it("80 cases and 15 chairs: as many pickers as fit, the rest after saving these", () => {
    const layout = layoutCaseMappingCard(caseMappingMaxSample);
    expectWellFormedCard(layout.card, CHILDREN);
    expect(cardBytes(layout.card)).toBeLessThan(LIST_CARD_BUDGET);
    expect(layout.shownRows).toBeGreaterThanOrEqual(10);
    expect(layout.shownRows).toBeLessThanOrEqual(MAX_CASE_MAPPING_ROWS);
    expect(layout.hiddenRows).toBe(80 - layout.shownRows);
    expect(inputIds(layout.card)).toHaveLength(layout.shownRows);
    expect(visibleText(layout.card)).toContain(
      `…and ${layout.hiddenRows} more cases: save these and the card comes back with the next`,
    );
  });

  it("refuses a month that is not one, and a review with no mapping to review", () => {
    expect(() => buildCaseMappingCard({ ...caseMappingSample, month: "January" })).toThrow(
      /YYYY-MM/,
    );
    expect(() =>
      buildCaseMappingCard({
        ...caseMappingSample,
        cases: [{ ...caseMappingSample.cases[0]!, lastMapped: undefined }],
      }),
    ).toThrow(/last mapping's date/);
  });
});
