import type { PolicyDefinition } from "../types";

const SEED = "004_36d89ac9f3564f3d.txt";

/** CP chair consultation and CIN case mapping (docs/rules.md, policies). */
export const chairConsultation: PolicyDefinition = {
  id: "chair-consultation",
  title: "CP chair consultation and CIN case mapping",
  source: SEED,
  extends: "england",
  settings: { caseMappingRecentMonths: 6 },
  rules: [],
  recurring: [
    {
      id: "cin.case-mapping.monthly",
      kind: "list",
      recurrence: { every: "first-working-day-of-month" },
      who: ["QA admin manager"],
      text: "CIN cases open 12 months or more, to the QA admin manager to allocate to CP chairs",
      source: `${SEED} 4a`,
    },
    {
      id: "cin.case-mapping.complete",
      kind: "deadline",
      recurrence: { every: "last-working-day-of-month" },
      who: ["CP chair"],
      text: "This month's CIN case mappings complete (or recent ones reviewed)",
      source: `${SEED} 4a-4b`,
    },
  ],
  notes: [
    "A CP chair consultation at the strategy discussion is recorded; the decision stays with the frontline manager (1, 2).",
    "A re-referral for an initial conference books a case mapping with a frontline service manager (3).",
  ],
};
