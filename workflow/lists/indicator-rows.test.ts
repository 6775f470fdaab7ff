import { DEMO_IDS } from "../../app/demo/authority";
import { parseIsoDate } from "../../rules";
import { aMeeting } from "../../test/fixtures/documents";
import { asPersonRef, staffById } from "../kernel/authority";
import { jobDeps, LIST_IDS, listCase } from "./__tests__/lists-fixture";
import { gatherIndicators } from "./indicator-rows";

// West Sussex, run on Mon 1 Feb 2027: "since the previous review" is
// from Mon 4 Jan 2027 (the first working day of January; 1 Jan a holiday).
const TODAY = parseIsoDate("2027-02-01");

describe("indicator.review data (West Sussex supervision)", () => {
  let deps: ReturnType<typeof jobDeps>;
  beforeEach(() => {
    deps = jobDeps("west-sussex", "2027-02-01T09:00:00.000Z");
  });
  afterEach(() => deps.close());

  const child = (id: string, planHistory: { start: string; end?: string }[]) => ({
    id,
    name: `Named ${id}`,
    planHistory,
  });
  const withCase = (ref: string, children: ReturnType<typeof child>[], chair?: string) => {
    const kase = listCase(deps.authority, ref, {
      children,
      indexChildId: children[0]!.id,
      ...(chair !== undefined ? { chair: asPersonRef(staffById(deps.authority, chair)!) } : {}),
    });
    return deps.store.create(kase);
  };

  it("gives each chair their long plans, repeat plans and plans ended at the first RCPC", async () => {
    // Two siblings on plans since 15 Oct 2025: 15 months on 15 Jan 2027.
    await withCase("C-LONG", [
      child("l1", [{ start: "2025-10-15" }]),
      child("l2", [{ start: "2025-10-15" }]),
    ]);
    // 14 months: not yet.
    await withCase("C-14", [child("f1", [{ start: "2025-11-20" }])]);
    // A repeat: the previous plan ended 1 Mar 2025, 15 months before this one began.
    await withCase(
      "C-REPEAT",
      [child("r1", [{ start: "2023-01-10", end: "2025-03-01" }, { start: "2026-06-01" }])],
      LIST_IDS.chair2,
    );
    // The previous plan ended three years before: not a repeat.
    await withCase(
      "C-OLD",
      [child("o1", [{ start: "2020-01-01", end: "2023-01-01" }, { start: "2026-01-05" }])],
      LIST_IDS.chair2,
    );
    // Ended Thu 14 Jan 2027 at its first RCPC (the meeting is stored).
    await withCase("C-FIRST", [child("e1", [{ start: "2026-10-12", end: "2027-01-14" }])]);
    await deps.store.create(
      aMeeting("m-first", "case-C-FIRST", "2027-01-14T10:00:00.000Z", {
        kind: "RCPC",
        status: "outcome-recorded",
        anchors: { previous: "2026-10-12" },
      }),
    );
    // Ended 20 Jan at the second RCPC (the first was 12 Jan): not counted.
    await withCase("C-SECOND", [child("s1", [{ start: "2026-10-01", end: "2027-01-20" }])]);
    await deps.store.create(
      aMeeting("m-second-1", "case-C-SECOND", "2027-01-12T10:00:00.000Z", {
        kind: "RCPC",
        status: "outcome-recorded",
        anchors: { previous: "2026-10-01" },
      }),
    );
    // Ended 21 Jan at the first RCPC, as the register entry says (no meeting stored).
    await withCase("C-REG", [child("g1", [{ start: "2026-10-20", end: "2027-01-21" }])]);
    await deps.store.create({
      id: "reg-1",
      type: "register-entry",
      pk: "case-C-REG",
      caseId: "case-C-REG",
      childId: "g1",
      change: "removed",
      firstRcpc: true,
      at: "2027-01-21T15:00:00.000Z",
      recordedBy: DEMO_IDS.chair,
    });
    // Ended at the first RCPC in December: reviewed last month already.
    await withCase("C-DEC", [child("d1", [{ start: "2026-09-01", end: "2026-12-10" }])]);
    await deps.store.create(
      aMeeting("m-dec", "case-C-DEC", "2026-12-10T10:00:00.000Z", {
        kind: "RCPC",
        status: "outcome-recorded",
        anchors: { previous: "2026-09-01" },
      }),
    );
    // A history that cannot be true (overlapping plans): left out, logged by case id.
    await withCase("C-BAD", [
      child("b1", [{ start: "2024-01-01", end: "2025-06-01" }, { start: "2025-01-01" }]),
    ]);

    const chairs = await gatherIndicators(deps, TODAY);
    const chris = chairs.find((c) => c.chairId === DEMO_IDS.chair)!;
    const dana = chairs.find((c) => c.chairId === LIST_IDS.chair2)!;
    expect(chairs).toHaveLength(2);
    expect(chris.chairName).toBe("Chris Chair");
    expect(chris.longPlans).toEqual([
      {
        caseId: "case-C-LONG",
        caseReference: "C-LONG",
        planStart: "2025-10-15",
        months: 15,
        children: 2,
      },
    ]);
    expect(chris.repeatPlans).toEqual([]);
    expect(chris.endedAtFirstRcpc.map((r) => [r.caseReference, r.planStart, r.planEnd])).toEqual([
      ["C-FIRST", "2026-10-12", "2027-01-14"],
      ["C-REG", "2026-10-20", "2027-01-21"],
    ]);
    expect(dana).toMatchObject({
      chairName: "Dana Chair",
      longPlans: [],
      endedAtFirstRcpc: [],
      repeatPlans: [
        {
          caseReference: "C-REPEAT",
          planStart: "2026-06-01",
          previousPlanEnd: "2025-03-01",
          children: 1,
        },
      ],
    });
    expect(deps.logger.lines).toEqual([
      expect.objectContaining({
        level: "warn",
        obj: expect.objectContaining({ caseId: "case-C-BAD" }),
      }),
    ]);
    expect(JSON.stringify(chairs)).not.toMatch(/Named/);
  });

  it("lists every staff chair, with nothing to review when so", async () => {
    const chairs = await gatherIndicators(deps, TODAY);
    expect(chairs.map((c) => [c.chairName, c.longPlans.length])).toEqual([
      ["Chris Chair", 0],
      ["Dana Chair", 0],
    ]);
  });
});
