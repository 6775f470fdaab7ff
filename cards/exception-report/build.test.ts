import {
  cardBytes,
  executeActions,
  expectWellFormedCard,
  visibleText,
} from "../__tests__/card-checks";
import { StandDownReason } from "../../model/meeting";
import { briefChildNames } from "../brief/sample";
import { LIST_CARD_BUDGET } from "../common/list";
import { requestConferenceChildNames } from "../request-conference/sample";
import {
  buildExceptionReportCard,
  layoutExceptionReportCard,
  REASON_CHARS,
  STAND_DOWN_REASON_TEXT,
} from "./build";
import { exceptionReportMaxSample, exceptionReportSample } from "./sample";
import type { ExceptionReportView } from "./view-model";

const CHILDREN = [...requestConferenceChildNames, ...briefChildNames];

type Node = Record<string, unknown>;

function runs(value: unknown, out: Node[] = []): Node[] {
  if (Array.isArray(value)) value.forEach((v) => runs(v, out));
  else if (typeof value === "object" && value !== null) {
    if ((value as Node).type === "TextRun") out.push(value as Node);
    Object.values(value).forEach((v) => runs(v, out));
  }
  return out;
}

const red = (card: Node) =>
  runs(card)
    .filter((r) => r.color === "Attention")
    .map((r) => String(r.text));

const empty: ExceptionReportView = {
  ...exceptionReportSample,
  lateInviteLists: [],
  lateReports: [],
  stoodDown: [],
  outOfTimescale: [],
};

