import { timelinessMaxSample, timelinessSample } from "../timeliness/sample";
import type { InviteListState, MeetingListRow, MeetingListView, SwReportStage } from "./view-model";

/** Mon 4 to Fri 8 Jan 2027 (GMT: local time is UTC). */
export const WEEK_DAYS = ["2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"];

const row = (
  n: number,
  start: string,
  more: Partial<MeetingListRow> & Pick<MeetingListRow, "kind">,
): MeetingListRow => ({
  caseId: `case-${n}`,
  caseReference: `CP-2026-0${n}`,
  meetingId: `meeting-${n}`,
  start,
  chairName: "Grace Okafor",
  status: "invited",
  swReport: "shared",
  agencyReports: { received: 3, expected: 4 },
  inviteList: "on-time",
  outOfTimescale: false,
  ...more,
});

/** A fictional week in Swindon: nine meetings, three things to chase, Wednesday free. */
export const weeklyListSample: MeetingListView = {
  unreadable: 0,
  list: "list.weekly",
  title: "Weekly list: Northshire",
  periodText: "Mon 4 Jan to Fri 8 Jan 2027: CP conferences and CLA reviews with report status",
  days: WEEK_DAYS,
  rows: [
    row(412, "2027-01-04T10:00:00.000Z", { kind: "ICPC", swReport: "quality-assured" }),
    row(398, "2027-01-04T14:00:00.000Z", {
      kind: "RCPC",
      chairName: "Daniel Hughes",
      agencyReports: { received: 4, expected: 4 },
    }),
    row(377, "2027-01-05T09:30:00.000Z", {
      kind: "CLA",
      chairName: "Priya Nair",
      agencyReports: { received: 1, expected: 2 },
    }),
    row(405, "2027-01-05T13:00:00.000Z", {
      kind: "RCPC",
      status: "stood-down",
      swReport: "drafted",
      agencyReports: { received: 0, expected: 3 },
    }),
    row(421, "2027-01-07T10:00:00.000Z", {
      kind: "ICPC",
      chairName: "Daniel Hughes",
      swReport: "drafted",
      inviteList: "late",
      outOfTimescale: true,
      agencyReports: { received: 1, expected: 5 },
    }),
    row(366, "2027-01-07T11:00:00.000Z", { kind: "CLA", chairName: "Priya Nair" }),
    row(391, "2027-01-07T14:30:00.000Z", {
      kind: "RCPC",
      agencyReports: { received: 2, expected: 3 },
    }),
    row(430, "2027-01-08T17:00:00.000Z", {
      kind: "ICPC",
      status: "requested",
      chairName: undefined,
      swReport: "not-started",
      inviteList: "overdue",
      agencyReports: { received: 0, expected: 0 },
    }),
    row(359, "2027-01-08T10:00:00.000Z", { kind: "CLA", chairName: "Priya Nair" }),
  ],
};

const KINDS = ["ICPC", "RCPC", "RCPC", "CLA", "CLA"] as const;
const STAGES: SwReportStage[] = ["not-started", "drafted", "quality-assured", "shared"];
const INVITES: InviteListState[] = ["on-time", "late", "awaited", "overdue"];

/**
 * The realistic maximum: `count` meetings over `days` (09:00 to 16:00,
 * every 10 minutes), each with the longest content a row can have (a long
 * chair name, every problem flagged), so the size test is the worst case.
 */
export function manyMeetings(count: number, days: readonly string[]): MeetingListRow[] {
  return Array.from({ length: count }, (_, i) => {
    const day = days[i % days.length]!;
    const slot = Math.floor(i / days.length);
    const minutes = 9 * 60 + ((slot * 10) % (8 * 60));
    const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
    const mm = String(minutes % 60).padStart(2, "0");
    return {
      caseId: `case-${100000 + i}`,
      caseReference: `CP-2026-${String(100000 + i)}`,
      meetingId: `meeting-${100000 + i}`,
      kind: KINDS[i % KINDS.length]!,
      start: `${day}T${hh}:${mm}:00.000Z`,
      chairName: `Independent Child Protection Chair Number ${(i % 15) + 1}`,
      status: "invited",
      swReport: i % 7 === 0 ? "shared" : STAGES[i % 3]!,
      agencyReports: { received: i % 9, expected: 12 },
      inviteList: INVITES[(i % 2) * 3]!,
      outOfTimescale: true,
    };
  });
}

/** 500 meetings in a week: the authority. */
export const weeklyListMaxSample: MeetingListView = {
  ...weeklyListSample,
  title: "Weekly list: a large authority",
  rows: manyMeetings(500, WEEK_DAYS),
};

const MONTH_DAYS = Array.from({ length: 28 }, (_, i) => {
  const d = new Date(Date.UTC(2027, 1, 1 + i));
  return d.toISOString().slice(0, 10);
}).filter((d) => ![0, 6].includes(new Date(`${d}T12:00:00Z`).getUTCDay()));

/** February 2027 for a large authority, with the timeliness chart of a year. */
export const monthAheadSample: MeetingListView = {
  unreadable: 0,
  list: "list.month-ahead",
  title: "Month ahead: a large authority",
  periodText:
    "February 2027: CP conferences and CLA reviews (new ICPCs will join during the month)",
  days: MONTH_DAYS,
  rows: manyMeetings(1200, MONTH_DAYS),
  timeliness: timelinessSample,
};

/** The same with the largest timeliness chart (12 teams, 12 chairs): too big to share a card. */
export const monthAheadMaxTimelinessSample: MeetingListView = {
  ...monthAheadSample,
  timeliness: timelinessMaxSample,
};

const FORTNIGHT_DAYS = [
  ...WEEK_DAYS,
  "2027-01-11",
  "2027-01-12",
  "2027-01-13",
  "2027-01-14",
  "2027-01-15",
];

/** The fortnight list of the same authority: 1000 meetings over 10 working days. */
export const fortnightListMaxSample: MeetingListView = {
  unreadable: 0,
  list: "list.fortnight",
  title: "Fortnight list: a large authority",
  periodText: "Mon 4 Jan to Fri 15 Jan 2027",
  days: FORTNIGHT_DAYS,
  rows: manyMeetings(1000, FORTNIGHT_DAYS),
};
