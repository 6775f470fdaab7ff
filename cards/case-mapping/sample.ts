import type { PersonOption } from "../common/view-model";
import type { CaseMappingRow, CaseMappingView } from "./view-model";

export const CASE_MAPPING_CHAIRS: PersonOption[] = [
  { id: "0b6f7c1e-2a3d-4e5f-8a9b-1c2d3e4f5a60", name: "Grace Okafor" },
  { id: "1c7a8d2f-3b4e-4f60-9b0c-2d3e4f5a6b71", name: "Daniel Hughes" },
  { id: "2d8b9e30-4c5f-4071-8c1d-3e4f5a6b7c82", name: "Priya Nair" },
  { id: "3e9caf41-5d60-4182-9d2e-4f5a6b7c8d93", name: "Tom Whitfield" },
];

const [grace, daniel] = CASE_MAPPING_CHAIRS as [PersonOption, PersonOption];

/** January 2027's list (fictional): six cases, two already given to a chair. */
export const caseMappingSample: CaseMappingView = {
  title: "Case mapping: January 2027",
  month: "2027-01",
  cardVersion: "1",
  completeBy: "2027-01-29T17:00:00.000Z",
  reviewWithinMonths: 6,
  chairs: CASE_MAPPING_CHAIRS,
  cases: [
    {
      caseId: "case-cin-112",
      caseReference: "CIN-2025-0112",
      openSince: "2025-11-06",
      monthsOpen: 13,
      team: "North Locality",
      lastMapped: "2026-08-03",
      task: "review",
    },
    {
      caseId: "case-cin-087",
      caseReference: "CIN-2025-0087",
      openSince: "2025-06-16",
      monthsOpen: 18,
      team: "South Locality",
      task: "new",
    },
    {
      caseId: "case-cin-140",
      caseReference: "CIN-2025-0140",
      openSince: "2025-12-01",
      monthsOpen: 13,
      team: "Disabled Children's Team",
      lastMapped: "2026-02-19",
      task: "new",
    },
    {
      caseId: "case-cin-061",
      caseReference: "CIN-2024-0061",
      openSince: "2024-10-21",
      monthsOpen: 26,
      team: "North Locality",
      lastMapped: "2026-10-12",
      task: "review",
      chair: { id: grace.id, name: grace.name },
    },
    {
      caseId: "case-cin-099",
      caseReference: "CIN-2025-0099",
      openSince: "2025-09-08",
      monthsOpen: 15,
      team: "South Locality",
      task: "new",
      chair: { id: daniel.id, name: daniel.name },
    },
  ],
};

/** Grace Okafor's own list for the month: read only (no chairs to pick from). */
export const caseMappingChairSample: CaseMappingView = {
  ...caseMappingSample,
  title: "Your case mapping: January 2027",
  chairs: undefined,
  cases: [
    { ...caseMappingSample.cases[3]!, done: true },
    { ...caseMappingSample.cases[0]!, chair: { id: grace.id, name: grace.name } },
  ],
};

/** A large month: 80 cases, none allocated yet, 15 chairs with long names. */
export const caseMappingMaxSample: CaseMappingView = {
  ...caseMappingSample,
  chairs: Array.from({ length: 15 }, (_, i) => ({
    id: `${String(i).padStart(8, "0")}-2a3d-4e5f-8a9b-1c2d3e4f5a60`,
    name: `Independent Child Protection Chair Number ${i + 1}`,
    role: "CP chair",
  })),
  cases: Array.from({ length: 80 }, (_, i): CaseMappingRow => ({
    caseId: `case-cin-${100000 + i}`,
    caseReference: `CIN-2025-${100000 + i}`,
    openSince: "2025-01-06",
    monthsOpen: 24,
    team: "Children's Social Work Locality Team 12 (Assessment and Intervention)",
    lastMapped: "2026-03-02",
    task: "new",
  })),
};
