import { parseCsv } from "../__tests__/csv-reader";
import { caseMappingSample } from "../case-mapping/sample";
import { exceptionReportMaxSample, exceptionReportSample } from "../exception-report/sample";
import { indicatorReviewMaxSample, indicatorReviewSample } from "../indicator-review/sample";
import { weeklyListMaxSample, weeklyListSample } from "../meeting-list/sample";
import { briefChildNames } from "../brief/sample";
import { requestConferenceChildNames } from "../request-conference/sample";
import {
  caseMappingCsv,
  CASE_MAPPING_CSV_HEADER,
  exceptionReportCsv,
  EXCEPTION_REPORT_CSV_HEADER,
  indicatorReviewCsv,
  INDICATOR_REVIEW_CSV_HEADER,
  localDateTime,
  meetingListCsv,
  MEETING_LIST_CSV_HEADER,
} from "./lists";
import { registerChangesCsv, REGISTER_CHANGES_CSV_HEADER } from "./register-changes";

const CHILDREN = [...requestConferenceChildNames, ...briefChildNames];

/** Parsed, and every record as wide as the header. */
function table(text: string, header: readonly string[]): string[][] {
  const rows = parseCsv(text);
  expect(rows[0]).toEqual([...header]);
  for (const r of rows) expect(r).toHaveLength(header.length);
  for (const name of CHILDREN) expect(text).not.toContain(name);
  return rows.slice(1);
}

describe("meeting list CSV", () => {
  it("has every meeting, by start, with the card's words and numbers as numbers", () => {
    const rows = table(meetingListCsv(weeklyListSample), MEETING_LIST_CSV_HEADER);
    expect(rows).toHaveLength(weeklyListSample.rows.length);
    expect(rows[0]).toEqual([
      "2027-01-04",
      "10:00",
      "ICPC",
      "CP-2026-0412",
      "Grace Okafor",
      "Invites sent",
      "SW report quality-assured, not shared",
      "3",
      "4",
      "Invite list on time",
      "No",
    ]);
    const oot = rows.find((r) => r[3] === "CP-2026-0421")!;
    expect(oot.slice(6)).toEqual([
      "SW report drafted, not shared",
      "1",
      "5",
      "Invite list late",
      "Yes",
    ]);
    // A requested meeting has no time yet, and no chair.
    const requested = rows.find((r) => r[3] === "CP-2026-0430")!;
    expect(requested.slice(0, 6)).toEqual([
      "2027-01-08",
      "",
      "ICPC",
      "CP-2026-0430",
      "",
      "Requested, not booked yet",
    ]);
    expect(rows.map((r) => r[3])).toEqual([
      "CP-2026-0412",
      "CP-2026-0398",
      "CP-2026-0377",
      "CP-2026-0405",
      "CP-2026-0421",
      "CP-2026-0366",
      "CP-2026-0391",
      "CP-2026-0359",
      "CP-2026-0430",
    ]);
  });

  it("carries all 500 meetings of a large authority's week", () => {
    const text = meetingListCsv(weeklyListMaxSample);
    expect(table(text, MEETING_LIST_CSV_HEADER)).toHaveLength(500);
    expect(text.split("\r\n")).toHaveLength(502);
  });

  it("shows dates and times in Europe/London (BST in summer)", () => {
    const summer = {
      ...weeklyListSample,
      rows: [{ ...weeklyListSample.rows[0]!, start: "2027-06-07T23:30:00.000Z" }],
    };
    expect(table(meetingListCsv(summer), MEETING_LIST_CSV_HEADER)[0]!.slice(0, 2)).toEqual([
      "2027-06-08",
      "00:30",
    ]);
    expect(localDateTime("2027-06-07T16:00:00.000Z")).toBe("2027-06-07 17:00");
    expect(localDateTime(undefined)).toBe("");
  });

  it("protects a chair's name a spreadsheet would run as a formula", () => {
    const evil = {
      ...weeklyListSample,
      rows: [{ ...weeklyListSample.rows[0]!, chairName: '=HYPERLINK("http://x.example","Grace")' }],
    };
    const text = meetingListCsv(evil);
    expect(text).toContain('"\'=HYPERLINK(""http://x.example"",""Grace"")"');
    expect(table(text, MEETING_LIST_CSV_HEADER)[0]![4]).toBe(
      '\'=HYPERLINK("http://x.example","Grace")',
    );
  });
});

