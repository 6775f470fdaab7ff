import type { IndicatorChair, IndicatorReviewView } from "./view-model";

const ref = (n: number) => ({ caseId: `case-${n}`, caseReference: `CP-2025-0${n}` });

/** One CPA's month (fictional): what West Sussex's supervision goes through. */
export const indicatorReviewSample: IndicatorReviewView = {
  title: "Indicator review: January 2027",
  periodText: "Grace Okafor's plans as at Mon 4 Jan 2027, for supervision",
  chairs: [
    {
      chairName: "Grace Okafor",
      longPlans: [
        { ...ref(311), planStart: "2025-09-22", months: 15 },
        { ...ref(207), planStart: "2025-06-02", months: 19, children: 3 },
      ],
      repeatPlans: [{ ...ref(466), planStart: "2026-11-30", previousPlanEnd: "2025-08-14" }],
      endedAtFirstRcpc: [
        { ...ref(402), planStart: "2026-09-07", planEnd: "2026-12-03", children: 2 },
      ],
    },
  ],
};

/** The CPA team manager's card: 15 chairs, each with 8 long plans, 6 repeat plans and 4 ended. */
export const indicatorReviewMaxSample: IndicatorReviewView = {
  title: "Indicator review: January 2027",
  periodText: "Every chair's plans as at Mon 4 Jan 2027, for the CPA team manager",
  chairs: Array.from({ length: 15 }, (_, c): IndicatorChair => ({
    chairName: `Independent Child Protection Chair Number ${c + 1}`,
    longPlans: Array.from({ length: 8 }, (_, i) => ({
      caseId: `case-${c}-${i}`,
      caseReference: `CP-2025-${100000 + c * 100 + i}`,
      planStart: "2024-10-01",
      months: 27,
      children: 4,
    })),
    repeatPlans: Array.from({ length: 6 }, (_, i) => ({
      caseId: `case-${c}-r${i}`,
      caseReference: `CP-2026-${100000 + c * 100 + i}`,
      planStart: "2026-12-01",
      previousPlanEnd: "2025-02-28",
      children: 4,
    })),
    endedAtFirstRcpc: Array.from({ length: 4 }, (_, i) => ({
      caseId: `case-${c}-e${i}`,
      caseReference: `CP-2026-${200000 + c * 100 + i}`,
      planStart: "2026-09-01",
      planEnd: "2026-12-01",
      children: 4,
    })),
  })),
};
