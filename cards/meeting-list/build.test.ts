import {
  cardBytes,
  executeActions,
  expectWellFormedCard,
  inputIds,
  MAX_CARD_BYTES,
  visibleText,
} from "../__tests__/card-checks";
import { briefChildNames } from "../brief/sample";
import { LIST_CARD_BUDGET } from "../common/list";
import { requestConferenceChildNames } from "../request-conference/sample";
import { timelinessSample } from "../timeliness/sample";
import { buildMeetingListCard, layoutMeetingListCard, MEETING_LIST_LIMITS } from "./build";
import {
  fortnightListMaxSample,
  manyMeetings,
  monthAheadMaxTimelinessSample,
  monthAheadSample,
  WEEK_DAYS,
  weeklyListMaxSample,
  weeklyListSample,
} from "./sample";
import type { MeetingListView } from "./view-model";

const CHILDREN = [...requestConferenceChildNames, ...briefChildNames];

type Node = Record<string, unknown>;

function nodes(value: unknown, keep: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (Array.isArray(value)) value.forEach((v) => nodes(v, keep, out));
  else if (typeof value === "object" && value !== null) {
    if (keep(value as Node)) out.push(value as Node);
    Object.values(value).forEach((v) => nodes(v, keep, out));
  }
  return out;
}

/** The text of every red run (what needs chasing). */
const redRuns = (card: Node) =>
  nodes(card, (n) => n.type === "TextRun" && n.color === "Attention").map((n) => String(n.text));

/** The bold first line of every meeting row: "CP-2026-0412 · ICPC". */
const rowHeads = (card: Node) =>
  nodes(card, (n) => n.type === "TextRun" && n.weight === "Bolder" && n.color === undefined).map(
    (n) => String(n.text),
  );

/** A list card names no child anywhere: the view has no field for a name. */
function expectNoChildName(card: Node): void {
  const json = JSON.stringify(card).toLowerCase();
  for (const name of CHILDREN) expect(json).not.toContain(name.toLowerCase());
}