describe("exception report CSV", () => {
  it("has the four sections in one table, each row with how late and its reason", () => {
    const rows = table(exceptionReportCsv(exceptionReportSample), EXCEPTION_REPORT_CSV_HEADER);
    expect(rows.map((r) => r[0])).toEqual([
      "Late invite list",
      "Late invite list",
      "Late report",
      "Late report",
      "Stood down",
      "Out of timescale",
    ]);
    expect(rows[0]).toEqual([
      "Late invite list",
      "CP-2026-0421",
      "ICPC",
      "2027-01-14",
      "10:00",
      "Invite list",
      "2027-01-06 17:00",
      "",
      "3 working days late, still not in",
      "SW on leave; the team manager is completing the list today",
      "",
      "",
      "",
    ]);
    expect(rows[1]![8]).toBe("18 hours late");
    expect(rows[3]![5]).toBe("Police report");
    expect(rows[4]!.slice(5)).toEqual([
      "Not quorate",
      "",
      "2027-01-04 15:40",
      "",
      "Police and health declined and sent no reports; the chair could not hold a quorate meeting",
      "Helen Marsh (operational SM); Omar Farah (QA & Review SM)",
      "",
      "2027-01-19 13:00",
    ]);
    expect(rows[5]!.slice(5)).toEqual([
      "Out of timescale",
      "2027-01-08 17:00",
      "",
      "5 days past the limit",
      "No chair free before the limit; the family's interpreter is booked for the 13th",
      "Helen Marsh",
      "2027-01-06 12:00",
      "",
    ]);
  });

  it("keeps reasons whole (the card cuts them), with commas, quotes and line breaks", () => {
    const reason = 'Chair ill, "no cover";\r\nrebooked =later';
    const view = {
      ...exceptionReportSample,
      lateInviteLists: [{ ...exceptionReportSample.lateInviteLists[0]!, reason }],
    };
    expect(table(exceptionReportCsv(view), EXCEPTION_REPORT_CSV_HEADER)[0]![9]).toBe(reason);
    const max = table(exceptionReportCsv(exceptionReportMaxSample), EXCEPTION_REPORT_CSV_HEADER);
    expect(max).toHaveLength(80 + 200 + 25 + 40);
    expect(max[0]![9]!.length).toBeGreaterThan(900);
  });

  it("says when an out-of-timescale meeting was not approved", () => {
    const view = {
      ...exceptionReportSample,
      outOfTimescale: [
        {
          ...exceptionReportSample.outOfTimescale[0]!,
          approvedBy: undefined,
          approvedAt: undefined,
        },
      ],
    };
    const rows = table(exceptionReportCsv(view), EXCEPTION_REPORT_CSV_HEADER);
    expect(rows.at(-1)![10]).toBe("Not approved");
  });
});

describe("indicator review CSV", () => {
  it("has one line per case and indicator, chair by chair", () => {
    const rows = table(indicatorReviewCsv(indicatorReviewSample), INDICATOR_REVIEW_CSV_HEADER);
    expect(rows).toEqual([
      [
        "Grace Okafor",
        "On a plan 15 months or more",
        "CP-2025-0207",
        "3",
        "2025-06-02",
        "19",
        "",
        "",
      ],
      [
        "Grace Okafor",
        "On a plan 15 months or more",
        "CP-2025-0311",
        "1",
        "2025-09-22",
        "15",
        "",
        "",
      ],
      [
        "Grace Okafor",
        "Repeat plan: a previous plan ended within 2 years",
        "CP-2025-0466",
        "1",
        "2026-11-30",
        "",
        "2025-08-14",
        "",
      ],
      [
        "Grace Okafor",
        "Plan ended at the first RCPC",
        "CP-2025-0402",
        "2",
        "2026-09-07",
        "",
        "",
        "2026-12-03",
      ],
    ]);
    expect(
      table(indicatorReviewCsv(indicatorReviewMaxSample), INDICATOR_REVIEW_CSV_HEADER),
    ).toHaveLength(15 * 18);
  });
});

describe("case mapping CSV", () => {
  it("has every case, longest open first, with its chair or 'Not allocated'", () => {
    const rows = table(caseMappingCsv(caseMappingSample), CASE_MAPPING_CSV_HEADER);
    expect(rows.map((r) => r[0])).toEqual([
      "CIN-2024-0061",
      "CIN-2025-0087",
      "CIN-2025-0099",
      "CIN-2025-0112",
      "CIN-2025-0140",
    ]);
    expect(rows[0]).toEqual([
      "CIN-2024-0061",
      "2024-10-21",
      "26",
      "North Locality",
      "2026-10-12",
      "Review the last case mapping",
      "Grace Okafor",
      "No",
    ]);
    expect(rows[1]!.slice(4, 7)).toEqual(["", "New case mapping", "Not allocated"]);
  });
});

describe("register changes CSV (email to the health mailboxes only)", () => {
  it("names the child and their date of birth, as A&E needs, by date then name", () => {
    const text = registerChangesCsv([
      {
        change: "removed",
        effective: "2027-01-04",
        childName: "Zoë Example",
        dateOfBirth: "2019-03-02",
        caseReference: "CP-2025-0402",
      },
      {
        change: "added",
        effective: "2027-01-04",
        childName: "Adam Example",
        dateOfBirth: "2021-07-30",
        caseReference: "CP-2026-0412",
      },
      {
        change: "added",
        effective: "2027-01-04",
        childName: "=Unborn Example",
        caseReference: "CP-2026-0413",
      },
    ]);
    const rows = parseCsv(text);
    expect(rows[0]).toEqual([...REGISTER_CHANGES_CSV_HEADER]);
    expect(rows.slice(1)).toEqual([
      [
        "Added: child protection plan started",
        "2027-01-04",
        "'=Unborn Example",
        "Unborn",
        "CP-2026-0413",
      ],
      [
        "Added: child protection plan started",
        "2027-01-04",
        "Adam Example",
        "2021-07-30",
        "CP-2026-0412",
      ],
      [
        "Removed: child protection plan ended",
        "2027-01-04",
        "Zoë Example",
        "2019-03-02",
        "CP-2025-0402",
      ],
    ]);
  });
});
