import { DEMO_IDS } from "../../app/demo/authority";
import { parseIsoDate } from "../../rules";
import { Authority } from "../kernel/authority";
import { jobDeps, listCase } from "./__tests__/lists-fixture";
import { completeByOf, gatherCinCases, newMonth } from "./case-mapping-rows";

// chair-consultation: the list of Mon 1 Feb 2027.
const TODAY = parseIsoDate("2027-02-01");

describe("cin.case-mapping.monthly data (chair-consultation 4a-b)", () => {
  let deps: ReturnType<typeof jobDeps>;
  beforeEach(() => {
    deps = jobDeps("chair-consultation", "2027-02-01T09:00:00.000Z");
  });
  afterEach(() => deps.close());

  const cin = (ref: string, openedAt: string, extra: Parameters<typeof listCase>[2] = {}) =>
    deps.store.create(listCase(deps.authority, ref, { cin: { openedAt }, ...extra }));
  const mapped = (on: string) => [{ on, chairId: DEMO_IDS.chair, kind: "new" as const }];

  it("lists open CIN cases of 12 months or more: review if mapped in the last 6 months, else new", async () => {
    await cin("CIN-12", "2026-02-01"); // 12 months today
    await cin("CIN-11", "2026-02-02"); // not yet
    await cin("CIN-CLOSED", "2024-01-01", {
      cin: { openedAt: "2024-01-01", closedAt: "2026-12-01" },
    });
    await cin("CIN-REVIEW", "2024-05-10", { mappings: mapped("2026-08-01") }); // 6 months ago today
    await cin("CIN-STALE", "2024-05-10", { mappings: mapped("2026-07-31") });
    await deps.store.create(listCase(deps.authority, "CP-ONLY")); // no CIN plan

    const rows = await gatherCinCases(deps, TODAY);
    expect(rows).toEqual([
      {
        caseId: "case-CIN-REVIEW",
        caseReference: "CIN-REVIEW",
        openSince: "2024-05-10",
        monthsOpen: 32,
        team: "Family Support East",
        lastMapped: "2026-08-01",
        task: "review",
      },
      expect.objectContaining({
        caseReference: "CIN-STALE",
        monthsOpen: 32,
        lastMapped: "2026-07-31",
        task: "new",
      }),
      expect.objectContaining({ caseReference: "CIN-12", monthsOpen: 12, task: "new" }),
    ]);
    expect(rows[2]).not.toHaveProperty("lastMapped");
  });

  it("takes the review window from the authority: 6 months unless configured (docs/rules.md, policies `chair-consultation`)", async () => {
    await cin("CIN-4M", "2024-05-10", { mappings: mapped("2026-10-01") }); // 4 months ago today
    expect(deps.authority.caseMappingReviewMonths).toBe(6);
    const byDefault = await gatherCinCases(deps, TODAY);
    expect(byDefault).toEqual([
      expect.objectContaining({ caseReference: "CIN-4M", task: "review" }),
    ]);
    expect(newMonth(deps, "2027-02", TODAY, byDefault).reviewWithinMonths).toBe(6);

    const threeMonths = {
      ...deps,
      authority: Authority.parse({ ...deps.authority, caseMappingReviewMonths: 3 }),
    };
    const configured = await gatherCinCases(threeMonths, TODAY);
    expect(configured).toEqual([
      expect.objectContaining({ caseReference: "CIN-4M", lastMapped: "2026-10-01", task: "new" }),
    ]);
    expect(newMonth(threeMonths, "2027-02", TODAY, configured).reviewWithinMonths).toBe(3);
  });

  it("is to be complete by the month's last working day at end of business", () => {
    // Fri 26 Feb 2027 (28 Feb a Sunday).
    expect(completeByOf(deps, TODAY)).toBe("2027-02-26T17:00:00.000Z");
    // Fri 30 Apr 2027, 17:00 BST.
    expect(completeByOf(deps, parseIsoDate("2027-04-01"))).toBe("2027-04-30T16:00:00.000Z");
  });
});
