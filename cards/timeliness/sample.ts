import type { NationalFigure, TimelinessView } from "./view-model";

/** The published figures for England (children in need census): ICPCs within 15 working days. */
export const ENGLAND_ICPC: NationalFigure[] = [
  { label: "England 2024-25", percent: 81.4 },
  { label: "England 2022-23", percent: 78.5 },
];

const MONTHS = ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"];
const ICPC_BY_MONTH = [80, 75, 100, 66.7, 50, 83.3, 60, 80, 57.1, 75, 83.3, 66.7];
const COUNTED = [5, 4, 3, 6, 4, 6, 5, 5, 7, 4, 6, 3];

/** A fictional council's year (figures invented, national ones as published). */
export const timelinessSample: TimelinessView = {
  title: "Timeliness: Northshire",
  periodText: "1 Apr 2026 to 31 Mar 2027, counted as the national return counts them",
  councilLabel: "Northshire",
  rows: [
    {
      label: "ICPCs within 15 working days of the strategy discussion",
      percent: 72.4,
      counted: 58,
      national: ENGLAND_ICPC,
    },
    { label: "RCPCs within their limit", percent: 93.8, counted: 112 },
    { label: "CLA reviews within their limit", percent: 88.5, counted: 200 },
    { label: "Reports shared with families on time", percent: 64, counted: 75 },
    { label: "Invite lists on time", percent: 91.2, counted: 68 },
  ],
  months: MONTHS.map((label, i) => ({
    label,
    percent: ICPC_BY_MONTH[i],
    counted: COUNTED[i]!,
  })),
  teams: [
    { name: "North Locality", percent: 84.6, counted: 13 },
    { name: "South Locality", percent: 68.8, counted: 16 },
    { name: "Disabled Children's Team", percent: 100, counted: 4 },
    { name: "Child Protection and Court", percent: 60, counted: 25 },
  ],
};

/** The largest card: 12 months ("Apr 2026"), 12 teams, 12 chairs, long names, a month with none. */
export const timelinessMaxSample: TimelinessView = {
  ...timelinessSample,
  rows: timelinessSample.rows.map((r) => ({ ...r, national: ENGLAND_ICPC })),
  months: MONTHS.map((label, i) => ({
    label: `${label} ${i < 9 ? 2026 : 2027}`,
    ...(i === 7 ? { counted: 0 } : { percent: ICPC_BY_MONTH[i], counted: COUNTED[i]! }),
  })),
  teams: Array.from({ length: 12 }, (_, i) => ({
    name: `Children's Social Work Locality Team ${i + 1} (Assessment and Intervention)`,
    percent: 55 + i * 4,
    counted: 10 + i,
  })),
  chairs: Array.from({ length: 12 }, (_, i) => ({
    name: `Independent Child Protection Chair Number ${i + 1}`,
    percent: 56 + i * 4,
    counted: 5 + i,
  })),
};