describe("meeting list card (list.weekly, list.fortnight, list.month-ahead)", () => {
  it("shows the week's counts, then each meeting by day, problems in red", () => {
    const card = buildMeetingListCard(weeklyListSample);
    expectWellFormedCard(card, CHILDREN);
    expectNoChildName(card);
    expect(executeActions(card)).toEqual([]);
    expect(inputIds(card)).toEqual([]);
    const text = visibleText(card);
    for (const s of [
      "Weekly list: Northshire",
      "9 meetings: 3 ICPCs, 3 RCPCs, 3 CLA reviews",
      "3 SW reports not shared · 2 invite lists late or overdue · 1 out of timescale",
      "Mon\u00a04\u00a0Jan\n2 meetings · 1 SW report not shared",
      "Wed\u00a06\u00a0Jan\n0 meetings",
      "Thu 7 Jan 2027 · 3 meetings",
      "Chair: Daniel Hughes · Invites sent · ",
      "IRO: Priya Nair · Invites sent · SW report shared with the family",
      "Agency reports 1 of 5",
      "Chair: none yet · Requested, not booked yet",
      "No agency reports expected",
    ])
      expect(text).toContain(s);
    expect(card.fallbackText).toBe(
      "Weekly list: Northshire, Mon 4 Jan to Fri 8 Jan 2027: CP conferences and CLA reviews with report status: 9 meetings: 3 ICPCs, 3 RCPCs, 3 CLA reviews; 3 SW reports not shared · 2 invite lists late or overdue · 1 out of timescale",
    );
    expect(redRuns(card)).toEqual([
      "SW report quality-assured, not shared",
      "SW report drafted, not shared",
      "Invite list late · Out of timescale",
      "SW report not started",
      "Invite list overdue",
    ]);
  });

  it("orders meetings by start within each day, whatever order they came in", () => {
    const card = buildMeetingListCard({
      ...weeklyListSample,
      rows: [...weeklyListSample.rows].reverse(),
    });
    expect(rowHeads(card)).toEqual([
      "CP-2026-0412 · ICPC",
      "CP-2026-0398 · RCPC",
      "CP-2026-0377 · CLA review",
      "CP-2026-0405 · RCPC",
      "CP-2026-0421 · ICPC",
      "CP-2026-0366 · CLA review",
      "CP-2026-0391 · RCPC",
      "CP-2026-0359 · CLA review",
      "CP-2026-0430 · ICPC",
    ]);
    const times = nodes(
      card,
      (n) => n.type === "TextBlock" && /^(\d\d:\d\d|–)$/.test(String(n.text)),
    );
    expect(times.map((t) => t.text)).toEqual([
      "10:00",
      "14:00",
      "09:30",
      "13:00",
      "10:00",
      "11:00",
      "14:30",
      "10:00",
      "–",
    ]);
  });

  it("does not chase a meeting that was stood down", () => {
    const stoodDown = weeklyListSample.rows.find((r) => r.status === "stood-down")!;
    expect(stoodDown.swReport).not.toBe("shared");
    const card = buildMeetingListCard({ ...weeklyListSample, rows: [stoodDown] });
    expect(visibleText(card)).toContain("Stood down · SW report drafted, not shared");
    expect(redRuns(card)).toEqual([]);
    expect(card.fallbackText).toBe(
      `${weeklyListSample.title}, ${weeklyListSample.periodText}: 1 meeting: 1 RCPC`,
    );
  });

  it("groups by the Europe/London date: 23:30 UTC in summer is the next day", () => {
    const card = buildMeetingListCard({
      ...weeklyListSample,
      days: undefined,
      rows: [{ ...weeklyListSample.rows[0]!, start: "2027-06-07T23:30:00.000Z" }],
    });
    expect(visibleText(card)).toContain("Tue 8 Jun 2027 · 1 meeting");
    expect(visibleText(card)).toContain("00:30");
  });

  it("says so when there are no meetings", () => {
    const card = buildMeetingListCard({ ...weeklyListSample, rows: [] });
    expectWellFormedCard(card);
    const text = visibleText(card);
    expect(text).toContain("No meetings in this period.");
    expect(text).toContain("0 meetings");
    expect(text).not.toContain("more meeting");
  });

  it("500 meetings in a week: counts per day of all, the first 40, the rest in the CSV", () => {
    const layout = layoutMeetingListCard(weeklyListMaxSample);
    expectWellFormedCard(layout.card, CHILDREN);
    expectNoChildName(layout.card);
    expect(cardBytes(layout.card)).toBeLessThan(LIST_CARD_BUDGET);
    expect(layout.shownRows).toBe(MEETING_LIST_LIMITS.rows);
    expect(layout.hiddenRows).toBe(460);
    expect(rowHeads(layout.card)).toHaveLength(40);
    const text = visibleText(layout.card);
    expect(text).toContain("500 meetings: 100 ICPCs, 200 RCPCs, 200 CLA reviews");
    for (const d of ["Mon 4 Jan", "Tue 5 Jan", "Wed 6 Jan", "Thu 7 Jan", "Fri 8 Jan"])
      expect(text).toMatch(new RegExp(`^${d.replace(/ /g, "\u00a0")}\\n100 meetings · `, "m"));
    expect(text).toContain("…and 460 more meetings: see the CSV in your email");
    // The last day shown is only partly listed, and says so.
    expect(text).toMatch(/· 100 meetings \(the first \d+ here\)/);
  });

  it("1000 meetings in a fortnight, and every size of list, stay under 40 KB", () => {
    const layout = layoutMeetingListCard(fortnightListMaxSample);
    expectWellFormedCard(layout.card);
    expect(layout.shownRows + layout.hiddenRows).toBe(1000);
    for (const n of [1, 10, 39, 40, 41, 200]) {
      const card = buildMeetingListCard({ ...weeklyListSample, rows: manyMeetings(n, WEEK_DAYS) });
      expect(cardBytes(card)).toBeLessThan(MAX_CARD_BYTES);
    }
  });

  it("shows fewer rows, not a bigger card, when names are very long", () => {
    const rows = manyMeetings(40, WEEK_DAYS).map((r) => ({
      ...r,
      chairName: "Independent Reviewing Officer ".repeat(20),
    }));
    const layout = layoutMeetingListCard({ ...weeklyListSample, rows });
    expect(cardBytes(layout.card)).toBeLessThan(LIST_CARD_BUDGET);
    expect(layout.shownRows).toBeLessThan(40);
    expect(layout.shownRows).toBeGreaterThan(10);
    expect(visibleText(layout.card)).toContain(
      `…and ${layout.hiddenRows} more meetings: see the CSV in your email`,
    );
  });

  it("month ahead: the timeliness chart under the meetings when it leaves room for 10", () => {
    const layout = layoutMeetingListCard(monthAheadSample);
    expectWellFormedCard(layout.card);
    expect(layout.timelinessIncluded).toBe(true);
    expect(layout.shownRows).toBeGreaterThanOrEqual(MEETING_LIST_LIMITS.rowsBesideTimeliness);
    expect(layout.shownRows + layout.hiddenRows).toBe(1200);
    const text = visibleText(layout.card);
    expect(text).toContain("1200 meetings");
    expect(text).toContain(timelinessSample.title);
    expect(text).toContain("81.4%");
    // The chart comes after the meetings and the "more" line.
    expect(text.indexOf(timelinessSample.title)).toBeGreaterThan(text.indexOf("…and "));
  });

  it("month ahead: leaves the chart out (to be sent on its own) rather than the meetings", () => {
    const layout = layoutMeetingListCard(monthAheadMaxTimelinessSample);
    expectWellFormedCard(layout.card);
    expect(layout.timelinessIncluded).toBe(false);
    expect(layout.shownRows).toBe(MEETING_LIST_LIMITS.rows);
    expect(visibleText(layout.card)).not.toContain("Timeliness:");
  });

  it("a small month ahead takes the chart and every meeting", () => {
    const view: MeetingListView = { ...weeklyListSample, timeliness: timelinessSample };
    const layout = layoutMeetingListCard(view);
    expect(layout).toMatchObject({ shownRows: 9, hiddenRows: 0, timelinessIncluded: true });
  });

  it("refuses rows that cannot be", () => {
    const r = weeklyListSample.rows[0]!;
    const bad = (row: typeof r) => () => buildMeetingListCard({ ...weeklyListSample, rows: [row] });
    expect(bad({ ...r, agencyReports: { received: 5, expected: 4 } })).toThrow(
      /more agency reports/,
    );
    expect(bad({ ...r, agencyReports: { received: -1, expected: 4 } })).toThrow(RangeError);
    expect(bad({ ...r, start: "next Tuesday" })).toThrow(RangeError);
  });
});
