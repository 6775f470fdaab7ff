import type { CaseloadView } from "./view-model";

export const caseloadSample: CaseloadView = {
  periodText:
    "Conferences in the next 6 weeks from Mon 11 Jan 2027; allocated cases; duty days this month",
  rows: [
    { name: "Helen Ward", upcoming: 9, cases: 31, dutyDays: 7 },
    { name: "Marcus Bell", upcoming: 7, cases: 28, dutyDays: 7 },
    { name: "Aisha Rahman", upcoming: 4, cases: 19, dutyDays: 6 },
  ],
};