describe("exception report card (report.exceptions)", () => {
  it("counts each exception, then lists each with how late and its reason", () => {
    const card = buildExceptionReportCard(exceptionReportSample);
    expectWellFormedCard(card, CHILDREN);
    expect(executeActions(card)).toEqual([]);
    const text = visibleText(card);
    for (const s of [
      "Late invite lists\n2 (1 still not in)",
      "Late reports\n2 (1 still not in)",
      "Stood down\n1",
      "Out of timescale\n1",
      "Late invite lists (2)",
      "CP-2026-0421 · ICPC Thu 14 Jan 2027 10:00",
      "Invite list due Wed 6 Jan 2027 17:00: 3 working days late, still not in",
      "Reason: SW on leave; the team manager is completing the list today",
      "Invite list due Wed 6 Jan 2027 17:00: in Thu 7 Jan 2027 11:20, 18 hours late",
      "No reason recorded",
      "Social worker report due Thu 7 Jan 2027 17:00: 3 days 16 hours late, still not in",
      "Stood down Mon 4 Jan 2027 15:40: Not quorate; approved by Helen Marsh (operational SM) and Omar Farah (QA & Review SM)",
      "Rebooked for Tue 19 Jan 2027 13:00",
      "Rationale: Police and health declined",
      "CP-2026-0430 · ICPC Wed 13 Jan 2027 10:00",
      "5 days after its limit (Fri 8 Jan 2027)",
      "Approved by Helen Marsh on Wed 6 Jan 2027 12:00",
    ])
      expect(text).toContain(s);
    expect(card.fallbackText).toBe(
      "Exception report: Northshire, Week to Mon 11 Jan 2027, for the QA Team Manager, QA Service Manager and Director: 2 late invite lists, 2 late reports, 1 meeting stood down, 1 meeting out of timescale",
    );
    // Only what is still not done is red.
    expect(red(card)).toEqual([
      "Invite list due Wed 6 Jan 2027 17:00: 3 working days late, still not in",
      "Social worker report due Thu 7 Jan 2027 17:00: 3 days 16 hours late, still not in",
    ]);
  });

  it("marks a meeting not rebooked, or out of timescale without approval, in red", () => {
    const card = buildExceptionReportCard({
      ...empty,
      stoodDown: [{ ...exceptionReportSample.stoodDown[0]!, rebookedStart: undefined }],
      outOfTimescale: [
        {
          ...exceptionReportSample.outOfTimescale[0]!,
          approvedBy: undefined,
          approvedAt: undefined,
          reason: undefined,
        },
      ],
    });
    expect(red(card)).toEqual(["Not rebooked yet", "Not approved"]);
    const text = visibleText(card);
    expect(text).toContain("Stood down\n1 (1 not rebooked)");
    expect(text).toContain("Out of timescale\n1 (1 not approved)");
    expect(text).toContain("No reason recorded");
  });

  it("an ICPC not booked yet: days past its limit counted to the report's date", () => {
    const card = buildExceptionReportCard({
      ...empty,
      outOfTimescale: [{ ...exceptionReportSample.outOfTimescale[0]!, start: undefined }],
    });
    const text = visibleText(card);
    expect(text).toContain("CP-2026-0430 · ICPC, not booked yet");
    expect(text).toContain("Not booked; 3 days past its limit (Fri 8 Jan 2027)");
  });

  it("with nothing to report, says None for each section", () => {
    const card = buildExceptionReportCard(empty);
    expectWellFormedCard(card);
    expect(visibleText(card).match(/^None\.$/gm)).toHaveLength(4);
    expect(card.fallbackText).toBe(`${empty.title}, ${empty.periodText}: no exceptions`);
  });

  it("says how many records could not be read, and never 'no exceptions' while any could not", () => {
    const one = buildExceptionReportCard({ ...empty, unreadable: 1 });
    expectWellFormedCard(one);
    expect(visibleText(one)).toContain("1 record could not be read");
    expect(one.fallbackText).toBe(
      `${empty.title}, ${empty.periodText}: 1 record could not be read`,
    );
    const three = buildExceptionReportCard({ ...exceptionReportSample, unreadable: 3 });
    expect(visibleText(three)).toContain("3 records could not be read");
    expect(three.fallbackText).toContain("3 records could not be read");
    expect(visibleText(buildExceptionReportCard(empty))).not.toContain("could not be read");
  });

  it("cuts a long reason on the card; typed markdown shows as typed (a TextRun)", () => {
    const reason = `**Urgent** _see_ ${"x".repeat(400)}`;
    const card = buildExceptionReportCard({
      ...empty,
      lateReports: [{ ...exceptionReportSample.lateReports[0]!, reason }],
    });
    const line = runs(card)
      .map((r) => String(r.text))
      .find((t) => t.startsWith("Reason:"))!;
    expect(line.startsWith("Reason: **Urgent** _see_ x")).toBe(true);
    expect(line.endsWith("…")).toBe(true);
    expect(line.length).toBe("Reason: ".length + REASON_CHARS);
  });

  it("a large authority's bad week: every count right, the first rows of each section, under 40 KB", () => {
    const layout = layoutExceptionReportCard(exceptionReportMaxSample);
    expectWellFormedCard(layout.card, CHILDREN);
    expect(cardBytes(layout.card)).toBeLessThan(LIST_CARD_BUDGET);
    const k = layout.shownPerSection;
    expect(k).toBeGreaterThanOrEqual(5);
    expect(layout.hiddenRows).toBe(80 + 200 + 25 + 40 - 4 * k);
    const text = visibleText(layout.card);
    for (const s of [
      "Late invite lists\n80 (80 still not in)",
      "Late reports\n200 (200 still not in)",
      "Stood down\n25",
      "Out of timescale\n40",
      `…and ${80 - k} more late invite lists: see the CSV in your email`,
      `…and ${200 - k} more late reports: see the CSV in your email`,
      `…and ${25 - k} more meetings stood down: see the CSV in your email`,
      `…and ${40 - k} more meetings out of timescale: see the CSV in your email`,
    ])
      expect(text).toContain(s);
  });

  it("names every stand-down reason of docs/rules.md, stand-down (the model's list)", () => {
    expect(Object.keys(STAND_DOWN_REASON_TEXT).sort()).toEqual([...StandDownReason.options].sort());
  });

  it("refuses a date that is not an instant", () => {
    expect(() => buildExceptionReportCard({ ...empty, asOf: "Monday" })).toThrow(RangeError);
    expect(() =>
      buildExceptionReportCard({
        ...empty,
        lateReports: [{ ...exceptionReportSample.lateReports[0]!, dueAt: "soon" }],
      }),
    ).toThrow(/not an ISO instant/);
  });
});
